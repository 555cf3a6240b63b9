// What makes a file a spec file: its name. Apart from the rest of core/specs (which pulls in the YAML
// parser), so activation can recognise spec files without loading their bundle (dist/specs.js).

/** The file names spec files have (for a DocumentSelector / file watcher). */
export const SPEC_FILE_GLOB = '**/*.servicecatalog.{yaml,yml,json}';

/** The languages VS Code gives spec files; their completions and hovers are registered for these. */
export const SPEC_LANGUAGES = ['yaml', 'json'] as const;

const SPEC_SUFFIX = /\.servicecatalog\.(ya?ml|json)$/;
const SPEC_SUFFIX_ANY_CASE = new RegExp(SPEC_SUFFIX.source, 'i');

/** Whether a file is read as a spec file (its name's suffix in any case). */
export function isSpecFileName(fileName: string): boolean {
  return SPEC_SUFFIX_ANY_CASE.test(fileName);
}

/** Whether the name is as SPEC_FILE_GLOB matches it (lower case): what the CodeLenses, completions and menus see. */
export function matchesSpecFileGlob(fileName: string): boolean {
  return SPEC_SUFFIX.test(fileName);
}

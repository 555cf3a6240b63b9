// What makes a file a spec file: its name. Apart from the rest of core/specs (which pulls in the YAML
// parser), so activation can recognise spec files without loading their bundle (dist/specs.js).

/** The file names spec files have (for a DocumentSelector / file watcher). */
export const SPEC_FILE_GLOB = '**/*.servicecatalog.{yaml,yml,json}';

/** The languages VS Code gives spec files; their completions and hovers are registered for these. */
export const SPEC_LANGUAGES = ['yaml', 'json'] as const;

export function isSpecFileName(fileName: string): boolean {
  return /\.servicecatalog\.(ya?ml|json)$/i.test(fileName);
}

// Spec files' VS Code layer (diagnostics, completions, hovers), importable as one module so it can be loaded lazily.
export { SpecCatalog, CatalogUnavailable, specCatalogOfSession, type SpecCatalogSources } from './specCatalog';
export { registerSpecLanguage, SPEC_SELECTOR } from './specLanguage';
export { SpecDiagnostics, SPEC_DIAGNOSTIC_SOURCE } from './specDiagnostics';
export { SpecValidations, type CheckedSpec } from './specValidations';

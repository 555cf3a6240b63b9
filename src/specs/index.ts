// Spec files' VS Code layer (diagnostics, completions, hovers), importable as one module so it can be loaded lazily.
export { SpecCatalog, CatalogUnavailable, specCatalogOfSession, type SpecCatalogSources } from './specCatalog';

// Spec files (`*.servicecatalog.yaml|yml|json`): provisioned products declared in the repository.
// Pure: parsing with source ranges, validation through the forms' own checks, completions, hovers and
// "Save as Spec File". The VS Code layer gives the catalog facts and turns offsets into positions.
export {
  envNameFor, referenceOf, referenceText, PRODUCT_KEYS, STACK_SET_KEYS, TOP_LEVEL_KEYS,
  type ParsedSpec, type SpecProduct, type SpecProblem, type SpecProblemCode, type SpecRange, type SpecSeverity, type SpecValue,
  type SpecEntry, type SpecSection, type SpecStackSet, type SpecReference,
} from './specModel';
export { parseSpec } from './parseSpec';
export {
  catalogIndex, type CatalogSnapshot, type SnapshotProduct, type SnapshotVersion, type SnapshotLaunchPath, type ExistingProvisionedProduct,
} from './catalogSnapshot';
export {
  validateSpec, formOfTarget, type SpecValidation, type ValidatedProduct, type SpecTarget, type ParametersRequest,
} from './validateSpec';
export { submissionOfSpec, rangeOfFormPath, type SpecSubmission, type SubmissionOptions } from './specSubmission';
export { cursorAt, type SpecCursor, type KeySection, type ValueField } from './specCursor';
export {
  specCompletions, specHoverAt, parameterHover, type SpecCompletion, type SpecCompletions, type CompletionKind, type ParameterHover,
} from './specAssist';
export { specOfProvisionedProduct, specOfProvisionedProducts, specFileNameFor, specFormatOf, type ProvisionedProductState, type SpecFormat } from './specOfProvisionedProduct';
export {
  productToSaveOfLive, productToSaveOfSubmission, stateOfProductToSave, userTags, type CatalogNames, type ProductToSave, type SaveTarget, type SpecValues,
} from './specToSave';
export { SPEC_FILE_GLOB, SPEC_LANGUAGES, isSpecFileName, matchesSpecFileGlob } from './specFileNames';

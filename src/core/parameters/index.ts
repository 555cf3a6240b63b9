// Provisioning parameters: form model, validation, SDK inputs. Pure and browser-safe (the webview runs it too).
export {
  buildProvisioningForm, buildUpdateForm, buildUpdateFormFromCurrent, buildField, groupTagOptions, labelFromKey, isListType, TAGS_NOT_UPDATABLE,
  type ProvisioningForm, type ParameterField, type FieldKind, type FieldConstraints, type TagOptionGroup,
  type StackSetSection, type DisplayItem, type BuildFormOptions, type CurrentValues, type SentValue,
} from './formModel';
export { validateParameterValue } from './parameterValidation';
export { compileAllowedPattern, allowedPatternHint, type AllowedPatternTest } from './allowedPattern';
export {
  validateProvisioningSubmission, givenValue, type ProvisioningSubmission, type TagEntry, type ValidationErrors, type ValidationResult,
} from './submission';
export {
  validateStackSetPreferences, parseWholeNumber, type StackSetSubmission, type StackSetOperationType, type NumberInput,
} from './stackSet';
export {
  validateProvisionedProductName, validateTagKey, validateTagValue, validateAccountId, validateRegion,
  validateNotificationArn, validateRoleArn, isValidIdempotencyToken, newIdempotencyToken, MAX_TAGS, MAX_NOTIFICATION_ARNS,
} from './validators';
export { toProvisionInput, toUpdateInput, type ProductTarget, type UpdateTarget } from './toInput';
export { diffParameters, type ParameterDiff, type ParameterChange } from './diff';
export { redactNoEcho, REDACTED } from './noEchoRedaction';

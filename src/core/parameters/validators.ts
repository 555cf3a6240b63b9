// Validators for the non-parameter inputs of provisioning calls, per the Service Catalog model.
// Each returns an error message, or undefined when the value is valid.
import { isRegionCode, REGION_CODE_PATTERN } from '../connection';
import { isSystemTagKey } from '../products/systemTags';

const PROVISIONED_PRODUCT_NAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]*$/;
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const ACCOUNT_ID = /^\d{12}$/;
const SNS_TOPIC_ARN = new RegExp(`^arn:aws(-[a-z]+)*:sns:${REGION_CODE_PATTERN.source}:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$`);
const IAM_ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:role\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const IDEMPOTENCY_TOKEN = /^[a-zA-Z0-9][a-zA-Z0-9_-]*$/;

export const MAX_TAGS = 50;
export const MAX_NOTIFICATION_ARNS = 5;

/**
 * A string's length as AWS counts it, in characters: Unicode code points, not UTF-16 units ("😀" is
 * one character, not two). The one length rule of the client and the sandbox, for the model's string
 * lengths (names, tags) and CloudFormation's MinLength/MaxLength alike. Why code points: the Service
 * Catalog API is a Smithy model, whose `@length` on a string counts Unicode scalar values, and
 * CloudFormation documents MinLength/MaxLength as a number of characters; counting UTF-16 units would
 * refuse, for example, a 3-character value of three emoji that AWS accepts.
 */
export function characterCount(text: string): number {
  return [...text].length;
}

export function validateProvisionedProductName(name: string): string | undefined {
  if (name.length === 0) return 'Enter a name for the provisioned product.';
  if (characterCount(name) > 128) return 'The name must be at most 128 characters.';
  if (!PROVISIONED_PRODUCT_NAME.test(name)) {
    return 'The name must start with a letter or digit and contain only letters, digits, ".", "_" and "-".';
  }
  return undefined;
}

export function validateTagKey(key: string): string | undefined {
  if (key.length === 0) return 'Tag key is required.';
  if (characterCount(key) > 128) return 'Tag key must be at most 128 characters.';
  if (isSystemTagKey(key)) return 'Tag keys starting with "aws:" are reserved.';
  if (!TAG_TEXT.test(key)) return 'Tag key may contain only letters, digits, spaces and _ . : / = + - @';
  return undefined;
}

/** The model's TagValue is 1–256 characters: the API rejects an empty tag value. */
export function validateTagValue(value: string): string | undefined {
  if (value.length === 0) return 'Tag value is required.';
  if (characterCount(value) > 256) return 'Tag value must be at most 256 characters.';
  if (!TAG_TEXT.test(value)) return 'Tag value may contain only letters, digits, spaces and _ . : / = + - @';
  return undefined;
}

export function validateAccountId(account: string): string | undefined {
  return ACCOUNT_ID.test(account) ? undefined : `"${account}" is not a 12-digit AWS account ID.`;
}

export function validateRegion(region: string): string | undefined {
  return isRegionCode(region) ? undefined : `"${region}" is not a Region code like us-east-1.`;
}

export function validateNotificationArn(arn: string): string | undefined {
  return SNS_TOPIC_ARN.test(arn) ? undefined : `"${arn}" is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<topic>).`;
}

/** For "change launch role": an IAM role ARN in the aws, aws-cn or aws-us-gov partition. */
export function validateRoleArn(arn: string): string | undefined {
  if (arn.length === 0) return 'Enter an IAM role ARN.';
  return IAM_ROLE_ARN.test(arn) ? undefined : 'Enter an IAM role ARN like arn:aws:iam::123456789012:role/MyLaunchRole.';
}

export function isValidIdempotencyToken(token: string): boolean {
  return token.length >= 1 && token.length <= 128 && IDEMPOTENCY_TOKEN.test(token);
}

/**
 * A token for one user action, reused on every retry of that action so the service does not run it
 * twice. A UUID (hex and hyphens) always starts with an alphanumeric and fits the 128-character limit.
 */
export function newIdempotencyToken(): string {
  return globalThis.crypto.randomUUID();
}

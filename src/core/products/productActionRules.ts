// The words and rules behind the right-click actions on provisioned products. Pure (no vscode import)
// so the confirmation wording and validators are unit-tested.
import { ADMIN_POLICY, iamActionEntry } from '../iamActions';

export interface TerminateConfirmation {
  readonly message: string;
  readonly detail: string;
  /** What the user must type to go on, when the blast radius asks for it. */
  readonly typeToConfirm?: string;
}

export interface TerminateOptionsChoice {
  readonly ignoreErrors: boolean;
  readonly retainPhysicalResources: boolean;
}

export const TERMINATE = 'Terminate';
export const TERMINATE_WITH_OPTIONS = 'Terminate with Options…';

/** One product: name it; several: list them and ask the user to type the count ("terminate 3"). */
export function terminateConfirmation(names: readonly string[], confirmByTyping: boolean): TerminateConfirmation {
  if (names.length === 1) {
    const [name] = names;
    return {
      message: `Terminate provisioned product "${name}"?`,
      detail: 'Its resources (the CloudFormation stack or other launched resources) are deleted. This cannot be undone.',
      typeToConfirm: confirmByTyping ? name : undefined,
    };
  }
  const listed = names.slice(0, 10).map((n) => `• ${n}`);
  if (names.length > 10) listed.push(`• …and ${names.length - 10} more`);
  return {
    message: `Terminate ${names.length} provisioned products?`,
    detail: `${listed.join('\n')}\n\nTheir resources are deleted. This cannot be undone.`,
    typeToConfirm: `terminate ${names.length}`,
  };
}

export function typedConfirmationError(typed: string, expected: string): string | undefined {
  return typed === expected ? undefined : `Type "${expected}" to confirm.`;
}

export function describeTerminateOptions(options: TerminateOptionsChoice): string {
  const chosen = [options.ignoreErrors && 'ignoring errors', options.retainPhysicalResources && 'keeping physical resources'].filter(Boolean);
  return chosen.length ? ` (${chosen.join(', ')})` : '';
}

export interface ActionOutcome {
  readonly name: string;
  /** Why it did not start; undefined when it started. */
  readonly failure?: string;
}

/** The summary after acting on several products: how many started, and which failed why. */
export function multiActionSummary(verb: string, outcomes: readonly ActionOutcome[]): { readonly text: string; readonly failed: boolean } {
  const failed = outcomes.filter((o) => o.failure);
  const started = outcomes.length - failed.length;
  if (!failed.length) return { text: `${verb} started for all ${outcomes.length} provisioned products.`, failed: false };
  const reasons = failed.map((o) => `${o.name}: ${o.failure}`).join('; ');
  return { text: `${verb} started for ${started} of ${outcomes.length} provisioned products. Failed: ${reasons}`, failed: true };
}

const IAM_USER_OR_ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::\d{12}:(user|role)\/([\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const STS_ASSUMED_ROLE_ARN = /^arn:aws(-cn|-us-gov)?:sts::\d{12}:assumed-role\/[\w+=,.@-]{1,64}\/[\w+=,.@-]{2,64}$/;

/** For "change owner": OWNER accepts IAM user, IAM role and STS assumed-role ARNs of the account. */
export function validateOwnerArn(arn: string): string | undefined {
  if (arn.length === 0) return 'Enter an IAM user or role ARN.';
  return IAM_USER_OR_ROLE_ARN.test(arn) || STS_ASSUMED_ROLE_ARN.test(arn)
    ? undefined
    : 'Enter an IAM user or role ARN like arn:aws:iam::123456789012:user/alice or arn:aws:iam::123456789012:role/Admin.';
}

/** Launch roles and owners live in the product's own account: another account's ARN is refused here. */
export function otherAccountError(arn: string, productArns: readonly (string | undefined)[]): string | undefined {
  const account = (value: string | undefined) => value?.split(':')[4];
  const wanted = account(arn);
  const foreign = productArns.find((productArn) => account(productArn) && account(productArn) !== wanted);
  return foreign ? `${arn} is in account ${wanted}, but the provisioned product is in account ${account(foreign)}. Use an ARN of account ${account(foreign)}.` : undefined;
}

/** What changing the owner does, said before it is done: the product may leave the caller's view. */
export function ownerChangeConfirmation(productNames: readonly string[], newOwner: string, accessLevel: string): { message: string; detail: string } {
  const what = productNames.length === 1 ? `"${productNames[0]}"` : `${productNames.length} provisioned products`;
  const leaves = accessLevel === 'User'
    ? 'With the User access level, it will no longer be listed here, and only the new owner can read its past records.'
    : 'Only the new owner can read its past records afterwards.';
  return { message: `Transfer ${what} to ${newOwner}?`, detail: `The new owner can update, terminate and run actions on it. ${leaves}` };
}

/** The provisioned product's page in the AWS console for the connection's region. */
export function consoleUrl(region: string, provisionedProductId: string): string {
  const r = encodeURIComponent(region);
  return `https://${r}.console.aws.amazon.com/servicecatalog/home?region=${r}#/provisioned-products/${encodeURIComponent(provisionedProductId)}`;
}

/** The IAM action behind Change Launch Role and Change Owner: an administrator action (see iamActions). */
export const PROPERTY_CHANGE_ACTION = 'UpdateProvisionedProductProperties';

/**
 * Plain words for an AccessDenied on Change Launch Role or Change Owner: the one sentence the denial
 * shows, built on the IAM action table's (which policy grants the action, whom to ask).
 */
export function propertyChangeDeniedMessage(property: 'launch role' | 'owner', productName: string): string {
  const passRole = property === 'launch role' ? ` and ${iamActionEntry(PROPERTY_CHANGE_ACTION)?.alsoNeeds ?? 'iam:PassRole on the new launch role'}` : '';
  return `You are not allowed to change the ${property} of "${productName}": that is an administrator action. `
    + `It needs servicecatalog:${PROPERTY_CHANGE_ACTION}${passRole}, which ${ADMIN_POLICY} grants; ask your catalog administrator.`;
}

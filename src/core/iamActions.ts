// Every IAM action the extension can call, the feature it serves, and which AWS managed policy grants
// it: the one source for README's Permissions table (a unit test holds the two, and the code's calls,
// together) and for the sentence an AccessDenied shows.
//
// Policy documents, as AWS publishes them (AWS Managed Policy Reference; copies in zoph-io/MAMIP,
// policies/<name>):
// - AWSServiceCatalogEndUserFullAccess v7 (default since 2019-07-10): on "*" DescribeProduct,
//   DescribeProductView, DescribeProvisioningParameters, ListLaunchPaths, ProvisionProduct,
//   SearchProducts; only with `servicecatalog:userLevel = self` DescribeProvisionedProduct,
//   DescribeRecord, ListRecordHistory, ListStackInstancesForProvisionedProduct, Scan/Search/Update/
//   TerminateProvisionedProduct, the five plan operations, ListServiceActionsForProvisioningArtifact,
//   ExecuteProvisionedProductServiceAction, DescribeServiceActionExecutionParameters. Not granted:
//   ListProvisioningArtifacts, DescribeProvisioningArtifact, GetProvisionedProductOutputs,
//   UpdateProvisionedProductProperties.
//   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceCatalogEndUserFullAccess.html
// - AWSServiceCatalogEndUserReadOnlyAccess v1 (2019-10-25): the same reads (DescribeProvisionedProductPlan,
//   ListProvisionedProductPlans, ListServiceActionsForProvisioningArtifact and
//   DescribeServiceActionExecutionParameters under userLevel = self among them) and no writes.
//   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceCatalogEndUserReadOnlyAccess.html
// - AWSServiceCatalogAdminFullAccess: servicecatalog:* on "*".
//   https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSServiceCatalogAdminFullAccess.html
// - CloudFormation: all three policies grant cloudformation:DescribeStacks, DescribeStackEvents and
//   ListStackResources on Service Catalog's stacks only (arn:aws:cloudformation:*:*:stack/SC-*,
//   stack/StackSet-SC-*), the stacks Service Catalog launches products as.
// `userLevel = self` holds when the call is about the caller's own provisioned products and records
// (AccessLevelFilter User); a filter of Role or Account, or another user's product, is denied.
//
// Not IAM actions: the SSO sign-in (sso-oidc RegisterClient, StartDeviceAuthorization, CreateToken;
// sso ListAccounts, ListAccountRoles) is authorised by the client registration and the user's access
// token, not by an identity-based policy: the portal calls carry `x-amz-sso_bearer_token: <access
// token>` instead of a SigV4 signature (IAM Identity Center Portal API Reference, ListAccounts), and
// the OIDC calls are unsigned. No policy has to grant them.

export type ManagedPolicyName = 'AWSServiceCatalogEndUserFullAccess' | 'AWSServiceCatalogEndUserReadOnlyAccess' | 'AWSServiceCatalogAdminFullAccess';

export const END_USER_POLICY: ManagedPolicyName = 'AWSServiceCatalogEndUserFullAccess';
export const READ_ONLY_POLICY: ManagedPolicyName = 'AWSServiceCatalogEndUserReadOnlyAccess';
export const ADMIN_POLICY: ManagedPolicyName = 'AWSServiceCatalogAdminFullAccess';

/**
 * `all`: on every resource; `own`: only with servicecatalog:userLevel = self (the caller's own products
 * and records); `scStacks`: on Service Catalog's stacks only (`stack/SC-*`, `stack/StackSet-SC-*`); `none`.
 */
export type Grant = 'all' | 'own' | 'scStacks' | 'none';

/** The services whose actions the extension sends. */
export type IamService = 'servicecatalog' | 'cloudformation';

export interface IamActionEntry {
  readonly service: IamService;
  /** The operation, as in `<service>:<action>`; no two entries share one. */
  readonly action: string;
  /** What the extension uses it for, in the README's words. */
  readonly feature: string;
  readonly endUser: Grant;
  readonly readOnly: Grant;
  /** AWSServiceCatalogAdminFullAccess grants servicecatalog:*, and the CloudFormation reads on Service Catalog's stacks. */
  readonly admin: 'all' | 'scStacks';
  /** Another action the call needs besides its own. */
  readonly alsoNeeds?: string;
}

const entry = (action: string, feature: string, endUser: Grant, readOnly: Grant, alsoNeeds?: string): IamActionEntry => ({
  service: 'servicecatalog', action, feature, endUser, readOnly, admin: 'all', ...(alsoNeeds ? { alsoNeeds } : {}),
});

/** A CloudFormation read: every managed policy grants it on Service Catalog's stacks, and only there. */
const stackRead = (action: string, feature: string): IamActionEntry => ({
  service: 'cloudformation', action, feature, endUser: 'scStacks', readOnly: 'scStacks', admin: 'scStacks',
});

/** Every action the extension sends, in the order README lists them. */
export const IAM_ACTIONS: readonly IamActionEntry[] = [
  entry('SearchProvisionedProducts', 'The tree (listing at the access level), the owner check before Change Owner', 'own', 'own'),
  entry('ScanProvisionedProducts', 'Launch roles of a short list in the tree', 'own', 'own'),
  entry('DescribeProvisionedProduct', 'Tooltips, auto-refresh, the forms, the product after a record ends', 'own', 'own'),
  entry('GetProvisionedProductOutputs', 'The Outputs folder and Show Outputs (where denied: the last successful provisioning record\'s outputs)', 'none', 'none'),
  entry('ListRecordHistory', 'Record history, expected durations', 'own', 'own'),
  entry('DescribeRecord', 'Following records, record documents, the operation on a product under change', 'own', 'own'),
  entry('SearchProducts', 'Provision: the product picker', 'all', 'all'),
  entry('DescribeProduct', 'Provision and update: versions; product names in record documents', 'all', 'all'),
  entry('ListLaunchPaths', 'Provision and update: launch paths', 'all', 'all'),
  entry('DescribeProvisioningParameters', 'Provision and update: parameters, constraints, tag options', 'all', 'all'),
  entry('ProvisionProduct', 'Provision', 'all', 'none'),
  entry('UpdateProvisionedProduct', 'Update', 'own', 'none'),
  entry('CreateProvisionedProductPlan', 'Plans: create', 'own', 'none'),
  entry('DescribeProvisionedProductPlan', 'Plans: review changes', 'own', 'own'),
  entry('ListProvisionedProductPlans', 'Plans: list', 'own', 'own'),
  entry('ExecuteProvisionedProductPlan', 'Plans: execute', 'own', 'none'),
  entry('DeleteProvisionedProductPlan', 'Plans: delete', 'own', 'none'),
  entry('ListServiceActionsForProvisioningArtifact', 'Self-service actions: list', 'own', 'own'),
  entry('DescribeServiceActionExecutionParameters', 'Self-service actions: parameters', 'own', 'own'),
  entry('ExecuteProvisionedProductServiceAction', 'Self-service actions: run', 'own', 'none'),
  entry('TerminateProvisionedProduct', 'Terminate', 'own', 'none'),
  entry('UpdateProvisionedProductProperties', 'Change Launch Role, Change Owner (administrator actions)', 'none', 'none', 'iam:PassRole on the new launch role'),
  entry('ListStackInstancesForProvisionedProduct', 'The Instances folder of a stack-set product', 'own', 'own'),
  stackRead('DescribeStacks', 'Current parameter values in the update form'),
  stackRead('DescribeStackEvents', 'Stack events under a running record, the Events folder'),
  stackRead('ListStackResources', 'The Resources folder of a product'),
];

/** `cloudformation:DescribeStacks`: the action as IAM names it. */
export function iamActionName(action: string): string {
  return `${iamActionEntry(action)?.service ?? 'servicecatalog'}:${action}`;
}

export function iamActionEntry(action: string): IamActionEntry | undefined {
  return IAM_ACTIONS.find((e) => e.action === action);
}

/** An administrator action: neither end-user policy grants it. */
export function isAdministratorAction(action: string): boolean {
  const known = iamActionEntry(action);
  return !!known && known.endUser === 'none' && known.readOnly === 'none';
}

// IAM names the action it refused: "... is not authorized to perform: servicecatalog:<Action> on
// resource: ..." (CloudFormation's AccessDenied: "... perform: cloudformation:<Action> on resource:
// arn:aws:cloudformation:..."). Only that form counts (a `servicecatalog:` elsewhere is a resource ARN
// or another action's words), only letters are taken, and only an action of the table above of the
// service named, so nothing else of the service's text comes along.
const DENIED_ACTION = /\bperform:\s*(servicecatalog|cloudformation):([A-Za-z]{1,80})\b/;

/**
 * The action (its operation name, as the table keys it) an AccessDenied message names, if IAM names
 * one the extension calls: the one reader of it. iamActionName gives its `<service>:` name.
 */
export function deniedActionOf(message: string | undefined): string | undefined {
  const named = message ? DENIED_ACTION.exec(message) : undefined;
  if (!named) return undefined;
  return iamActionEntry(named[2])?.service === named[1] ? named[2] : undefined;
}

/**
 * A refusal no managed policy can lift, by the policy IAM says refused it. IAM's wordings ("... on
 * resource: <arn> with an explicit deny in a service control policy", "... because no permissions
 * boundary allows the <action> action"): IAM User Guide, "Troubleshoot access denied error messages",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html; explicit and
 * implicit denies: .../reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html. Real
 * messages: https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2322 (an SCP),
 * https://github.com/aws/aws-cli/issues/5592 (a bare "with an explicit deny"). The most precise
 * wording is tried first.
 */
export type PolicyRestriction = 'scp-deny' | 'rcp-deny' | 'identity-deny' | 'boundary' | 'session-policy' | 'explicit-deny';

const RESTRICTIONS: readonly { readonly kind: PolicyRestriction; readonly wording: RegExp; readonly says: string }[] = [
  { kind: 'scp-deny', wording: /\bwith an explicit deny in a service control policy\b/i, says: 'An explicit deny in a service control policy refuses' },
  { kind: 'rcp-deny', wording: /\bwith an explicit deny in a resource control policy\b/i, says: 'An explicit deny in a resource control policy refuses' },
  { kind: 'identity-deny', wording: /\bwith an explicit deny in an identity-based policy\b/i, says: 'An explicit deny in an identity-based policy refuses' },
  { kind: 'boundary', wording: /\bbecause no permissions boundary allows\b/i, says: 'Your permissions boundary does not allow' },
  { kind: 'session-policy', wording: /\bbecause no session policy allows\b/i, says: 'Your session policy does not allow' },
  { kind: 'explicit-deny', wording: /\bexplicit deny\b/i, says: 'An explicit deny refuses' },
];

/** Which policy an AccessDenied message says refused the call, when it is one no managed policy can lift. */
export function policyRestrictionOf(message: string | undefined): PolicyRestriction | undefined {
  return message ? RESTRICTIONS.find((r) => r.wording.test(message))?.kind : undefined;
}

/** Plain words for a restriction: whose refusal it is, that no managed policy lifts it. Our words only. */
export function policyRestrictionMessage(restriction: PolicyRestriction, action?: string): string {
  const says = RESTRICTIONS.find((r) => r.kind === restriction)!.says;
  return `${says} ${action ? iamActionName(action) : 'this request'}; no managed policy can lift it: ask your administrator.`;
}

/**
 * Plain words for an AccessDenied on `action`: what is not allowed, which managed policy grants it,
 * and whom to ask. The action is ours (letters only), never the service's sentence.
 */
export function permissionDeniedMessage(action: string): string {
  const denied = `Your AWS permissions do not allow ${iamActionName(action)}.`;
  const known = iamActionEntry(action);
  if (!known) return `${denied} Ask your administrator for it.`;
  if (known.endUser === 'scStacks') {
    return `Your AWS permissions do not allow ${iamActionName(action)} on this product's stack. ${END_USER_POLICY} and ${READ_ONLY_POLICY} `
      + 'grant it on Service Catalog\'s stacks (stack/SC-*); ask your administrator for one of them.';
  }
  const also = known.alsoNeeds ? ` It also needs ${known.alsoNeeds}.` : '';
  if (isAdministratorAction(action)) {
    return `${denied} It is an administrator action (${ADMIN_POLICY} grants it); ask your catalog administrator.${also}`;
  }
  if (known.readOnly === 'none') {
    const scope = known.endUser === 'own' ? ' for your own provisioned products' : '';
    return `${denied} ${END_USER_POLICY} grants it${scope}, ${READ_ONLY_POLICY} does not; ask your administrator for it.${also}`;
  }
  if (known.endUser === 'own') {
    return `Your AWS permissions do not allow servicecatalog:${action} here. The end-user policies grant it only for your own provisioned products `
      + `and records, at the access level User; ${ADMIN_POLICY} grants it for all.${also}`;
  }
  return `${denied} ${END_USER_POLICY} and ${READ_ONLY_POLICY} grant it; ask your administrator for one of them.${also}`;
}

/** The listing the tree makes at the access level: refused at Role or Account to an end user. */
export const LISTING_ACTION = 'SearchProvisionedProducts';

/**
 * A listing at the access level Role or Account that IAM refused: the end-user policies allow only the
 * caller's own products (`servicecatalog:userLevel = self`), so the way on is the access level User.
 */
export function isAccessLevelDenial(
  failure: { readonly kind: string; readonly action?: string; readonly restriction?: PolicyRestriction },
  accessLevel: string,
): boolean {
  // A restriction refuses the User level as well: the panel's way on would not work.
  return failure.kind === 'access-denied' && failure.action === LISTING_ACTION && accessLevel !== 'User' && !failure.restriction;
}

/** What the tree says when the access level was refused (`accessLevel`: the setting's, Role or Account). */
export function accessLevelDeniedMessage(accessLevel: string): { readonly title: string; readonly detail: string } {
  return {
    title: 'Your permissions only show your own provisioned products',
    detail: `Listing at the access level ${accessLevel === 'Role' ? 'Role' : 'Account'} was refused: the end-user policies (${END_USER_POLICY}, ${READ_ONLY_POLICY}) `
      + `allow only your own provisioned products (servicecatalog:userLevel = self). Switch the access level to User, or ask your administrator for ${ADMIN_POLICY}.`,
  };
}

const GRANT_WORDS: Record<Grant, string> = {
  all: 'yes',
  own: 'own products only (`userLevel = self`)',
  scStacks: 'Service Catalog stacks only (`stack/SC-*`)',
  none: 'no',
};

/** README's Permissions table, row by row, as the table above says it. */
export function permissionsTableRows(): string[] {
  return IAM_ACTIONS.map((e) => {
    const action = `\`${e.service}:${e.action}\`${e.alsoNeeds ? ` (and \`${e.alsoNeeds.replace(/ on .*/, '')}\`${e.alsoNeeds.replace(/^\S+/, '')})` : ''}`;
    return `| ${action} | ${e.feature} | ${GRANT_WORDS[e.endUser]} | ${GRANT_WORDS[e.readOnly]} | ${GRANT_WORDS[e.admin]} |`;
  });
}

export const PERMISSIONS_TABLE_HEADER = [
  `| Action | Used for | \`${END_USER_POLICY}\` | \`${READ_ONLY_POLICY}\` | \`${ADMIN_POLICY}\` |`,
  '|---|---|---|---|---|',
];

// The callers the sandbox knows. Each access key is one IAM user of the same account holding one AWS
// managed policy, so tests can tell an ordinary end user from an administrator, and AccessLevelFilter
// "User" (only mine) from "Account" (everyone's). src/sandbox/iam evaluates each call against the
// caller's policy as IAM does. One caller holds a customer managed policy instead: the end user's
// without its CloudFormation statement, as accounts that trim the managed policy have.
import { SANDBOX_IDENTITY } from './contract';

/**
 * The policies the sandbox's callers hold (their statements: src/sandbox/iam/managedPolicies.ts): three
 * AWS managed ones and one customer managed policy (the end user's without CloudFormation reads).
 */
export type ManagedPolicyName =
  | 'AWSServiceCatalogEndUserFullAccess'
  | 'AWSServiceCatalogEndUserReadOnlyAccess'
  | 'AWSServiceCatalogAdminFullAccess'
  | 'ServiceCatalogEndUserWithoutCloudFormation';

/**
 * Who a sandbox caller is: `endUser` (the default: the managed end-user policy, as most end users hold),
 * `other` (a second end user, for ownership), `readOnly` (the end-user read-only policy), `admin`,
 * `noCloudFormation` (an end user whose policy grants Service Catalog but no CloudFormation action).
 */
export type SandboxPersona = 'endUser' | 'other' | 'readOnly' | 'admin' | 'noCloudFormation';

export const SANDBOX_PERSONAS: readonly SandboxPersona[] = ['endUser', 'other', 'readOnly', 'admin', 'noCloudFormation'];

export interface SandboxIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly accountId: string;
  readonly userName: string;
  /** arn:aws:iam::<account>:user/<name>, or an Identity Center session (sso/permissionSets.ts) */
  readonly arn: string;
  readonly persona: SandboxPersona;
  readonly policy: ManagedPolicyName;
}

function identity(persona: SandboxPersona, policy: ManagedPolicyName, accessKeyId: string, secretAccessKey: string, userName: string): SandboxIdentity {
  const accountId = SANDBOX_IDENTITY.accountId;
  return { accessKeyId, secretAccessKey, accountId, userName, arn: `arn:aws:iam::${accountId}:user/${userName}`, persona, policy };
}

/** The default caller: the one the CLI prints first and the extension uses in sandbox mode. */
export const SANDBOX_USER = identity('endUser', 'AWSServiceCatalogEndUserFullAccess', SANDBOX_IDENTITY.accessKeyId, SANDBOX_IDENTITY.secretAccessKey, SANDBOX_IDENTITY.userName);

/** A second end user in the same account. */
export const SANDBOX_COLLEAGUE = identity('other', 'AWSServiceCatalogEndUserFullAccess', 'AKIASANDBOXOTHER0002', 'sandbox/secret/COLLEAGUE/000000000000000', 'sandbox-colleague');

/** An end user who may only read. */
export const SANDBOX_READER = identity('readOnly', 'AWSServiceCatalogEndUserReadOnlyAccess', 'AKIASANDBOXREADER004', 'sandbox/secret/READER/00000000000000000000', 'sandbox-reader');

/** The catalog administrator (servicecatalog:*). */
export const SANDBOX_ADMIN = identity('admin', 'AWSServiceCatalogAdminFullAccess', 'AKIASANDBOXADMIN0003', 'sandbox/secret/ADMIN/000000000000000000000', 'sandbox-admin');

/** An end user whose custom policy has the end user's Service Catalog rights and no CloudFormation statement. */
export const SANDBOX_NO_STACKS_USER = identity('noCloudFormation', 'ServiceCatalogEndUserWithoutCloudFormation', 'AKIASANDBOXNOCFN0005', 'sandbox/secret/NOCFN/00000000000000000000', 'sandbox-no-cloudformation');

export const KNOWN_IDENTITIES: readonly SandboxIdentity[] = [SANDBOX_USER, SANDBOX_COLLEAGUE, SANDBOX_READER, SANDBOX_ADMIN, SANDBOX_NO_STACKS_USER];

export function findIdentity(accessKeyId: string): SandboxIdentity | undefined {
  return KNOWN_IDENTITIES.find((i) => i.accessKeyId === accessKeyId);
}

export function identityOf(persona: SandboxPersona): SandboxIdentity {
  return KNOWN_IDENTITIES.find((i) => i.persona === persona)!;
}

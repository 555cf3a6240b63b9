// The callers the sandbox knows. Each access key is one IAM user of the same account holding one AWS
// managed policy, so tests can tell an ordinary end user from an administrator, and AccessLevelFilter
// "User" (only mine) from "Account" (everyone's). src/sandbox/iam evaluates each call against the
// caller's policy as IAM does.
import { SANDBOX_IDENTITY } from './contract';

/** The AWS managed policies the sandbox imitates (their statements: src/sandbox/iam/managedPolicies.ts). */
export type ManagedPolicyName = 'AWSServiceCatalogEndUserFullAccess' | 'AWSServiceCatalogEndUserReadOnlyAccess' | 'AWSServiceCatalogAdminFullAccess';

/**
 * Who a sandbox caller is: `endUser` (the default: the managed end-user policy, as most end users hold),
 * `other` (a second end user, for ownership), `readOnly` (the end-user read-only policy), `admin`.
 */
export type SandboxPersona = 'endUser' | 'other' | 'readOnly' | 'admin';

export const SANDBOX_PERSONAS: readonly SandboxPersona[] = ['endUser', 'other', 'readOnly', 'admin'];

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

export const KNOWN_IDENTITIES: readonly SandboxIdentity[] = [SANDBOX_USER, SANDBOX_COLLEAGUE, SANDBOX_READER, SANDBOX_ADMIN];

export function findIdentity(accessKeyId: string): SandboxIdentity | undefined {
  return KNOWN_IDENTITIES.find((i) => i.accessKeyId === accessKeyId);
}

export function identityOf(persona: SandboxPersona): SandboxIdentity {
  return KNOWN_IDENTITIES.find((i) => i.persona === persona)!;
}

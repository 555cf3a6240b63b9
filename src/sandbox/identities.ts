// The callers the sandbox knows. Each access key is one IAM user of the same account, so tests can
// tell AccessLevelFilter "User" (only mine) from "Account" (everyone's).
import { SANDBOX_IDENTITY } from './contract';

export interface SandboxIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly accountId: string;
  readonly userName: string;
  /** arn:aws:iam::<account>:user/<name> */
  readonly arn: string;
}

function identity(accessKeyId: string, secretAccessKey: string, userName: string): SandboxIdentity {
  const accountId = SANDBOX_IDENTITY.accountId;
  return { accessKeyId, secretAccessKey, accountId, userName, arn: `arn:aws:iam::${accountId}:user/${userName}` };
}

/** The default caller: the one the CLI prints and the extension uses in sandbox mode. */
export const SANDBOX_USER = identity(SANDBOX_IDENTITY.accessKeyId, SANDBOX_IDENTITY.secretAccessKey, SANDBOX_IDENTITY.userName);

/** A second user in the same account. */
export const SANDBOX_COLLEAGUE = identity('AKIASANDBOXOTHER0002', 'sandbox/secret/COLLEAGUE/000000000000000', 'sandbox-colleague');

export const KNOWN_IDENTITIES: readonly SandboxIdentity[] = [SANDBOX_USER, SANDBOX_COLLEAGUE];

export function findIdentity(accessKeyId: string): SandboxIdentity | undefined {
  return KNOWN_IDENTITIES.find((i) => i.accessKeyId === accessKeyId);
}

// The permission sets the sandbox's IAM Identity Center assigns in its account, and who a caller with
// their role credentials is. As on AWS, each permission set is an IAM role Identity Center made in the
// account, named AWSReservedSSO_<permission set>_<16 hex> on the path /aws-reserved/sso.amazonaws.com/
// (IAM Identity Center User Guide, "Referencing permission sets in resource policies, Amazon EKS, and
// AWS KMS": https://docs.aws.amazon.com/singlesignon/latest/userguide/referencingpermissionsets.html),
// and the portal's user calls as a session of that role:
// arn:aws:sts::<account>:assumed-role/AWSReservedSSO_<permission set>_<16 hex>/<user name>, as CloudTrail
// records an Identity Center user (e.g. "assumed-role/AWSReservedSSO_AdministratorAccess_8219a806ceb01083/…").
import { createHash } from 'node:crypto';
import { SANDBOX_IDENTITY } from '../contract';
import { SANDBOX_ADMIN, SANDBOX_USER, type ManagedPolicyName, type SandboxIdentity, type SandboxPersona } from '../identities';

/** The Identity Center user who signs in through the sandbox's portal (its approval page names them). */
export const SANDBOX_SSO_USER_NAME = 'sandbox-user';

export interface SsoPermissionSet {
  /** The role name the portal lists (ListAccountRoles, a profile's sso_role_name). */
  readonly name: string;
  /** Whose managed policy the permission set carries. */
  readonly persona: SandboxPersona;
  readonly policy: ManagedPolicyName;
  /** AWSReservedSSO_<name>_<16 hex> */
  readonly roleName: string;
  /** arn:aws:iam::<account>:role/aws-reserved/sso.amazonaws.com/<roleName>: what a portfolio is shared with. */
  readonly roleArn: string;
  /** The portal user's session of the role: the caller, and the owner of what it provisions. */
  readonly sessionArn: string;
}

function permissionSet(name: string, persona: SandboxPersona, policy: ManagedPolicyName): SsoPermissionSet {
  const account = SANDBOX_IDENTITY.accountId;
  // Fixed per account and permission set, so a restarted sandbox's roles are the ones its state names.
  const suffix = createHash('sha256').update(`${account}/${name}`).digest('hex').slice(0, 16);
  const roleName = `AWSReservedSSO_${name}_${suffix}`;
  return {
    name, persona, policy, roleName,
    roleArn: `arn:aws:iam::${account}:role/aws-reserved/sso.amazonaws.com/${roleName}`,
    sessionArn: `arn:aws:sts::${account}:assumed-role/${roleName}/${SANDBOX_SSO_USER_NAME}`,
  };
}

/**
 * The permission sets assigned in the sandbox's one account, each with one caller's managed policy:
 * the end user's, a second end user's (the same policy; the role tells its sessions apart) and the administrator's.
 */
export const SANDBOX_SSO_ROLES: Readonly<Record<string, SsoPermissionSet>> = {
  ServiceCatalogEndUser: permissionSet('ServiceCatalogEndUser', 'endUser', SANDBOX_USER.policy),
  ServiceCatalogColleague: permissionSet('ServiceCatalogColleague', 'other', SANDBOX_USER.policy),
  ServiceCatalogAdmin: permissionSet('ServiceCatalogAdmin', 'admin', SANDBOX_ADMIN.policy),
};

/** The caller that role credentials of `set` sign as: its session, holding the permission set's policy. */
export function sessionIdentity(set: SsoPermissionSet, accessKeyId: string, secretAccessKey: string): SandboxIdentity {
  return {
    accessKeyId, secretAccessKey, accountId: SANDBOX_IDENTITY.accountId, userName: SANDBOX_SSO_USER_NAME,
    arn: set.sessionArn, persona: set.persona, policy: set.policy,
  };
}

/** The ARN (path included) of one of the sandbox's Identity Center roles, by account and role name. */
export function ssoRoleArn(accountId: string, roleName: string): string | undefined {
  if (accountId !== SANDBOX_IDENTITY.accountId) return undefined;
  return Object.values(SANDBOX_SSO_ROLES).find((set) => set.roleName === roleName)?.roleArn;
}

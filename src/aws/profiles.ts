// Lists the profiles the AWS CLI would see, from the shared config and credentials files
// (AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE respected), with how each gets its credentials.
import { loadSharedConfigFiles } from '@smithy/core/config';

export type ProfileKind = 'sso' | 'process' | 'assume-role' | 'static' | 'web-identity' | 'other';

export interface ProfileInfo {
  readonly name: string;
  readonly kind: ProfileKind;
  readonly region?: string;
}

type Section = Record<string, string | undefined>;

export async function listProfiles(): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: true });
  const names = new Set([...Object.keys(configFile), ...Object.keys(credentialsFile)]);
  const profiles: ProfileInfo[] = [];
  for (const name of names) {
    // sso-session and services sections are stored as "sso-session.<name>"; they are not profiles.
    if (name.includes('.')) continue;
    const section: Section = { ...credentialsFile[name], ...configFile[name] };
    profiles.push({ name, kind: profileKind(section), region: section.region });
  }
  return profiles.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name)));
}

function profileKind(section: Section): ProfileKind {
  if (section.sso_session || section.sso_start_url) return 'sso';
  if (section.credential_process) return 'process';
  if (section.web_identity_token_file) return 'web-identity';
  if (section.role_arn) return 'assume-role';
  if (section.aws_access_key_id) return 'static';
  return 'other';
}

/** Regions where Service Catalog is offered, for the region picker (the user may type another). */
export const COMMON_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1',
  'me-south-1', 'af-south-1', 'il-central-1',
] as const;

// The AWS CLI commands the extension offers to run for the user (sign in, set up a profile), as argument
// vectors for a process started without a shell: no setting, file or service text is ever parsed as a
// command line. Pure, so the exact arguments are unit-tested.
import { isProfileName } from './connection';
import type { FailureFix } from './errors';

export type AwsCliTask = FailureFix | 'configure-sso' | 'configure';

export const AWS_CLI = 'aws';

/**
 * Where the AWS CLI may be found: each absolute PATH entry outside the workspace folders, in order.
 * A relative entry, or one inside a cloned repository, could hold an `aws` the repository ships. On
 * Windows only aws.exe: a .cmd or .bat would go through cmd, which expands %VARIABLES% in arguments.
 */
export function awsCliCandidates(pathEnv: string | undefined, platform: string, workspaceFolders: readonly string[], join: (dir: string, name: string) => string): string[] {
  const windows = platform === 'win32';
  const separator = windows ? ';' : ':';
  const isAbsolute = (dir: string) => (windows ? /^[A-Za-z]:[\\/]/.test(dir) : dir.startsWith('/'));
  const normal = (dir: string) => (windows ? dir.toLowerCase().replace(/\//g, '\\') : dir).replace(/[\\/]+$/, '');
  const inWorkspace = (dir: string) => workspaceFolders.some((folder) => {
    const f = normal(folder);
    const d = normal(dir);
    return d === f || d.startsWith(`${f}${windows ? '\\' : '/'}`);
  });
  const name = windows ? 'aws.exe' : AWS_CLI;
  return (pathEnv ?? '').split(separator).filter((dir) => dir && isAbsolute(dir) && !inWorkspace(dir)).map((dir) => join(dir, name));
}

export class InvalidProfileNameError extends Error {
  constructor(profile: string) {
    super(`The profile setting ${JSON.stringify(profile.slice(0, 80))} is not a profile name the AWS config files can hold (letters, digits and _ - @ + . : /). Fix serviceCatalogExplorer.profile.`);
    this.name = 'InvalidProfileNameError';
  }
}

/** The CLI's arguments for `task`; refuses a profile name outside the config grammar. */
export function awsCliArgs(task: AwsCliTask, profile?: string): string[] {
  if (profile !== undefined && !isProfileName(profile)) throw new InvalidProfileNameError(profile);
  const withProfile = profile ? ['--profile', profile] : [];
  switch (task) {
    case 'sso-login': return ['sso', 'login', ...withProfile];
    case 'configure-sso': return ['configure', 'sso'];
    case 'configure': return ['configure'];
    default: throw new Error(`Unknown AWS CLI task ${JSON.stringify(String(task)).slice(0, 40)}.`);
  }
}

/** How the command reads to the user, e.g. `aws sso login --profile dev` (names are already checked). */
export function awsCliText(task: AwsCliTask, profile?: string): string {
  return [AWS_CLI, ...awsCliArgs(task, profile)].join(' ');
}

export function isAwsCliTask(value: unknown): value is AwsCliTask {
  return value === 'sso-login' || value === 'configure-sso' || value === 'configure';
}

/** `Run "aws sso login --profile dev"`, or undefined when the profile setting cannot be used safely. */
export function fixActionLabel(task: AwsCliTask, profile: string | undefined): string | undefined {
  try {
    return `Run "${awsCliText(task, profile)}"`;
  } catch {
    return undefined;
  }
}

export interface AwsCliVersion {
  readonly major: number;
  /** As the CLI printed it, e.g. 2.15.30. */
  readonly version: string;
}

/** `aws --version` prints `aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64…` (v1: `aws-cli/1.32.0 …`). */
export function parseAwsCliVersion(output: string): AwsCliVersion | undefined {
  const m = /(?:^|\s)aws-cli\/(\d+)\.(\d+)\.(\d+)/.exec(output);
  return m ? { major: Number(m[1]), version: `${m[1]}.${m[2]}.${m[3]}` } : undefined;
}

/** `configure sso` and `sso login` came with the AWS CLI v2; `configure` is in both. */
export function cliHasTask(task: AwsCliTask, version: AwsCliVersion): boolean {
  return task === 'configure' ? version.major >= 1 : version.major >= 2;
}

/** Why `task` cannot run with the CLI found (undefined when it can). */
export function cliTaskProblem(task: AwsCliTask, version: AwsCliVersion | undefined): string | undefined {
  if (!version) return 'The AWS CLI (aws) is not on PATH, or did not say its version. Install the AWS CLI v2, then try again.';
  if (cliHasTask(task, version)) return undefined;
  return `"${awsCliText(task)}" needs the AWS CLI v2; the aws on PATH is version ${version.version}. Install the AWS CLI v2, or sign in with IAM Identity Center from the editor (Connect to AWS…).`;
}

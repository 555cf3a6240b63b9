// Standalone sandbox: `node dist/sandbox-cli.js --port 4566 --time-scale 10`. Prints the endpoint, the
// end user's credentials (the AWS_* lines a shell can export), the other callers' keys, the admin token
// (for /__sandbox/ calls from other processes) and an example, serves until SIGINT/SIGTERM, then stops
// cleanly (saving the state file if one is set).
import { ADMIN_PREFIX, ADMIN_TOKEN_HEADER } from './admin';
import { SANDBOX_IDENTITY } from './contract';
import { startSandbox } from './index';
import type { SandboxPersona } from './identities';
import { KNOB_NAMES, KNOB_SPECS, parseKnob, type SandboxKnobs } from './knobs';
import type { Sandbox } from './server';

function usage(): string {
  const flags = KNOB_NAMES.map((name) => {
    const spec = KNOB_SPECS[name];
    const arg = spec.kind === 'boolean' ? '' : ' <value>';
    return `  ${(spec.flag + arg).padEnd(32)}${spec.help} (env ${spec.env})`;
  });
  return [
    'Usage: sandbox-cli [options]',
    'Serves a local AWS Service Catalog on 127.0.0.1 for the AWS SDK and CLI.',
    '',
    ...flags,
    `  ${'--help'.padEnd(32)}show this help`,
    '',
    `Admin endpoints (${ADMIN_PREFIX}health, stats, knobs) need the header ${ADMIN_TOKEN_HEADER}: <SANDBOX_ADMIN_TOKEN printed at start>.`,
  ].join('\n');
}

/** Flags win over SANDBOX_* environment variables, which startSandbox reads itself. */
export function parseFlags(argv: readonly string[]): Partial<SandboxKnobs> | 'help' {
  const knobs: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inlineValue] = splitFlag(argv[i]);
    if (flag === '--help' || flag === '-h') return 'help';
    const name = KNOB_NAMES.find((n) => KNOB_SPECS[n].flag === flag);
    if (!name) throw new Error(`unknown option ${argv[i]}`);
    if (KNOB_SPECS[name].kind === 'boolean' && inlineValue === undefined) {
      knobs[name] = true;
      continue;
    }
    const value = inlineValue ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    knobs[name] = parseKnob(name, value);
  }
  return knobs;
}

/** The other callers' keys, after the end user's: each line's prefix names the persona. */
const OTHER_CALLERS: readonly [prefix: string, persona: SandboxPersona][] = [['ADMIN_', 'admin'], ['OTHER_', 'other'], ['READONLY_', 'readOnly']];

function banner(sandbox: Pick<Sandbox, 'endpoint' | 'region' | 'adminToken' | 'credentialsOf'>): string[] {
  const user = sandbox.credentialsOf('endUser');
  const lines = [
    `endpoint: ${sandbox.endpoint}`,
    `AWS_ACCESS_KEY_ID=${user.accessKeyId}`,
    `AWS_SECRET_ACCESS_KEY=${user.secretAccessKey}`,
    `AWS_REGION=${sandbox.region}`,
  ];
  for (const [prefix, persona] of OTHER_CALLERS) {
    const keys = sandbox.credentialsOf(persona);
    lines.push(`${prefix}AWS_ACCESS_KEY_ID=${keys.accessKeyId}`, `${prefix}AWS_SECRET_ACCESS_KEY=${keys.secretAccessKey}`);
  }
  lines.push(
    `SANDBOX_ADMIN_TOKEN=${sandbox.adminToken}`,
    // --region too: AWS CLI v1 reads AWS_DEFAULT_REGION, not AWS_REGION. The end user may list only their
    // own provisioned products (AccessLevelFilter User), as AWSServiceCatalogEndUserFullAccess allows.
    `aws servicecatalog search-provisioned-products --access-level-filter Key=User,Value=self --endpoint-url ${sandbox.endpoint} --region ${sandbox.region}`,
    // The stacks behind CloudFormation products, on the same endpoint (names SC-<account>-<pp-id>).
    `aws cloudformation describe-stack-events --stack-name SC-${SANDBOX_IDENTITY.accountId}-pp-sbxwebmkting1 --endpoint-url ${sandbox.endpoint} --region ${sandbox.region}`,
  );
  return lines;
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return arg.startsWith('--') && eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
}

async function main(): Promise<void> {
  let flags: Partial<SandboxKnobs> | 'help';
  try {
    flags = parseFlags(process.argv.slice(2));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${usage()}`);
    process.exit(2);
  }
  if (flags === 'help') {
    console.log(usage());
    return;
  }
  const sandbox = await startSandbox(flags);
  for (const line of banner(sandbox)) console.log(line);
  console.error(`[sandbox] seed ${sandbox.knobs.seed}${sandbox.knobs.stateFile ? `, state file ${sandbox.knobs.stateFile}` : ''}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.error(`[sandbox] ${signal}: stopping`);
    sandbox.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(`[sandbox] could not stop cleanly: ${String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  console.error(`[sandbox] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

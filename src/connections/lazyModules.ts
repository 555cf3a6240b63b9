// The SDK costs ~80 ms to load, more than the whole activation budget, so it lives in its own bundles
// (dist/aws.js, dist/sandbox.js) that are required on first use, not at activation.
import * as path from 'node:path';

type AwsModule = typeof import('../aws/index');
type SandboxModule = typeof import('../sandbox/index');

// A computed path keeps esbuild from inlining the bundle into extension.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeRequire = (file: string): unknown => require(path.join(__dirname, file));

let awsModule: AwsModule | undefined;
let sandboxModule: SandboxModule | undefined;

export function loadAwsModule(): AwsModule {
  return (awsModule ??= runtimeRequire('aws.js') as AwsModule);
}

export function loadSandboxModule(): SandboxModule {
  return (sandboxModule ??= runtimeRequire('sandbox.js') as SandboxModule);
}

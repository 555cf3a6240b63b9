// The SDK costs ~80 ms to load, more than the whole activation budget, so it lives in its own bundles
// (dist/aws.js, dist/sandbox.js, dist/cloudformation.js) that are required on first use, not at
// activation. The CloudFormation client is only needed once a stack is read, not to connect. The
// extension's own code that activation does not run has bundles too: the webview forms (dist/forms.js)
// are required when the first form opens or is restored, the stack folders' rows (dist/stacks.js) when
// a folder first has rows to show, the record tracker (dist/records.js) once there is a connection,
// the spec files' features (dist/specs.js, with the YAML parser) when a spec file is open or a spec
// command runs. Each bundle holds its own copy of the modules it shares with extension.js: see core/crossBundle.ts
// for the classes whose instances cross, ui/sharedState.ts for the module state (the log, the
// notification sinks) they share.
import * as path from 'node:path';

type AwsModule = typeof import('../aws/index');
type SandboxModule = typeof import('../sandbox/index');
type CloudFormationModule = typeof import('../aws/cloudformation/index');
/** The form panels and their controllers. */
export type FormsModule = typeof import('../provisioning/formPanels');
type StacksModule = typeof import('../products/stackRowNodes');
type RecordsModule = typeof import('../records/recordTracker');
type SpecsModule = typeof import('../specs/specsBundle');

// A computed path keeps esbuild from inlining the bundle into extension.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimeRequire = (file: string): unknown => require(path.join(__dirname, file));

let awsModule: AwsModule | undefined;
let sandboxModule: SandboxModule | undefined;
let cloudFormationModule: CloudFormationModule | undefined;
let formsModule: FormsModule | undefined;
let stacksModule: StacksModule | undefined;
let recordsModule: RecordsModule | undefined;
let specsModule: SpecsModule | undefined;

export function loadAwsModule(): AwsModule {
  return (awsModule ??= runtimeRequire('aws.js') as AwsModule);
}

export function loadSandboxModule(): SandboxModule {
  return (sandboxModule ??= runtimeRequire('sandbox.js') as SandboxModule);
}

export function loadCloudFormationModule(): CloudFormationModule {
  return (cloudFormationModule ??= runtimeRequire('cloudformation.js') as CloudFormationModule);
}

/** Whether the CloudFormation bundle has been required (benchmarks check activation leaves it alone). */
export function cloudFormationModuleLoaded(): boolean {
  return cloudFormationModule !== undefined;
}

export function loadFormsModule(): FormsModule {
  return (formsModule ??= runtimeRequire('forms.js') as FormsModule);
}

/** Whether the forms' bundle has been required (benchmarks check activation leaves it alone). */
export function formsModuleLoaded(): boolean {
  return formsModule !== undefined;
}

export function loadStacksModule(): StacksModule {
  return (stacksModule ??= runtimeRequire('stacks.js') as StacksModule);
}

/** The record tracker (its tailer and stack following): required once there is a connection to follow records on. */
export function loadRecordsModule(): RecordsModule {
  return (recordsModule ??= runtimeRequire('records.js') as RecordsModule);
}

/** The spec files' language features, CodeLens and apply: required when a spec file is open or a spec command runs. */
export function loadSpecsModule(): SpecsModule {
  return (specsModule ??= runtimeRequire('specs.js') as SpecsModule);
}

/** Whether the spec files' bundle has been required (benchmarks check activation leaves it alone). */
export function specsModuleLoaded(): boolean {
  return specsModule !== undefined;
}

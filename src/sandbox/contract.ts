// The seam between the sandbox's wire layer (server.ts: HTTP, SigV4, model validation, knobs) and its
// service layer (service/: catalog state, operations, time). The wire layer validates every input
// against the model before calling a handler, so handlers may trust shapes but must still apply the
// service's own rules (ids exist, states allow the operation, idempotency, parameter constraints).
import type { ManagedPolicyName } from './identities';

/** An error the service answers with: `{"__type": type, "message": message}` and HTTP `status`. */
export class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export interface RequestContext {
  /** The access key id that signed the request; each known key is one caller (user) of the sandbox. */
  readonly accessKeyId: string;
  /** ARN of the caller (arn:aws:iam::<account>:user/<name>), for AccessLevelFilter User and owners. */
  readonly callerArn: string;
  readonly accountId: string;
  readonly region: string;
  /** The managed policy the caller holds: the service layer authorizes each call against it. */
  readonly policy: ManagedPolicyName;
}

export type OperationHandler = (input: Record<string, any>, ctx: RequestContext) => unknown | Promise<unknown>;

export interface SandboxService {
  /** One handler per operation name (e.g. "ProvisionProduct"). Returns the output object; Date values become epoch seconds. */
  readonly handlers: Readonly<Record<string, OperationHandler>>;
  /** Whether an operation changes state (a "write"): the wire layer may drop the connection after it is applied. */
  isWrite(operation: string): boolean;
  /** A JSON-safe snapshot of the whole state, for the optional state file. */
  snapshot(): unknown;
  /**
   * CloudFormation's operations (query protocol, flat string inputs) over the same state; a service
   * without them answers every CloudFormation call InvalidAction.
   */
  readonly cloudFormation?: Readonly<Record<string, OperationHandler>>;
}

/** Virtual time: real time multiplied by `timeScale` lets tests run a 5-minute provision in a second. */
export interface Clock {
  /** Current time in epoch milliseconds. */
  now(): number;
}

export interface ServiceOptions {
  /** How much faster than real time operations progress (1 = realistic durations; 60 = a minute per second). */
  timeScale: number;
  /** Number of extra generated provisioned products (for listing benchmarks), besides the seeded ones. */
  generatedProducts: number;
  /** A snapshot from `snapshot()` to restore instead of seeding. */
  restoreFrom?: unknown;
  /** Key of NoEcho seals and request fingerprints (32 bytes): the state file's; by default a random one in memory. */
  secretKey?: Buffer;
  clock?: Clock;
  /** The searchLagMs knob, read live: how far SearchProvisionedProducts trails writes (default 0). */
  searchLagMs?: () => number;
  /** Where the service says what it did instead of what was asked (e.g. an outdated state file seeded anew). */
  log?: (message: string) => void;
}

/** The identity the sandbox knows: the standalone command prints these, the extension uses them in sandbox mode. */
export const SANDBOX_IDENTITY = {
  accessKeyId: 'AKIASANDBOXEXAMPLE01',
  secretAccessKey: 'sandbox/secret/KEY/0000000000000000000000',
  accountId: '123456789012',
  userName: 'sandbox-user',
  region: 'us-east-1',
} as const;

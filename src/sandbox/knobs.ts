// The sandbox's knobs: one table drives defaults, environment variables, CLI flags and live updates,
// so the three ways of setting a knob cannot drift apart.

export interface SandboxKnobs {
  /** Virtual time speed passed to the service (1 = real durations). Fixed at start. */
  timeScale: number;
  /** Delay added to every API call, in milliseconds. Live. */
  latencyMs: number;
  /** Share of API calls (0..1) answered ThrottlingException before anything else happens. Live. */
  throttleRate: number;
  /** Share of write calls (0..1) whose connection is destroyed after the write is applied. Live. */
  dropAfterWriteRate: number;
  /** Extra generated provisioned products for listing benchmarks. Fixed at start. */
  generatedProducts: number;
  /** Where state is restored from at start and saved after writes and on stop; '' = no state file. Fixed at start. */
  stateFile: string;
  /** Port to listen on (0 = a free port). Fixed at start. */
  port: number;
  /** Check every response against the model; a violation answers 500 InternalFailure. Live. */
  validateResponses: boolean;
  /** Seed of the random choices of throttleRate and dropAfterWriteRate; setting it restarts the sequence. Live. */
  seed: number;
  /** How far (ms) SearchProvisionedProducts' index trails writes, as AWS's does by seconds. Live. */
  searchLagMs: number;
}

type KnobKind = 'number' | 'rate' | 'count' | 'boolean' | 'string';

interface KnobSpec {
  readonly env: string;
  readonly flag: string;
  readonly kind: KnobKind;
  readonly live: boolean;
  readonly help: string;
}

export const KNOB_SPECS: Readonly<Record<keyof SandboxKnobs, KnobSpec>> = {
  timeScale: { env: 'SANDBOX_TIME_SCALE', flag: '--time-scale', kind: 'number', live: false, help: 'virtual time speed (1 = real time)' },
  latencyMs: { env: 'SANDBOX_LATENCY_MS', flag: '--latency-ms', kind: 'count', live: true, help: 'delay added to every call (ms)' },
  throttleRate: { env: 'SANDBOX_THROTTLE_RATE', flag: '--throttle-rate', kind: 'rate', live: true, help: 'share of calls answered ThrottlingException (0..1)' },
  dropAfterWriteRate: { env: 'SANDBOX_DROP_AFTER_WRITE_RATE', flag: '--drop-after-write-rate', kind: 'rate', live: true, help: 'share of writes applied then left unanswered (0..1)' },
  generatedProducts: { env: 'SANDBOX_GENERATED_PRODUCTS', flag: '--generated-products', kind: 'count', live: false, help: 'extra generated provisioned products' },
  stateFile: { env: 'SANDBOX_STATE_FILE', flag: '--state-file', kind: 'string', live: false, help: 'JSON file to restore from and save to' },
  port: { env: 'SANDBOX_PORT', flag: '--port', kind: 'count', live: false, help: 'port on 127.0.0.1 (0 = any free port)' },
  validateResponses: { env: 'SANDBOX_VALIDATE_RESPONSES', flag: '--validate-responses', kind: 'boolean', live: true, help: 'check every response against the model' },
  seed: { env: 'SANDBOX_SEED', flag: '--seed', kind: 'count', live: true, help: 'seed of the random knobs, to reproduce a run' },
  searchLagMs: { env: 'SANDBOX_SEARCH_LAG_MS', flag: '--search-lag-ms', kind: 'count', live: true, help: 'how far SearchProvisionedProducts trails writes (ms)' },
};

export const KNOB_NAMES = Object.keys(KNOB_SPECS) as (keyof SandboxKnobs)[];

export function defaultKnobs(): SandboxKnobs {
  return {
    timeScale: 1,
    latencyMs: 0,
    throttleRate: 0,
    dropAfterWriteRate: 0,
    generatedProducts: 0,
    stateFile: '',
    port: 0,
    validateResponses: false,
    seed: Math.floor(Math.random() * 2 ** 31),
    searchLagMs: 0,
  };
}

/** Parses one knob's text (from env or a flag); throws a message naming the knob when it is malformed. */
export function parseKnob(name: keyof SandboxKnobs, text: string): SandboxKnobs[typeof name] {
  const spec = KNOB_SPECS[name];
  if (spec.kind === 'string') return text;
  if (spec.kind === 'boolean') {
    if (/^(1|true|yes|on)$/i.test(text)) return true;
    if (/^(0|false|no|off|)$/i.test(text)) return false;
    throw new Error(`${name}: expected true/false or 1/0, got '${text}'`);
  }
  return checkNumber(name, Number(text.trim() === '' ? NaN : text));
}

/** Checks a partial knob set (from code or the admin endpoint) and returns it typed. */
export function checkKnobs(partial: Record<string, unknown>): Partial<SandboxKnobs> {
  const checked: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(partial)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(KNOB_SPECS, name)) throw new Error(`unknown knob '${name}'; knobs are ${KNOB_NAMES.join(', ')}`);
    const knob = name as keyof SandboxKnobs;
    const kind = KNOB_SPECS[knob].kind;
    if (kind === 'string' || kind === 'boolean') {
      if (typeof value !== kind) throw new Error(`${name}: expected a ${kind}`);
      checked[name] = value;
    } else {
      checked[name] = checkNumber(knob, value);
    }
  }
  return checked;
}

function checkNumber(name: keyof SandboxKnobs, value: unknown): number {
  const kind = KNOB_SPECS[name].kind;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${name}: expected a number`);
  if (kind === 'rate' && (value < 0 || value > 1)) throw new Error(`${name}: expected a rate between 0 and 1, got ${value}`);
  if (kind === 'count' && (value < 0 || !Number.isInteger(value))) throw new Error(`${name}: expected a whole number >= 0, got ${value}`);
  if (kind === 'number' && value <= 0) throw new Error(`${name}: expected a number > 0, got ${value}`);
  return value;
}

/**
 * Knobs set through environment variables (SANDBOX_*): the one place they are parsed. An empty
 * variable is unset, except for a text knob, where it is the value (SANDBOX_STATE_FILE= means no file).
 */
export function knobsFromEnv(env: NodeJS.ProcessEnv): Partial<SandboxKnobs> {
  const knobs: Record<string, unknown> = {};
  for (const name of KNOB_NAMES) {
    const text = env[KNOB_SPECS[name].env];
    if (text !== undefined && (text !== '' || KNOB_SPECS[name].kind === 'string')) knobs[name] = parseKnob(name, text);
  }
  return knobs;
}

/** Throws when a partial update touches a knob that only takes effect at start. */
export function assertLive(partial: Partial<SandboxKnobs>): void {
  const fixed = Object.keys(partial).filter((name) => !KNOB_SPECS[name as keyof SandboxKnobs].live);
  if (fixed.length) throw new Error(`${fixed.join(', ')} can only be set when the sandbox starts`);
}

export { seededRandom } from '../core/seededRandom';

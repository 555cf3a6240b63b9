// The optional state file: read once at start, rewritten after writes (debounced) and on stop.
// Each save goes to a temporary file that is then renamed over the old one, so a crash mid-write
// never leaves a truncated state file behind. Next to it lives the install's key file (the key of
// NoEcho seals, service/secrets.ts). Both are readable by their owner only.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

const OWNER_ONLY = 0o600;
const KEY_BYTES = 32;

export function readStateFile(path: string): unknown | undefined {
  if (!existsSync(path)) return undefined;
  keepOwnerOnly(path); // files written before modes were set are 0644
  return JSON.parse(readFileSync(path, 'utf8'));
}

export function keyFileOf(stateFile: string): string {
  return `${stateFile}.key`;
}

/** The key stored next to `stateFile`, made on first use (32 random bytes, hex). */
export function readOrCreateStateKey(stateFile: string, log: (message: string) => void): Buffer {
  const path = keyFileOf(stateFile);
  const present = existsSync(path);
  const stored = present ? readKey(path) : undefined;
  if (stored) return stored;
  if (present) log(`${path} does not hold a ${KEY_BYTES}-byte key; replacing it (NoEcho values kept so far count as unknown)`);
  return writeNewKey(path, present);
}

function readKey(path: string): Buffer | undefined {
  keepOwnerOnly(path);
  const text = readFileSync(path, 'utf8').trim();
  return text.length === KEY_BYTES * 2 && /^[0-9a-f]+$/.test(text) ? Buffer.from(text, 'hex') : undefined;
}

function writeNewKey(path: string, replace: boolean): Buffer {
  const key = randomBytes(KEY_BYTES);
  mkdirSync(dirname(path), { recursive: true });
  try {
    // Exclusive when new: of two sandboxes starting on one state file, the first key wins.
    writeFileSync(path, key.toString('hex'), { mode: OWNER_ONLY, flag: replace ? 'w' : 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readKey(path) ?? key;
    throw err;
  }
  keepOwnerOnly(path); // a replaced file keeps its old mode
  return key;
}

function keepOwnerOnly(path: string): void {
  if ((statSync(path).mode & 0o777) !== OWNER_ONLY) chmodSync(path, OWNER_ONLY);
}

export class StateFileWriter {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly snapshot: () => unknown,
    private readonly log: (message: string) => void,
    private readonly debounceMs = 100,
  ) {}

  /** Saves soon; several writes in a burst cost one save. */
  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save().catch((err) => this.log(`could not save state to ${this.path}: ${String(err)}`));
    }, this.debounceMs);
  }

  /** Saves now (cancelling a pending save) and waits until the file is in place. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.save();
  }

  private save(): Promise<void> {
    // Serialize saves so an older snapshot can never be renamed over a newer one.
    this.writing = this.writing.catch(() => undefined).then(() => this.writeAtomically(JSON.stringify(this.snapshot())));
    return this.writing;
  }

  private async writeAtomically(text: string): Promise<void> {
    const tmp = `${this.path}.${process.pid}.tmp`;
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(tmp, text, { mode: OWNER_ONLY });
    await chmod(tmp, OWNER_ONLY); // a temporary file a crash left behind keeps its old mode
    await rename(tmp, this.path);
  }
}

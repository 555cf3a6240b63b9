// The optional state file: read once at start, rewritten after writes (debounced) and on stop.
// Each save goes to a temporary file that is then renamed over the old one, so a crash mid-write
// never leaves a truncated state file behind.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export function readStateFile(path: string): unknown | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8'));
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
    await writeFile(tmp, text);
    await rename(tmp, this.path);
  }
}

// Writes record lines to the output channel and keeps the last ones in memory: an output channel cannot
// be read back, and tests (and the summary after a multi-product action) need to see what was written.
import type { RecordLine } from '../core/records/recordLines';

/** The part of a LogOutputChannel the record log writes to. */
export interface LineSink {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export class RecordLog {
  private readonly kept: string[] = [];

  constructor(
    private readonly sink: LineSink,
    private readonly maxKept = 2_000,
  ) {}

  write(lines: readonly RecordLine[]): void {
    for (const line of lines) {
      this.sink[line.level](line.text);
      this.kept.push(line.text);
    }
    if (this.kept.length > this.maxKept) this.kept.splice(0, this.kept.length - this.maxKept);
  }

  /** The most recent lines written, oldest first. */
  get lines(): readonly string[] {
    return this.kept;
  }

  linesAbout(recordId: string): string[] {
    return this.kept.filter((line) => line.includes(recordId));
  }
}

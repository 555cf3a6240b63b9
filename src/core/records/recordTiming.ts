// How long records of one kind usually take, from a product's ListRecordHistory: the tailer polls
// hardest around that time.
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import { isTerminalRecordStatus } from '../statuses';

/** Median duration of finished records of `recordType`; undefined when none is known. */
export function expectedDurationMs(history: readonly RecordDetail[], recordType: string | undefined): number | undefined {
  const durations = history
    .filter((r) => r.RecordType === recordType && isTerminalRecordStatus(r.Status))
    .map((r) => (r.CreatedTime && r.UpdatedTime ? r.UpdatedTime.getTime() - r.CreatedTime.getTime() : NaN))
    .filter((ms) => Number.isFinite(ms) && ms > 0)
    .sort((a, b) => a - b);
  if (!durations.length) return undefined;
  const middle = Math.floor(durations.length / 2);
  return durations.length % 2 ? durations[middle] : (durations[middle - 1] + durations[middle]) / 2;
}

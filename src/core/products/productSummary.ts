// What a provisioned product's row tells beyond its status: the operation running on it and since when
// (from its last record), and its tags split into the user's and the service's own (`aws:` keys).
// No vscode import.
import type { Tag } from '@aws-sdk/client-service-catalog';
import { formatClock } from '../localTime';
import { activityText } from '../records/recordLines';
import type { LastOperation } from './lastOperations';
import { isSystemTagKey } from './systemTags';

/** "Updating", "Terminating", "Running action"…: a record type's operation, the words its activity uses. */
export function operationWord(recordType: string | undefined): string {
  return activityText(recordType).replace(/…$/, '');
}

/** "Updating since 14:02" (the day too when it started on another day); just the word without a start time. */
export function operationSince(operation: LastOperation, now: Date): string {
  const word = operationWord(operation.recordType);
  return operation.createdTime ? `${word} since ${formatClock(operation.createdTime, now)}` : word;
}

/** "3 min", "2 h 5 min", "less than a minute": how long an operation has run. */
export function elapsed(since: Date, now: Date): string {
  const minutes = Math.floor((now.getTime() - since.getTime()) / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

export interface SplitTags {
  /** The tags people set (at launch, update, or by a TagOption). */
  readonly user: Tag[];
  /** `aws:…` tags the service adds. */
  readonly system: Tag[];
}

export function splitTags(tags: readonly Tag[] | undefined): SplitTags {
  const user: Tag[] = [];
  const system: Tag[] = [];
  for (const tag of tags ?? []) (isSystemTagKey(tag.Key ?? '') ? system : user).push(tag);
  return { user, system };
}

export { type Clock, type RandomSource, systemClock, seededRandom } from './clock';
export {
  type PollContext, type PollPolicy, type AdaptivePollOptions, DEFAULT_POLL_OPTIONS,
  adaptivePollPolicy, fixedPollPolicy, backoffIntervalMs,
} from './pollPolicy';
export { ThrottleGovernor, type ThrottleOptions, DEFAULT_THROTTLE_OPTIONS } from './throttleGovernor';
export { type TailMeta, type PersistedTail, type TailStore, MemoryTailStore } from './tailStore';
export { classifyDescribeFailure, type DescribeFailureKind } from './describeErrors';
export type { Subscription } from './listeners';
export {
  RecordTailer, TailCancelledError, RecordUnreadableError,
  type RecordTailerOptions, type TailHandle, type DescribeRecordFn, type DescribeRecordResult,
  type ChangeListener, type FinalListener, type UnreadableListener,
} from './recordTailer';

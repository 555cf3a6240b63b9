export { type Clock, type RandomSource, systemClock, seededRandom } from './clock';
export { VirtualClock } from './virtual-clock';
export {
  type PollContext, type PollPolicy, type AdaptivePollOptions, DEFAULT_POLL_OPTIONS,
  adaptivePollPolicy, fixedPollPolicy, backoffIntervalMs,
} from './poll-policy';
export { ThrottleGovernor, type ThrottleOptions, DEFAULT_THROTTLE_OPTIONS } from './throttle-governor';
export { type TailMeta, type PersistedTail, type TailStore, MemoryTailStore } from './tail-store';
export { classifyDescribeFailure, type DescribeFailureKind } from './describe-errors';
export type { Subscription } from './listeners';
export {
  RecordTailer, TailCancelledError, isTerminalStatus,
  type RecordTailerOptions, type TailHandle, type DescribeRecordFn, type DescribeRecordResult,
  type ChangeListener, type FinalListener,
} from './record-tailer';
export {
  simulateTailing, generateSimulatedRecords, delayStats, percentile,
  type SimulatedRecord, type SimulatedTransition, type SimulationOptions, type SimulationResult,
  type DelayStats, type GeneratedRecordsOptions,
} from './simulate';

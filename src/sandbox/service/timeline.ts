// Lazy time: a record's whole future is planned when it is created, and its status at any moment
// is a pure function of that plan and the clock. Nothing runs in the background, so the state is
// deterministic and a snapshot taken mid-operation resumes exactly where it was.
import { hash32 } from './state';
import type { RecordStatus, Timeline } from './types';

/** Seconds a request waits in CREATED before CloudFormation picks it up (at timeScale 1). */
const QUEUE_SECONDS = 3;

export interface TimelinePlan {
  /** Virtual seconds of work at timeScale 1. */
  workSeconds: number;
  outcome: 'SUCCEEDED' | 'FAILED';
  /** A failed change that rolls back spends this share of its work in IN_PROGRESS_IN_ERROR. */
  rollbackShare?: number;
}

/**
 * Plans a record's timeline from `createdAt`. Durations are divided by `timeScale` and jittered
 * by ±20% from `jitterKey`, so equal requests don't finish in lockstep yet replay identically.
 */
export function planTimeline(createdAt: number, plan: TimelinePlan, timeScale: number, jitterKey: string): Timeline {
  const jitter = 0.8 + (hash32(jitterKey) % 401) / 1000;
  const toMs = (seconds: number) => Math.max(1, Math.round((seconds * 1000) / timeScale));
  const startedAt = createdAt + toMs(QUEUE_SECONDS);
  const endsAt = startedAt + toMs(plan.workSeconds * jitter);
  const errorAt = plan.rollbackShare ? endsAt - Math.round((endsAt - startedAt) * plan.rollbackShare) : undefined;
  return { startedAt, errorAt, endsAt, outcome: plan.outcome };
}

export function statusAt(timeline: Timeline, now: number): RecordStatus {
  if (now >= timeline.endsAt) return timeline.outcome;
  if (timeline.errorAt !== undefined && now >= timeline.errorAt) return 'IN_PROGRESS_IN_ERROR';
  if (now >= timeline.startedAt) return 'IN_PROGRESS';
  return 'CREATED';
}

/** When the status seen at `now` began (the record's UpdatedTime). */
export function lastTransitionAt(timeline: Timeline, createdAt: number, now: number): number {
  const transitions = [timeline.startedAt, timeline.errorAt, timeline.endsAt].filter((t): t is number => t !== undefined && t <= now);
  return transitions.length ? Math.max(...transitions) : createdAt;
}

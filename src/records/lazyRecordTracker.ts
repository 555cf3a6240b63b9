// The record tracker and what it runs (the tailer, the stack following, the record lines) are a
// third of the extension's code, so they live in dist/records.js. This stand-in is what activation
// makes: it requires the bundle when there is a connection to follow records on (the stored records
// of that connection resume then), or at the first call that needs it. Before either, no record can
// be running, and it answers so.
import * as vscode from 'vscode';
import type { RecordDetail } from '@aws-sdk/client-service-catalog';
import type { TailHandle } from '../core/records/recordTailer';
import { Disposable } from '../ui/disposable';
import type { ActionProgress } from './actionProgress';
import type { RecordTracker, RecordTrackerDeps, RecordTracking, TrackMeta } from './recordTracker';

/** What dist/records.js exports. */
export type RecordsModule = typeof import('./recordTracker');

export class LazyRecordTracker extends Disposable implements RecordTracking {
  private tracker?: RecordTracker;
  private readonly finished = this.register(new vscode.EventEmitter<RecordDetail>());
  readonly onDidFinish = this.finished.event;

  constructor(
    private readonly deps: RecordTrackerDeps,
    private readonly load: () => RecordsModule,
  ) {
    super();
    const connected = () => {
      if (deps.session.api) this.started();
    };
    const watching = this.register(deps.session.onDidChange(() => {
      connected();
      if (this.tracker) watching.dispose();
    }));
    connected();
  }

  /** Whether the tracker has been made (its bundle required). */
  get isStarted(): boolean {
    return this.tracker !== undefined;
  }

  whenResumed(): Promise<void> {
    return this.tracker?.whenResumed() ?? Promise.resolve();
  }

  get activeRecordIds(): string[] {
    return this.tracker?.activeRecordIds ?? [];
  }

  isFollowing(recordId: string): boolean {
    return this.tracker?.isFollowing(recordId) ?? false;
  }

  isBusy(provisionedProductId: string): boolean {
    return this.tracker?.isBusy(provisionedProductId) ?? false;
  }

  secretsOf(recordId: string): readonly string[] | undefined {
    return this.tracker?.secretsOf(recordId);
  }

  beginAction(title: string): ActionProgress {
    return this.started().beginAction(title);
  }

  track(record: RecordDetail | string, meta?: TrackMeta): Promise<TailHandle> {
    return this.started().track(record, meta);
  }

  private started(): RecordTracker {
    if (this.tracker) return this.tracker;
    if (this.disposed) throw new Error('Record tracking has stopped.');
    const tracker = new (this.load().RecordTracker)(this.deps);
    this.tracker = tracker;
    this.register(tracker.onDidFinish((detail) => this.finished.fire(detail)));
    this.register(tracker);
    return tracker;
  }
}

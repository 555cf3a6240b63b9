// The CloudFormation reads of one connection behind its access gate. The CloudFormation bundle is
// required on the first read, not when the connection is made; the first refusal turns reads off
// for the connection and is told once (CatalogSession shows the hint).
import type { Connection } from '../core/connection';
import { StackAccessGate } from '../core/stacks/stackAccess';
import type { StackDescription, StackEventsSince, StackReader, StackResource } from '../core/stacks/types';
import { loadCloudFormationModule } from './lazyModules';

export class ConnectionStacks implements StackReader {
  readonly gate = new StackAccessGate();
  private reader?: StackReader;
  private disposed = false;

  constructor(private readonly connection: Connection) {}

  /** False once CloudFormation refused this connection: callers show STACK_ACCESS_HINT instead of asking. */
  get readable(): boolean {
    return !this.gate.denied;
  }

  get calls(): StackReader['calls'] {
    return this.reader?.calls ?? { total: 0, byOperation: {} };
  }

  private get api(): StackReader {
    if (this.disposed) throw new Error('The connection was closed.');
    return (this.reader ??= new (loadCloudFormationModule().StackApi)(this.connection));
  }

  describeStack(stackId: string): Promise<StackDescription> {
    return this.gate.run(() => this.api.describeStack(stackId));
  }

  eventsSince(stackId: string, afterEventId?: string): Promise<StackEventsSince> {
    return this.gate.run(() => this.api.eventsSince(stackId, afterEventId));
  }

  resources(stackId: string): Promise<readonly StackResource[]> {
    return this.gate.run(() => this.api.resources(stackId));
  }

  dispose(): void {
    this.disposed = true;
    this.reader?.dispose();
  }
}

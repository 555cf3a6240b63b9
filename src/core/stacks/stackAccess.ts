// Whether this connection may read CloudFormation. The first AccessDenied from CloudFormation turns the
// stack features off for the connection (a new connection asks again): one hint says which actions
// are needed, and nothing else is asked, so a caller without them sees no storm of errors.
import { isCrossBundle, markCrossBundle } from '../crossBundle';
import { classifyError } from '../errors';
import { ListenerSet, type Subscription } from '../records/listeners';

/** The CloudFormation actions the stack features send (README's Permissions table lists them too). */
export const STACK_READ_ACTIONS = ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:ListStackResources'] as const;

/** The one sentence a refused connection shows (in the hint, the tree and the forms). */
export const STACK_ACCESS_HINT =
  'CloudFormation details (stack events, resources, current parameter values) are off for this connection: your permissions do not allow '
  + `${STACK_READ_ACTIONS.join(', ')} on the product's stack (arn:aws:cloudformation:*:*:stack/SC-*). `
  + 'AWSServiceCatalogEndUserFullAccess and AWSServiceCatalogEndUserReadOnlyAccess grant them.';

/** A stack read not made, or refused, because the connection may not read CloudFormation. */
export class StackAccessDeniedError extends Error {
  constructor(readonly serviceMessage: string) {
    super(STACK_ACCESS_HINT);
    this.name = 'StackAccessDeniedError';
    markCrossBundle(this, 'StackAccessDeniedError');
  }

  /** The connection's gate (extension.js) throws it, the forms (dist/forms.js) read it as "denied". */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isCrossBundle(value, 'StackAccessDeniedError');
  }
}

export class StackAccessGate {
  private refusal?: string;
  private readonly deniedListeners = new ListenerSet<[message: string]>();

  get denied(): boolean {
    return this.refusal !== undefined;
  }

  /** Told once, at the first refusal (the service's words, for the log). */
  onDenied(listener: (message: string) => void): Subscription {
    return this.deniedListeners.add(listener);
  }

  /** Runs a CloudFormation read unless the connection was refused; a refusal rejects with StackAccessDeniedError. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.refusal !== undefined) throw new StackAccessDeniedError(this.refusal);
    try {
      return await call();
    } catch (error) {
      if (classifyError(error).kind !== 'access-denied') throw error;
      const message = error instanceof Error ? error.message : String(error);
      if (this.refusal === undefined) {
        this.refusal = message;
        this.deniedListeners.emit(message);
      }
      throw new StackAccessDeniedError(message);
    }
  }
}

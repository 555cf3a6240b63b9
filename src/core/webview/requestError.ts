// The one error a form's host answers a refused request with; pure, so the pure checks can throw it.
import { isCrossBundle, markCrossBundle } from '../crossBundle';

/** A request the host refuses, with messages for the form's fields. Nothing was sent to AWS. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Readonly<Record<string, string>>,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'RequestError';
    markCrossBundle(this, 'RequestError');
  }

  /** The form commands (extension.js) throw it, the forms' message router (dist/forms.js) answers it. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isCrossBundle(value, 'RequestError');
  }
}

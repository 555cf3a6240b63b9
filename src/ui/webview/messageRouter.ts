// Host side of the protocol for one panel: validates each incoming message, answers the `ready`
// handshake, runs the handler of a request and posts its response with the request's id.
import { classifyError } from '../../core/errors';
import { redactSecrets } from '../../core/records/secretMasking';
import { validateWebviewMessage } from '../../core/webview/messageValidator';
import type { ErrorPayload, HostToWebview, Method, ParamsOf, RequestMessage, ResultOf } from '../../core/webview/protocol';
import { RequestError } from '../../core/webview/requestError';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export type Handlers = { [M in Method]?: (params: ParamsOf<M>) => Promise<ResultOf<M>> };

export function errorPayload(error: unknown): ErrorPayload {
  if (error instanceof RequestError) {
    return { message: error.message, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}), ...(error.code ? { code: error.code } : {}) };
  }
  const failure = classifyError(error);
  return { message: failure.message, ...(failure.code ? { code: failure.code } : {}) };
}

function maskedPayload(payload: ErrorPayload, secrets: readonly string[]): ErrorPayload {
  if (!secrets.length) return payload;
  const fieldErrors = payload.fieldErrors && Object.fromEntries(Object.entries(payload.fieldErrors).map(([k, v]) => [k, redactSecrets(v, secrets)]));
  return { ...payload, message: redactSecrets(payload.message, secrets), ...(fieldErrors ? { fieldErrors } : {}) };
}

export class MessageRouter {
  private disposed = false;

  constructor(
    private readonly panelName: string,
    private readonly handlers: Handlers,
    private readonly post: (message: HostToWebview) => void,
    private readonly logger: Logger,
    private readonly onReady: () => void,
    private readonly secretsOf: (method: Method, params: unknown) => readonly string[] = () => [],
  ) {}

  /** Handles one message as posted by the webview. Never throws. */
  async receive(raw: unknown): Promise<void> {
    if (this.disposed) return;
    const checked = validateWebviewMessage(raw);
    if (!checked.ok) {
      this.logger.warn(`${this.panelName}: ignored a malformed webview message: ${checked.reason}`);
      return;
    }
    const message = checked.message;
    if (message.type === 'ready') {
      this.onReady();
      return;
    }
    await this.answer(message);
  }

  private async answer(request: RequestMessage): Promise<void> {
    const handler = this.handlers[request.method] as ((params: unknown) => Promise<unknown>) | undefined;
    if (!handler) {
      this.logger.warn(`${this.panelName}: ignored request "${request.method}", which this form does not handle`);
      this.respond({ type: 'response', id: request.id, ok: false, error: { message: `This form cannot ${request.method}.` } });
      return;
    }
    try {
      const result = await handler(request.params);
      this.respond({ type: 'response', id: request.id, ok: true, result });
    } catch (error) {
      // A service error can quote a value it refused, NoEcho ones too (e.g. a parameter pattern failure).
      const payload = maskedPayload(errorPayload(error), this.secretsOf(request.method, request.params));
      if (!(error instanceof RequestError)) this.logger.error(`${this.panelName}: ${request.method} failed: ${payload.code ? `${payload.code}: ` : ''}${payload.message}`);
      this.respond({ type: 'response', id: request.id, ok: false, error: payload });
    }
  }

  private respond(message: HostToWebview): void {
    if (!this.disposed) this.post(message);
  }

  dispose(): void {
    this.disposed = true;
  }
}

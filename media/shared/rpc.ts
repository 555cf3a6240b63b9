// The webview side of the protocol: the `ready` handshake, requests that resolve with the response of
// the same id, push listeners, and the page's saved state (getState/setState).
import type { ErrorPayload, HostToWebview, Method, ParamsOf, PushMessage, ResultOf } from '../../src/core/webview/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let nextId = 1;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: RequestFailed) => void }>();
const pushListeners: ((message: PushMessage) => void)[] = [];

export class RequestFailed extends Error {
  constructor(readonly payload: ErrorPayload) {
    super(payload.message);
  }
}

export function request<M extends Method>(method: M, params: ParamsOf<M>): Promise<ResultOf<M>> {
  const id = nextId++;
  return new Promise<ResultOf<M>>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    vscode.postMessage({ type: 'request', id, method, params });
  });
}

export function onPush(listener: (message: PushMessage) => void): void {
  pushListeners.push(listener);
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  if (!message || typeof message !== 'object') return;
  if (message.type === 'response') {
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (!waiter) return;
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new RequestFailed(message.error));
  } else {
    if (message.type === 'init' || message.type === 'failed') initialized = true;
    for (const listener of pushListeners) listener(message);
  }
});

let initialized = false;

/**
 * Tells the host the page is listening; it answers with `init` (again after every reload of the page).
 * Repeated until the first push arrives: a page that loads while its panel is being shown can lose it.
 */
export function ready(): void {
  const say = () => {
    if (initialized) return;
    vscode.postMessage({ type: 'ready' });
    setTimeout(say, 1000);
  };
  say();
}

/** What the page keeps when hidden: never NoEcho values (callers leave them out). */
export function loadState<T>(): Partial<T> {
  const state = vscode.getState();
  return state && typeof state === 'object' ? state : {};
}

export function saveState<T>(state: T): void {
  vscode.setState(state);
}

export function errorMessage(error: unknown): string {
  return error instanceof RequestFailed ? error.payload.message : error instanceof Error ? error.message : String(error);
}

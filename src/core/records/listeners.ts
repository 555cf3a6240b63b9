// A minimal event emitter (the pure layer may not import vscode's EventEmitter).

export interface Subscription {
  dispose(): void;
}

export class ListenerSet<Args extends unknown[]> {
  private readonly listeners = new Set<(...args: Args) => void>();

  add(listener: (...args: Args) => void): Subscription {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Calls every listener; one that throws must not stop the others or the tailer. */
  emit(...args: Args): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(...args);
      } catch {
        // A listener's bug is its own; tailing goes on.
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}

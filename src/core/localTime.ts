// One formatter for every local time shown (tooltips, record rows and picks, record documents). Building
// one per call costs more than the rest of a tree item, and the first one loads locale data (~20 ms),
// so it is made on first use, off the activation path. No vscode import: pure modules use it too.
let localFormat: Intl.DateTimeFormat | undefined;

export function formatTime(date: Date): string {
  localFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return localFormat.format(date);
}

// One formatter for every local time shown (tooltips, record rows and picks, record documents). Building
// one per call costs more than the rest of a tree item, and the first one loads locale data (~20 ms),
// so it is made on first use, off the activation path. No vscode import: pure modules use it too.
let localFormat: Intl.DateTimeFormat | undefined;

export function formatTime(date: Date): string {
  localFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
  return localFormat.format(date);
}

let clockFormat: Intl.DateTimeFormat | undefined;
let dayClockFormat: Intl.DateTimeFormat | undefined;

/** A short local time for a row ("14:02"); with the day ("Dec 1, 14:02") when it is not today. */
export function formatClock(date: Date, now: Date): string {
  if (date.toDateString() === now.toDateString()) {
    clockFormat ??= new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
    return clockFormat.format(date);
  }
  dayClockFormat ??= new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  return dayClockFormat.format(date);
}

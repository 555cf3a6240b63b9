// The tree's view message for the filter in use. The filter may hold a service's product name
// (productName:"Container Service"), so it is made inert; and wrapped in quotes only when it has none
// of its own, which would nest. No vscode import.
import { inert } from '../untrustedText';

/** `Filtered by "status:ERROR"`, `Filtered by productName:"Container Service"`. */
export function filterBanner(filter: string): string {
  const shown = inert(filter, 'line');
  return shown.includes('"') ? `Filtered by ${shown}` : `Filtered by "${shown}"`;
}

// How often auto-refresh looks at busy products. A window in the background polls less often: nobody
// is watching it, and Service Catalog throttles per account, so a focused window keeps the budget.
export const BACKGROUND_SLOWDOWN = 6;

export function autoRefreshIntervalMs(baseMs: number, windowFocused: boolean): number {
  return windowFocused ? baseMs : baseMs * BACKGROUND_SLOWDOWN;
}

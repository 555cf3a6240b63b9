// "Did you mean": the closest of a few candidates to a word typed wrong. Edit distance is computed in
// two rows and stopped once every cell passes the bound, so a long candidate costs little.

/** Levenshtein distance of a and b, or `bound + 1` as soon as it is known to exceed `bound`. */
export function editDistance(a: string, b: string, bound = Infinity): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const cell = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(cell);
      rowMin = Math.min(rowMin, cell);
    }
    if (rowMin > bound) return bound + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `word`, ignoring case, when it is close enough to be a typo: at most a
 * third of the word's length (and at least 2) edits away. A candidate that only differs in case wins.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const bound = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = bound + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  return best;
}

/** " Did you mean X?" or nothing. */
export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : ` Did you mean "${suggestion}"?`;
}

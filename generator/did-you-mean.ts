/** Suggestions for misspelt names: the known name an unknown one is a near miss of. */

/** Levenshtein distance, capped: anything over `cap` is reported as `cap + 1`. */
export function editDistance(a: string, b: string, cap = 2): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return Math.min(previous[b.length]!, cap + 1);
}

/** The closest known name (same letters in another case, or at most two edits away), if any. */
export function didYouMean(unknown: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of known) {
    const distance = name.toLowerCase() === unknown.toLowerCase() ? 0 : editDistance(name, unknown);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "x"?)`, or nothing. */
export function suggestion(unknown: string, known: Iterable<string>): string {
  const meant = didYouMean(unknown, known);
  return meant ? ` (did you mean "${meant}"?)` : '';
}

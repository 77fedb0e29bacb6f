// "Did you mean …": the closest known name to a mistyped one (option, command, rule id, config key).

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), on UTF-16 units. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { rows[0].push(j); continue; }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i].push(d);
    }
  }
  return rows[a.length][b.length];
}

/**
 * The known name closest to `input`, when it is close enough to be a typo (at most a third of its
 * length, and at least 1, edits away) or when one is a prefix of the other (`--form` for `--format`).
 */
export function closest(input: string, known: readonly string[]): string | undefined {
  // Names are compared as typed; very long inputs (a pasted paragraph) are not names.
  if (input.length === 0 || input.length > 100) return undefined;
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestD) { best = k; bestD = d; }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(input.length, best.length) / 3));
  if (bestD <= limit) return best;
  const prefix = known.filter((k) => k.startsWith(lower) || (lower.startsWith(k) && k.length >= 3));
  return prefix.length === 1 ? prefix[0] : undefined;
}

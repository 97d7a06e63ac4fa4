// Hand-written on purpose: the well-kept distance libraries (fastest-levenshtein, leven) compute plain
// Levenshtein without a cut-off, and typo tolerance here needs adjacent transpositions ("Zlaando") as
// much as it needs the cost bounded by `limit`.

const far = 0x3fffffff;

// Rows reused across calls (allocating three typed arrays per call cost more than the cells themselves);
// safe because a call runs to completion synchronously.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

function scratchRows(size: number): readonly [Int32Array, Int32Array, Int32Array] {
  if (rows[0].length < size) {
    const length = Math.max(size, rows[0].length * 2);
    rows = [new Int32Array(length), new Int32Array(length), new Int32Array(length)];
  }
  return rows;
}

/**
 * Optimal-string-alignment distance (insertions, deletions, substitutions and adjacent transpositions),
 * computed only within `limit` of the diagonal (Ukkonen's cut-off), so one call costs at most
 * `(2·limit + 1) · a.length` cells instead of `a.length · b.length`. Any distance above `limit` is
 * reported as `limit + 1`. The cells computed are added to `meter.cells` when a meter is given.
 */
export function boundedEditDistance(a: string, b: string, limit: number, meter?: { cells: number }): number {
  const n = a.length;
  const m = b.length;
  const k = Math.max(0, Math.floor(limit));
  if (Math.abs(n - m) > k) return k + 1;
  if (a === b) return 0;
  if (k === 0 || n === 0 || m === 0) return Math.min(Math.max(n, m, 1), k + 1);
  // Three rolling rows; a cell outside the band reads as `far`, written just past each row's band edges.
  let [older, previous, current] = scratchRows(m + 2);
  const firstHigh = Math.min(m, k);
  for (let j = 0; j <= firstHigh; j += 1) previous[j] = j;
  previous[firstHigh + 1] = far;
  let cells = 0;
  for (let i = 1; i <= n; i += 1) {
    const low = Math.max(1, i - k);
    const high = Math.min(m, i + k);
    current[low - 1] = low === 1 ? i : far;
    current[high + 1] = far;
    let rowMin = far;
    const charA = a.charCodeAt(i - 1);
    for (let j = low; j <= high; j += 1) {
      const charB = b.charCodeAt(j - 1);
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (charA === charB ? 0 : 1),
      );
      if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
        value = Math.min(value, (older[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    cells += high - low + 1;
    if (rowMin > k) {
      if (meter) meter.cells += cells;
      return k + 1;
    }
    [older, previous, current] = [previous, current, older];
  }
  if (meter) meter.cells += cells;
  return Math.min(previous[m] as number, k + 1);
}

// Layout-aware reading of a PDF page from pdf.js text items (positions, not only the text stream): a
// two-column résumé (contact and skills left, experience right) printed row by row would otherwise
// interleave "Skills  Senior Engineer at Acme" on one line. Plain ESM like extract-child.mjs, which
// imports it. Work is O(items · log items) per page.

const sameLine = 2; // points between baselines of one line
const columnGap = 12; // a horizontal gap wider than this separates two segments of one line
const minColumnLines = 3;
const datePattern = /(?<!\d)(?:19|20)\d\d(?!\d)/;
const rangeOpen = /(?:19|20)\d\d\s*[-–—]$/;

function segmentsOf(items) {
  const placed = [];
  for (const item of items) {
    if (typeof item.str !== "string" || item.str.trim() === "") continue;
    const [, , , , x, y] = item.transform;
    placed.push({ x, y, right: x + (item.width ?? 0), text: item.str });
  }
  placed.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines = [];
  for (const item of placed) {
    const line = lines.at(-1);
    if (line !== undefined && Math.abs(line.y - item.y) <= sameLine) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  return lines.map((line) => {
    line.items.sort((a, b) => a.x - b.x);
    const segments = [];
    for (const item of line.items) {
      const last = segments.at(-1);
      if (last !== undefined && item.x - last.right <= columnGap) {
        last.text += item.x - last.right > 1 && !last.text.endsWith(" ") ? ` ${item.text}` : item.text;
        last.right = Math.max(last.right, item.right);
      } else segments.push({ x: item.x, right: item.right, text: item.text });
    }
    return segments;
  });
}

// The x where a right column starts: the most common segment start well right of the left margin.
function columnStart(lines) {
  let margin = Infinity;
  for (const segments of lines) margin = Math.min(margin, segments[0]?.x ?? Infinity);
  const counts = new Map();
  for (const segments of lines)
    for (const segment of segments) {
      if (segment.x < margin + 80) continue;
      const key = Math.round(segment.x / 4) * 4;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  let best = null;
  for (const [x, count] of counts)
    if (count >= minColumnLines && (best === null || count > best.count)) best = { x, count };
  return best?.x ?? null;
}

/**
 * The page's text read column by column when it has a sidebar layout, else `null` (the caller keeps its
 * stream-order text). A left column of dates (Europass, a dates column) is not a sidebar: its rows stay.
 */
export function columnText(items) {
  const lines = segmentsOf(items);
  if (lines.length === 0) return null;
  const split = columnStart(lines);
  if (split === null) return null;
  const crosses = (segment) => segment.x < split - 4 && segment.right > split + 4;
  const out = [];
  let run = [];
  let usedColumns = false;
  const flush = () => {
    const left = run.flatMap((segments) => segments.filter((segment) => segment.x < split - 4));
    const right = run.flatMap((segments) => segments.filter((segment) => segment.x >= split - 4));
    // A date range a narrow column wrapped ("01/2021 –" then "maintenant") is dated on both lines.
    const dated = left.filter(
      (segment, index) => datePattern.test(segment.text) || rangeOpen.test(left[index - 1]?.text ?? ""),
    ).length;
    const sidebar =
      left.length >= minColumnLines &&
      right.length >= minColumnLines &&
      dated * 2 < left.length &&
      left.length * 4 >= right.length;
    if (sidebar) {
      usedColumns = true;
      out.push(...left.map((segment) => segment.text), "", ...right.map((segment) => segment.text));
    } else out.push(...run.map((segments) => segments.map((segment) => segment.text).join(" ")));
    run = [];
  };
  for (const segments of lines) {
    if (segments.some(crosses)) {
      flush();
      out.push(segments.map((segment) => segment.text).join(" "));
    } else run.push(segments);
  }
  flush();
  return usedColumns ? out.join("\n") : null;
}

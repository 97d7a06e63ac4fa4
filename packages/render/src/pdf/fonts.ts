import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { create, type Font, type GlyphRun } from "fontkit";

/**
 * The TrueType faces every PDF embeds (DejaVu Sans: Latin, Latin Extended, Greek, Cyrillic), parsed once
 * per process and shared by every document: pdfkit subsets them per document, and what is costly — the
 * font tables, glyph metrics and the shaping of words — is done once.
 */
export interface PdfFonts {
  regular: Font;
  bold: Font;
}

/** Words shaped and kept per face before the cache starts over: bounds a long-running worker's memory. */
const shapedWordLimit = 20_000;

type Shaped = Pick<GlyphRun, "glyphs" | "positions">;

// A run as pdfkit reads it: it scales the positions in place, so each call gets its own copies.
function runOf(glyphs: GlyphRun["glyphs"], positions: GlyphRun["positions"]): GlyphRun {
  return {
    glyphs,
    positions,
    get advanceWidth() {
      let width = 0;
      for (const position of positions) width += position.xAdvance;
      return width;
    },
  } as GlyphRun;
}

/**
 * `font` with a `layout` that shapes text word by word (a word keeps the spaces after it, as pdfkit's own
 * word cache splits) and remembers each word's shaping for the process. pdfkit shapes every string anew
 * when OpenType features are given — ours always are (ligatures off) — and line wrapping measures the same
 * words over and over. Other arguments (script, language, direction) are passed through unshaped-cached.
 */
function shapedByWord(font: Font): Font {
  const cache = new Map<unknown, Map<string, Shaped>>();
  const shapeWord = (word: string, features: Parameters<Font["layout"]>[1]): Shaped => {
    let words = cache.get(features);
    if (words === undefined) {
      words = new Map();
      cache.set(features, words);
    }
    const hit = words.get(word);
    if (hit !== undefined) return hit;
    if (words.size >= shapedWordLimit) words.clear();
    const run = font.layout(word, features);
    const shaped = { glyphs: run.glyphs, positions: run.positions };
    words.set(word, shaped);
    return shaped;
  };
  const shaped = Object.create(font) as Font;
  shaped.layout = (text, features, ...rest) => {
    if (rest.some((argument) => argument !== undefined)) return font.layout(text, features, ...rest);
    const glyphs: GlyphRun["glyphs"] = [];
    const positions: GlyphRun["positions"] = [];
    let start = 0;
    for (let index = 0; index <= text.length; index += 1) {
      const isEnd = index === text.length;
      if (!isEnd && text[index] !== " " && text[index] !== "\t") continue;
      const end = isEnd ? index : index + 1;
      if (end > start) {
        const word = shapeWord(text.slice(start, end), features);
        for (const glyph of word.glyphs) glyphs.push(glyph);
        for (const position of word.positions) positions.push({ ...position });
      }
      start = end;
    }
    return runOf(glyphs, positions);
  };
  return shaped;
}

let cached: PdfFonts | undefined;

// Read from the dejavu-fonts-ttf package, so PDF export needs nothing installed on the machine and looks
// the same everywhere.
export function pdfFonts(): PdfFonts {
  if (cached === undefined) {
    const require = createRequire(import.meta.url);
    const face = (name: string) =>
      shapedByWord(create(readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`))) as Font);
    cached = { regular: face("DejaVuSans.ttf"), bold: face("DejaVuSans-Bold.ttf") };
  }
  return cached;
}

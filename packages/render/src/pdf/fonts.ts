import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The TrueType faces every PDF embeds (DejaVu Sans: Latin, Latin Extended, Greek, Cyrillic). */
export interface PdfFonts {
  regular: Buffer;
  bold: Buffer;
}

let cached: PdfFonts | undefined;

// Read once per process from the dejavu-fonts-ttf package, so PDF export needs nothing installed on
// the machine and looks the same everywhere. pdfkit embeds only the glyphs a document uses.
export function pdfFonts(): PdfFonts {
  if (cached === undefined) {
    const require = createRequire(import.meta.url);
    const file = (name: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${name}`));
    cached = { regular: file("DejaVuSans.ttf"), bold: file("DejaVuSans-Bold.ttf") };
  }
  return cached;
}

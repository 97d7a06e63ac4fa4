/**
 * Re-readings of a question that undo the encodings used to smuggle instructions past keyword filters.
 * Each variant is matched against the same patterns; a hit on any variant counts.
 */
export interface TextVariant {
  via: "plain" | "homoglyph" | "leetspeak" | "spaced" | "base64" | "hex" | "reversed" | "rot13";
  text: string;
}

// Cyrillic and Greek letters that render like Latin ones. NFKC leaves them alone because they are
// distinct letters, not compatibility forms.
const homoglyphs: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  ɡ: "g",
  ι: "i",
  ο: "o",
  α: "a",
  ε: "e",
  κ: "k",
  ν: "v",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  γ: "y",
  ѵ: "v",
  ӏ: "l",
  ո: "n",
  ս: "u",
  ɑ: "a",
  ı: "i",
};

const leet: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "l",
  "+": "t",
  "€": "e",
};

function mapChars(text: string, table: Record<string, string>): string {
  let out = "";
  for (const char of text) out += table[char] ?? char;
  return out;
}

/** "i g n o r e  a l l" / "i.g.n.o.r.e" → "ignore all": runs of single letters joined by one separator. */
function collapseSpacedLetters(text: string): string {
  return text.replace(/\b(?:\p{L}[ .\-_*]){3,}\p{L}\b/gu, (run) => run.replace(/[ .\-_*]/g, ""));
}

function printableRatio(text: string): number {
  if (text.length === 0) return 0;
  const printable = text.match(/[\p{L}\p{N}\p{P}\s]/gu)?.length ?? 0;
  return printable / text.length;
}

function decodeBase64Segments(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)) {
    const segment = match[0].replace(/-/g, "+").replace(/_/g, "/");
    const decoded = Buffer.from(segment, "base64").toString("utf8");
    if (decoded.length >= 8 && printableRatio(decoded) > 0.9) out.push(decoded);
  }
  return out;
}

function decodeHexSegments(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(/(?:(?:\\x|0x)?[0-9a-fA-F]{2}[\s:,]?){8,}/g)) {
    const digits = match[0].replace(/\\x|0x|[\s:,]/g, "");
    if (digits.length % 2 !== 0) continue;
    const decoded = Buffer.from(digits, "hex").toString("utf8");
    if (printableRatio(decoded) > 0.9) out.push(decoded);
  }
  return out;
}

function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (char) => {
    const base = char <= "Z" ? 65 : 97;
    return String.fromCharCode(((char.charCodeAt(0) - base + 13) % 26) + base);
  });
}

/** All readings of `text` (already NFKC-normalised with invisible characters removed). */
export function textVariants(text: string): TextVariant[] {
  const lower = text.toLowerCase();
  const deglyphed = mapChars(lower, homoglyphs);
  const variants: TextVariant[] = [
    { via: "plain", text: lower },
    { via: "homoglyph", text: deglyphed },
    { via: "leetspeak", text: mapChars(deglyphed, leet) },
    { via: "spaced", text: collapseSpacedLetters(deglyphed) },
    { via: "reversed", text: [...lower].reverse().join("") },
    { via: "rot13", text: rot13(lower) },
  ];
  for (const decoded of decodeBase64Segments(text))
    variants.push({ via: "base64", text: decoded.toLowerCase() });
  for (const decoded of decodeHexSegments(text)) variants.push({ via: "hex", text: decoded.toLowerCase() });
  return variants;
}

/** Letters only, diacritics removed: defeats splitting by punctuation, spaces, quotes or concatenation. */
export function squash(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

import type { RequirementWeight } from "./types";

/** What a heading announces: requirements (`must`/`nice`), duties, or text that holds no requirement. */
export type SectionKind = RequirementWeight | "duties" | "other" | "intro";

export interface Clause {
  start: number;
  end: number;
  section: SectionKind;
  /** The clause is a list item (a bullet or a numbered line). */
  isItem: boolean;
}

// Heading words in English, German, Spanish, French and Portuguese. Matched against a whole short line
// (or the part before a colon), so "required" inside a sentence is phrasing, not a heading.
const headingWords: Array<[SectionKind, RegExp]> = [
  [
    "nice",
    /^(?:nice[ -]to[ -]haves?|bonus(?: points)?|preferred(?: qualifications| skills)?|pluses|plus|good to have|desirable|ideally|extra credit|wünschenswert|von vorteil|nice-to-have|deseable|valorable|se valorará|un plus|atouts?|serait un plus|diferenciais?|desejável)(?![\p{L}\p{N}])/iu,
  ],
  [
    "must",
    /^(?:requirements?|must[ -]haves?|required(?: skills| qualifications)?|qualifications|minimum qualifications|basic qualifications|what you(?:'ll)? bring|what we(?:'re| are) looking for|who you are|your profile|skills|about you|you have|anforderungen|dein profil|ihr profil|was du mitbringst|was sie mitbringen|qualifikationen|requisitos|perfil|lo que buscamos|profil recherché|votre profil|ton profil|compétences|requis|requisitos obrigatórios|o que buscamos)(?![\p{L}\p{N}])/iu,
  ],
  [
    "duties",
    /^(?:responsibilities|what you(?:'ll| will) do|your role|the role|your tasks|your mission|in this role|day to day|aufgaben|deine aufgaben|ihre aufgaben|responsabilidades|funciones|tus funciones|missions?|vos missions|vos responsabilités|atividades)(?![\p{L}\p{N}])/iu,
  ],
  [
    "other",
    /^(?:about us|about the company|who we are|benefits|perks|we offer|what we offer|salary|compensation|how to apply|wir bieten|über uns|was wir bieten|ofrecemos|beneficios|nous offrons|avantages|benefícios|sobre nós)(?![\p{L}\p{N}])/iu,
  ],
];

const nicePhrasing =
  /(?<![\p{L}\p{N}])(?:nice to have|a plus|is a plus|are a plus|bonus|ideally|preferred|preferably|desirable|would be great|advantageous|von vorteil|wünschenswert|idealerweise|deseable|valorable|un plus|un atout|idéalement|diferencial|desejável)(?![\p{L}\p{N}])/iu;
const mustPhrasing =
  /(?<![\p{L}\p{N}])(?:required|must|mandatory|essential|zwingend|erforderlich|obligatorio|imprescindible|indispensable|obligatoire|obrigatório)(?![\p{L}\p{N}])/iu;

/** The weight a clause's own phrasing asks for, or null when it says nothing. Nice wins ("required … ideally"). */
export function phrasingWeight(clause: string): RequirementWeight | null {
  if (nicePhrasing.test(clause)) return "nice";
  if (mustPhrasing.test(clause)) return "must";
  return null;
}

const bulletPrefix = /^(?:[-*•·–—▪◦]|\d{1,2}[.)])\s*/u;

// A heading is short, has no digits and no sentence punctuation inside; it may end with a colon.
function headingOf(line: string): { kind: SectionKind; rest: number } | null {
  const stripped = line.replace(/^#{1,6}\s*/u, "").replace(/^\*{1,2}|\*{1,2}$/gu, "");
  const colon = stripped.indexOf(":");
  const head = (colon >= 0 ? stripped.slice(0, colon) : stripped).trim().replace(/\*+$/u, "");
  if (head.length === 0 || head.length > 60 || /\d/u.test(head) || /[.!?]/u.test(head)) return null;
  if (head.split(/\s+/u).length > 6) return null;
  for (const [kind, pattern] of headingWords) {
    const match = pattern.exec(head);
    // Without a colon the whole line must be the heading: "Bonus if you know Rust" is a requirement.
    if (match !== null && (colon >= 0 || match[0].length >= head.length - 1)) {
      const rest = colon >= 0 ? line.indexOf(":") + 1 : line.length;
      return { kind, rest };
    }
  }
  return null;
}

// Sentence ends: ". " / "! " / "? " / ";" — a "." inside a name ("Node.js", ".NET") is not followed by space.
function splitSentences(text: string, from: number, to: number, push: (start: number, end: number) => void) {
  let start = from;
  for (let index = from; index < to; index += 1) {
    const char = text.charCodeAt(index);
    const isEnd =
      char === 59 ||
      ((char === 46 || char === 33 || char === 63) &&
        (index + 1 === to || text.charCodeAt(index + 1) === 32));
    if (isEnd) {
      push(start, index);
      start = index + 1;
    }
  }
  push(start, to);
}

/**
 * Splits a posting into clauses tagged with the section they sit in. One pass over the text; every
 * character belongs to at most one clause, so the work is linear in the posting's length.
 */
export function segmentPosting(text: string): Clause[] {
  const clauses: Clause[] = [];
  let section: SectionKind = "intro";
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const raw = text.slice(lineStart, Math.min(lineEnd, lineStart + 200));
    const leading = raw.length - raw.trimStart().length;
    const heading = lineEnd - lineStart <= 200 ? headingOf(raw.trim()) : null;
    let contentStart = lineStart + leading;
    if (heading !== null) {
      section = heading.kind;
      contentStart = lineStart + leading + heading.rest;
    }
    const bullet = bulletPrefix.exec(text.slice(contentStart, Math.min(lineEnd, contentStart + 8)));
    const isItem = bullet !== null;
    if (bullet !== null) contentStart += bullet[0].length;
    const current = section;
    splitSentences(text, contentStart, lineEnd, (start, end) => {
      let from = start;
      let to = end;
      while (from < to && /\s/u.test(text[from] ?? "")) from += 1;
      while (to > from && /\s/u.test(text[to - 1] ?? "")) to -= 1;
      if (to > from) clauses.push({ start: from, end: to, section: current, isItem });
    });
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return clauses;
}

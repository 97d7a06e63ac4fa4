import type { DegreeLevel } from "./types";

// Degree spellings by level, in the languages postings and résumés are written in. Longest first where
// one spelling contains another, so "Master of Science" wins over "Master".
const degreeSpellings: Array<[DegreeLevel, RegExp]> = [
  [
    "doctorate",
    /\b(?:ph\.?\s?d\.?|doctorate|doctoral|doctor of|dr\.\s?rer|promotion|doktor(?:at)?|doctorado|doctorat|doutorado)(?![\p{L}])/iu,
  ],
  [
    "master",
    /\b(?:masters?|m\.?\s?sc\.?|m\.?\s?s\.|m\.?\s?eng\.?|mba|m\.?\s?a\.|diplom(?:-ingenieur|-informatiker)?|dipl\.-ing\.?|maestría|máster|magister|mestrado|ingénieur|master's)(?![\p{L}])/iu,
  ],
  [
    "bachelor",
    /\b(?:bachelors?|bachelor's|b\.?\s?sc\.?|b\.?\s?s\.|b\.?\s?eng\.?|b\.?\s?a\.|b\.?\s?tech|undergraduate|university degree|college degree|degree|licenciatura|grado|licence|bacharelado|hochschulabschluss|studium|abschluss)(?![\p{L}])/iu,
  ],
];

/** The level a degree string names ("BSc" → bachelor, "Diplom" → master, "Ph.D." → doctorate), or null. */
export function degreeLevelOf(text: string): DegreeLevel | null {
  for (const [level, pattern] of degreeSpellings) if (pattern.test(text)) return level;
  return null;
}

/**
 * Fields of study: spellings in any case, and initials ("CS", "EE", "BWL") only as written so "cs" or
 * "ee" in prose never count.
 */
const fieldSpellings: Array<[string, RegExp, RegExp | null]> = [
  [
    "computer-science",
    /\b(?:computer science|informatics|informatik|computing|ciencias? de la computación|informática|informatique|ciência da computação|software engineering|computer engineering)\b/iu,
    /\bCS\b/u,
  ],
  [
    "mathematics",
    /\b(?:mathematics|maths?|mathematik|matemáticas|mathématiques|matemática|statistics)\b/iu,
    null,
  ],
  ["physics", /\b(?:physics|physik|física|physique)\b/iu, null],
  [
    "electrical-engineering",
    /\b(?:electrical engineering|elektrotechnik|ingeniería eléctrica|electronics)\b/iu,
    /\bEE\b/u,
  ],
  [
    "business",
    /\b(?:business administration|business|economics|wirtschaft\p{L}*|finance)\b/iu,
    /\b(?:BWL|MBA)\b/u,
  ],
  ["design", /\b(?:design|hci|human-computer interaction)\b/iu, null],
];

/** Canonical fields named in a text ("B.S. in Computer Science or a related field" → computer-science). */
export function fieldsOf(text: string): string[] {
  const found: string[] = [];
  for (const [field, words, initials] of fieldSpellings) {
    if (words.test(text) || initials?.test(text)) found.push(field);
  }
  return found;
}

/** Human languages with their spellings in the posting languages we read. */
const languageSpellings: Array<[string, RegExp]> = [
  ["English", /\b(?:english|englisch|inglés|ingles|anglais|inglês)\b/iu],
  ["German", /\b(?:german|deutsch|alemán|allemand|alemão)(?:kenntnisse)?\b/iu],
  ["Spanish", /\b(?:spanish|spanisch|español|espagnol|espanhol)\b/iu],
  ["French", /\b(?:french|französisch|francés|français|francês)\b/iu],
  ["Portuguese", /\b(?:portuguese|portugiesisch|portugués|portugais|português)\b/iu],
  ["Italian", /\b(?:italian|italienisch|italiano|italien)\b/iu],
  ["Dutch", /\b(?:dutch|niederländisch|neerlandés|néerlandais)\b/iu],
  ["Mandarin", /\b(?:mandarin|chinese|chinesisch|chino|chinois)\b/iu],
  ["Japanese", /\b(?:japanese|japanisch|japonés|japonais)\b/iu],
];

// A language name is a requirement only next to a proficiency cue ("fluent German", "Deutsch C1"),
// so "our German customers" is not one.
const proficiencyCue =
  /\b(?:fluent|fluency|native|proficien\w*|business|written|spoken|verbal|level|[ABC][12]|kenntnisse|fließend|verhandlungssicher|sprachkenntnisse|muttersprach\w*|nivel|idioma|avanzado|courant|bilingue|maîtrise|fluente|avançado)\b|deutschkenntnisse|englischkenntnisse/iu;

/** English names of the human languages a clause asks for. */
export function languagesOf(text: string): string[] {
  if (!proficiencyCue.test(text)) return [];
  return languageSpellings.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** English names of every human language a text mentions (profile side: no cue needed). */
export function languagesMentioned(text: string): string[] {
  return languageSpellings.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/**
 * Certifications: well-known acronyms as written, and vendor certifications by name. Quantifiers are
 * bounded so a long run of capitalised words cannot make the scan expensive.
 */
export const certificationPattern =
  /\b(?:CKA|CKAD|CKS|PMP|CISSP|CISM|CISA|OSCP|CEH|ITIL|TOGAF|ISTQB|PSM(?: I{1,3})?|CSM|CSPO|CPA|CFA|CCNA|CCNP|RHCE|RHCSA|(?:AWS|Azure|Google Cloud|GCP|Microsoft|Oracle|Salesforce)(?: Certified)?(?: [A-Z][\w-]{0,30}){0,5} (?:Certification|Certified|Associate|Professional|Specialty|Expert)|AZ-\d{3}|Security\+|Network\+)(?![\w+])/gu;

/** The certifications a text names, as written. */
export function certificationsOf(text: string): Array<{ name: string; start: number; end: number }> {
  const found: Array<{ name: string; start: number; end: number }> = [];
  certificationPattern.lastIndex = 0;
  for (let match = certificationPattern.exec(text); match !== null; match = certificationPattern.exec(text)) {
    found.push({ name: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** "5+ years", "3-5 years", "mindestens 3 Jahre", "2 años", "5 ans", "3 anos". */
export const yearsPattern =
  /(\d{1,2})(?:\s{0,3}[-–]\s{0,3}\d{1,2})?\s{0,3}\+?\s{0,3}(?:years?|yrs?|jahre|jahren|años|ans|anos)(?![\p{L}])/iu;

const stopwords = new Set(
  "a an and or the of to in on for with as at by from is are be you your we our will this that it its into across using use via who what how not all any other more most such strong good great excellent solid proven experience experienced ability able knowledge understanding skills skill work working years year plus team teams etc e.g i.e including within own about both new well high".split(
    " ",
  ),
);

/** Lower-cased content words of a text (stop words and one-letter tokens dropped), light plural folding. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}][\p{L}\p{N}+#]{1,39}/gu)) {
    const word = match[0].length > 4 && match[0].endsWith("s") ? match[0].slice(0, -1) : match[0];
    if (!stopwords.has(word) && !stopwords.has(match[0])) words.push(word);
  }
  return words;
}

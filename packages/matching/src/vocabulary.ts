import type { DegreeLevel } from "./types";

// Degree spellings by level, in the languages postings and résumés are written in. Longest first where
// one spelling contains another, so "Master of Science" wins over "Master".
const degreeSpellings: Array<[DegreeLevel, RegExp]> = [
  [
    "doctorate",
    /(?<![\p{L}\p{N}])(?:ph\.?\s?d\.?|doctorate|doctoral|doctor of|dr\.\s?rer|promotion|doktor(?:at)?|doctorado|doctorat|doutorado)(?![\p{L}])/iu,
  ],
  [
    "master",
    /(?<![\p{L}\p{N}])(?:masters?|m\.?\s?sc\.?|m\.?\s?s\.|m\.?\s?eng\.?|mba|m\.?\s?a\.|diplom(?:-ingenieur|-informatiker)?|dipl\.-ing\.?|maestría|máster|magister|mestrado|ingénieur|master's)(?![\p{L}])/iu,
  ],
  [
    "bachelor",
    /(?<![\p{L}\p{N}])(?:bachelors?|bachelor's|b\.?\s?sc\.?|b\.?\s?s\.|b\.?\s?eng\.?|b\.?\s?a\.|b\.?\s?tech|undergraduate|university degree|college degree|degree|licenciatura|grado|licence|bacharelado|hochschulabschluss|studium|abschluss)(?![\p{L}])/iu,
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
    /(?<![\p{L}\p{N}])(?:computer science|informatics|informatik|computing|ciencias? de la computación|informática|informatique|ciência da computação|software engineering|computer engineering)(?![\p{L}\p{N}])/iu,
    /\bCS\b/u,
  ],
  [
    "mathematics",
    /(?<![\p{L}\p{N}])(?:mathematics|maths?|mathematik|matemáticas|mathématiques|matemática|statistics)(?![\p{L}\p{N}])/iu,
    null,
  ],
  ["physics", /(?<![\p{L}\p{N}])(?:physics|physik|física|physique)(?![\p{L}\p{N}])/iu, null],
  [
    "electrical-engineering",
    /(?<![\p{L}\p{N}])(?:electrical engineering|elektrotechnik|ingeniería eléctrica|electronics)(?![\p{L}\p{N}])/iu,
    /\bEE\b/u,
  ],
  [
    "business",
    /(?<![\p{L}\p{N}])(?:business administration|business|economics|wirtschaft\p{L}*|finance)(?![\p{L}\p{N}])/iu,
    /(?<![\p{L}\p{N}])(?:BWL|MBA)(?![\p{L}\p{N}])/u,
  ],
  ["design", /(?<![\p{L}\p{N}])(?:design|hci|human-computer interaction)(?![\p{L}\p{N}])/iu, null],
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
  [
    "English",
    /(?<![\p{L}\p{N}])(?:english|englisch|inglés|ingles|anglais|inglês)(?:kenntnisse)?(?![\p{L}\p{N}])/iu,
  ],
  ["German", /(?<![\p{L}\p{N}])(?:german|deutsch|alemán|allemand|alemão)(?:kenntnisse)?(?![\p{L}\p{N}])/iu],
  [
    "Spanish",
    /(?<![\p{L}\p{N}])(?:spanish|spanisch|español|espagnol|espanhol)(?:kenntnisse)?(?![\p{L}\p{N}])/iu,
  ],
  [
    "French",
    /(?<![\p{L}\p{N}])(?:french|französisch|francés|français|francês)(?:kenntnisse)?(?![\p{L}\p{N}])/iu,
  ],
  [
    "Portuguese",
    /(?<![\p{L}\p{N}])(?:portuguese|portugiesisch|portugués|portugais|português)(?:kenntnisse)?(?![\p{L}\p{N}])/iu,
  ],
  ["Italian", /(?<![\p{L}\p{N}])(?:italian|italienisch|italiano|italien)(?:kenntnisse)?(?![\p{L}\p{N}])/iu],
  [
    "Dutch",
    /(?<![\p{L}\p{N}])(?:dutch|niederländisch|neerlandés|néerlandais)(?:kenntnisse)?(?![\p{L}\p{N}])/iu,
  ],
  [
    "Mandarin",
    /(?<![\p{L}\p{N}])(?:mandarin|chinese|chinesisch|chino|chinois)(?:kenntnisse)?(?![\p{L}\p{N}])/iu,
  ],
  ["Japanese", /(?<![\p{L}\p{N}])(?:japanese|japanisch|japonés|japonais)(?:kenntnisse)?(?![\p{L}\p{N}])/iu],
];

const anyLanguage = new RegExp(
  languageSpellings.map(([, pattern]) => `(?:${pattern.source})`).join("|"),
  "iu",
);

// A language name is a requirement only next to a proficiency cue ("fluent German", "Deutsch C1"),
// so "our German customers" is not one.
const proficiencyCue =
  /(?<![\p{L}\p{N}])(?:fluent|fluency|native|proficien\p{L}*|business|written|spoken|verbal|level|language|[ABC][12]|kenntnisse|fließend|verhandlungssicher|sprachkenntnisse|muttersprach\p{L}*|nivel|idioma|avanzado|courant|bilingue|maîtrise|fluente|avançado)(?![\p{L}\p{N}])|kenntnisse/iu;

/** English names of the human languages a clause asks for. */
export function languagesOf(text: string): string[] {
  if (!proficiencyCue.test(text)) return [];
  return languageSpellings.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/** English names of every human language a text mentions (profile side: no cue needed). */
export function languagesMentioned(text: string): string[] {
  // One scan first: most facts name no language, and nine scans per fact dominate bulk scoring.
  if (!anyLanguage.test(text)) return [];
  return languageSpellings.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

/**
 * Certifications: well-known acronyms as written, and vendor certifications by name. Quantifiers are
 * bounded so a long run of capitalised words cannot make the scan expensive.
 */
export const certificationPattern =
  /(?<![\p{L}\p{N}])(?:CKA|CKAD|CKS|PMP|CISSP|CISM|CISA|OSCP|CEH|ITIL|TOGAF|ISTQB|PSM(?: I{1,3})?|CSM|CSPO|CPA|CFA|CCNA|CCNP|RHCE|RHCSA|(?:AWS|Azure|Google Cloud|GCP|Microsoft|Oracle|Salesforce)(?: Certified)?(?: [A-Z][\w-]{0,30}){0,5} (?:Certification|Certified|Associate|Professional|Specialty|Expert)|AZ-\d{3}|Security\+|Network\+)(?![\w+])/gu;

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

// English plus the function words of the other posting languages, so "und", "mit", "con" never count
// as matched content.
const stopwords = new Set(
  "und oder mit von der die das den dem des ein eine einer für im in zu auf unser unsere unseres bei als y o con de del la el los las en para por un una et ou avec le les du pour une au aux e ou com da do dos das em um uma a an and or the of to in on for with as at by from is are be you your we our will this that it its into across using use via who what how not all any other more most such strong good great excellent solid proven experience experienced ability able knowledge understanding skills skill work working years year plus team teams etc e.g i.e including within own about both new well high".split(
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

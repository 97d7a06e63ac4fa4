import type { Education } from "../profile";
import { type FoundDateRange, findDateRange, findSingleDate, withoutDate } from "./dates";
import type { ResumeLine } from "./lines";
import { trimCharacters } from "./trim";

const schoolWord =
  /(?<!\p{L})(?:university|universit[éàä]t?|universidad|universidade|università|college|institute|institut|instituto|school|[ée]cole|academy|polytechnic|polit[ée]cnic[ao]|politecnico|hochschule|conservatory|iit|nit|mit|ucla|epfl|eth|insa|rwth)(?!\p{L})/iu;

// Degrees in English, Spanish, German, French and Portuguese ("MSc", "Máster", "Promotion", "Licence",
// "Diplôme d'ingénieur", "Bacharelado"), at the start of a part.
const degreePattern =
  /^(?:(?:bachelor|master|doctor|associate)(?:'s|’s)?(?:\s+(?:of|in)\s+(?:science|arts|engineering|technology|business administration|fine arts|laws|philosophy|education|applied science))?|b\.?\s?sc?\.?|m\.?\s?sc?\.?|b\.?\s?a\.?|m\.?\s?a\.?|mba|ph\.?\s?d\.?|dphil|doctorate|b\.?\s?tech|m\.?\s?tech|b\.?\s?eng|m\.?\s?eng|b\.?\s?e\.?|m\.?\s?e\.?|ll\.?b|ll\.?m|m\.?d\.?|diploma|certificate|high school diploma|a-levels|licenciatura|licenciad[oa]|mestrado|bacharelado|doutorado|grado|m[áa]ster|doctorado|ingenier[íi]a t[ée]cnica|promotion|diplom(?:-\p{L}+)?|dr\.\s?rer\.\s?nat\.?|staatsexamen|licence|doctorat|dipl[ôo]me d'ing[ée]nieur|dipl[ôo]me|bts|dut)(?=[\s,.:;(]|$)/iu;

/** Whether a line outside any section reads as an education entry: a school and a degree. */
export function isEducationLine(text: string): boolean {
  return (
    schoolWord.test(text) && text.split(/\s*[|·,]\s*|\s+[–—-]\s+/u).some((part) => degreePattern.test(part))
  );
}

interface EducationDraft extends Education {
  hasDates: boolean;
}

/** "MSc in Computer Science" → { degree: "MSc", field: "Computer Science" }. */
function splitDegree(text: string): { degree: string; field: string | null } | null {
  const match = degreePattern.exec(text);
  if (match === null) return null;
  const degree = match[0].trim();
  const field = trimCharacters(
    text.slice(match[0].length).replace(/^[\s,.:;]*(?:(?:in|of|en|em|de|im|in der)\s+)?/iu, ""),
    /[\s,.;]/,
    "end",
  ).trim();
  return { degree, field: field === "" ? null : field };
}

/**
 * Education entries from the lines of an education section. Layouts: "Degree in Field, School",
 * "School — Degree Field (dates)", or a degree line then a school line, with a range or a single date.
 */
export function parseEducation(lines: readonly ResumeLine[]): Education[] {
  const entries: EducationDraft[] = [];
  let current: EducationDraft | undefined;
  // A date printed before its entry (a dates column: "2020" / "MSc in Data Science" / school).
  let pending: FoundDateRange | null = null;
  const startEntry = () => {
    current = { school: "", degree: null, field: null, start: null, end: null, hasDates: false };
    if (pending !== null) {
      current.hasDates = true;
      current.start = pending.start;
      current.end = pending.end === "present" ? null : pending.end;
      pending = null;
    }
    entries.push(current);
    return current;
  };
  for (const line of lines) {
    const range = findDateRange(line.text);
    const single = range === null ? findSingleDate(line.text) : null;
    const found = range ?? single;
    const rest = found === null ? line.text : withoutDate(line.text, found);
    for (const part of rest.split(/\s*[|·]\s*|\s+[–—-]\s+|,\s+/u).map((piece) => piece.trim())) {
      if (part === "") continue;
      const degree = splitDegree(part);
      if (schoolWord.test(part) && degree === null) {
        const entry = current === undefined || current.school !== "" ? startEntry() : current;
        entry.school = part.slice(0, 200);
      } else if (degree !== null) {
        const entry = current === undefined || current.degree !== null ? startEntry() : current;
        entry.degree = degree.degree.slice(0, 200);
        entry.field = degree.field?.slice(0, 200) ?? null;
      }
    }
    const entry: EducationDraft | undefined = current;
    if (found !== null && entry !== undefined && !entry.hasDates) {
      entry.hasDates = true;
      entry.start = found.start;
      entry.end = found.end === "present" ? null : found.end;
    } else if (found !== null && rest === "") pending = found;
  }
  return entries
    .filter((entry) => entry.school !== "")
    .slice(0, 30)
    .map(({ hasDates: _, ...entry }) => entry);
}

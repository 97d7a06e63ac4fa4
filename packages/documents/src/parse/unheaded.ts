import { findDateRange } from "./dates";
import { isEducationLine } from "./education";
import { isLanguagesLine } from "./languages";
import type { ResumeLine } from "./lines";
import { isSkillsLine } from "./projects-skills";

/** The lines of a résumé without section headings, sorted by what each reads as. */
export interface UnheadedLines {
  experience: ResumeLine[];
  education: ResumeLine[];
  skills: ResumeLine[];
  projects: ResumeLine[];
  languages: ResumeLine[];
}

// "Name — description" with a lowercase description: a project, unless dates follow (an entry header).
const projectLine = /^\S.{0,60}?\s[—–]\s\p{Ll}/u;

/**
 * Sorts the body of a résumé that has no headings: education lines (a school and a degree), languages lines
 * (a list of spoken languages), skills lines (a list of known technologies) and project lines leave the experience lines, where they would read as
 * the last role's description.
 */
export function sortUnheadedLines(lines: readonly ResumeLine[]): UnheadedLines {
  const sorted: UnheadedLines = { experience: [], education: [], skills: [], projects: [], languages: [] };
  lines.forEach((line, index) => {
    if (!line.isBullet && isEducationLine(line.text)) sorted.education.push(line);
    else if (line.isBullet || findDateRange(line.text) !== null) sorted.experience.push(line);
    else if (isLanguagesLine(line.text)) sorted.languages.push(line);
    else if (isSkillsLine(line.text)) sorted.skills.push(line);
    else if (projectLine.test(line.text) && findDateRange(lines[index + 1]?.text ?? "") === null)
      sorted.projects.push(line);
    else sorted.experience.push(line);
  });
  return sorted;
}

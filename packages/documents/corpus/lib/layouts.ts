import type { ResumeLabel } from "./labels";
import { locales as devLocales, heldOutLocales, type Locale } from "./locale";
import { varietyLocales } from "./variety-locale";

const localeOf = (label: ResumeLabel): Locale =>
  (label.heldOut ? heldOutLocales : label.variety ? varietyLocales : devLocales)[label.language];

export type LineKind = "name" | "headline" | "contact" | "heading" | "entry" | "text" | "bullet";
export interface Line {
  kind: LineKind;
  text: string;
}
/** A line of the flow, a two-cell row (a table row, or Europass's date column), or a blank gap. */
export type Part =
  | { type: "line"; line: Line }
  | { type: "row"; left: Line[]; right: Line[] }
  | { type: "gap" };

/** What an engine renders: the header across the page, the parts, and (two-column) a left sidebar. */
export interface CorpusDocument {
  header: Line[];
  parts: Part[];
  side: Line[] | null;
}

const l = (kind: LineKind, text: string): Line => ({ kind, text });
const line = (kind: LineKind, text: string): Part => ({ type: "line", line: l(kind, text) });

function oneDate(label: ResumeLabel, value: string, locale: Locale): string {
  if (value === "present") return locale.present;
  const [year, month] = value.split("-") as [string, string];
  if (label.dateStyle === "month-name") return `${locale.months[Number(month) - 1]} ${year}`;
  if (label.dateStyle === "numeric") return `${month}/${year}`;
  return year;
}

/** The range as the label's date style writes it ("März 2019 – heute", "03/2019 – 12/2021", "2019–21", "seit 2021"). */
export function dateRange(label: ResumeLabel, start: string, end: string): string {
  const locale = localeOf(label);
  if (end === "present" && label.currentAsSince) return `${locale.since} ${oneDate(label, start, locale)}`;
  if (label.dateStyle === "year-short" && end !== "present" && end.slice(0, 2) === start.slice(0, 2))
    return `${start.slice(0, 4)}–${end.slice(2, 4)}`;
  return `${oneDate(label, start, locale)} – ${oneDate(label, end, locale)}`;
}

const degreeJoin = { en: " in ", es: " en ", de: " ", fr: " en ", pt: " em " } as const;
const heading = (label: ResumeLabel, key: keyof Locale["headings"], upper = false) => {
  const text = localeOf(label).headings[key];
  return line("heading", upper ? text.toUpperCase() : text);
};

function headerLines(label: ResumeLabel, withContact: boolean): Line[] {
  const name = label.honorific === null ? label.name : `${label.honorific} ${label.name}`;
  const lines = [l("name", name), l("headline", label.headline)];
  if (withContact) lines.push(l("contact", `${label.email} | ${label.phone} | ${label.location}`));
  return lines;
}

function experienceParts(label: ResumeLabel): Part[] {
  const locale = localeOf(label);
  return label.experiences.flatMap((job) => {
    const dates = dateRange(label, job.start, job.end);
    const bullets = job.bullets.map((bullet) => line("bullet", bullet));
    switch (label.layout) {
      case "title-at-company":
        return [
          line("entry", `${job.title} ${locale.at} ${job.company}`),
          line("text", `${dates} | ${job.location}`),
          ...bullets,
        ];
      case "employer-then-title":
        return [
          line("entry", `${job.company} — ${job.location}`),
          line("text", `${job.title}, ${dates}`),
          ...bullets,
        ];
      case "pipe":
        return [line("entry", `${job.title} | ${job.company} | ${dates}`), ...bullets];
      case "two-column":
        return [
          line("entry", job.title),
          line("text", `${job.company}, ${job.location}`),
          line("text", dates),
          ...bullets,
        ];
      case "docx-table":
      case "europass":
        return [
          {
            type: "row",
            left: [l("text", dates)],
            right: [
              l("entry", job.title),
              l("text", `${job.company} – ${job.location}`),
              ...job.bullets.map((bullet) => l("bullet", bullet)),
            ],
          },
        ];
      case "academic":
        return [line("entry", `${job.title}, ${job.company}`), line("text", dates), ...bullets];
      default:
        return [
          line("entry", `${job.title} — ${job.company}`),
          line("text", dates),
          ...bullets,
          { type: "gap" },
        ];
    }
  });
}

function educationParts(label: ResumeLabel): Part[] {
  return label.education.flatMap((school) => {
    const degree = `${school.degree}${degreeJoin[label.language]}${school.field}`;
    if (label.layout === "pipe") return [line("entry", `${degree} | ${school.school} | ${school.year}`)];
    if (label.layout === "docx-table" || label.layout === "europass")
      return [
        {
          type: "row",
          left: [l("text", school.year)],
          right: [l("entry", degree), l("text", school.school)],
        },
      ];
    if (label.layout === "no-headings") return [line("text", `${degree}, ${school.school}, ${school.year}`)];
    return [line("entry", degree), line("text", `${school.school} · ${school.year}`)];
  });
}

const languageList = (label: ResumeLabel) =>
  label.languages.map((spoken) => `${spoken.name} (${spoken.level})`).join(", ");

/** Prints a label in its layout and language. */
export function layoutOf(label: ResumeLabel): CorpusDocument {
  const upper = label.layout === "europass";
  const skills = label.skills.join(", ");
  const projects = label.projects.map((project) => line("text", `${project.name} — ${project.description}`));
  const certifications =
    label.certifications.length === 0
      ? []
      : [heading(label, "certifications", upper), ...label.certifications.map((text) => line("text", text))];
  if (label.layout === "no-headings") {
    return {
      header: headerLines(label, true),
      parts: [
        { type: "gap" },
        ...experienceParts(label),
        ...educationParts(label),
        { type: "gap" },
        line("text", skills),
        line("text", languageList(label)),
        { type: "gap" },
        ...projects,
      ],
      side: null,
    };
  }
  if (label.layout === "two-column") {
    const side = [
      l("contact", label.email),
      l("contact", label.phone),
      l("contact", label.location),
      l("heading", localeOf(label).headings.skills),
      ...label.skills.map((skill) => l("text", skill)),
      l("heading", localeOf(label).headings.languages),
      ...label.languages.map((spoken) => l("text", `${spoken.name} — ${spoken.level}`)),
    ];
    const parts = [
      heading(label, "experience"),
      ...experienceParts(label),
      heading(label, "education"),
      ...educationParts(label),
      heading(label, "projects"),
      ...projects,
      ...certifications,
    ];
    return { header: headerLines(label, false), parts, side };
  }
  const parts: Part[] = [
    heading(label, "experience", upper),
    ...experienceParts(label),
    heading(label, "education", upper),
    ...educationParts(label),
  ];
  if (label.layout === "academic") {
    parts.push(heading(label, "publications"), ...label.publications.map((text) => line("text", text)));
    parts.push(heading(label, "teaching"), ...label.teaching.map((text) => line("text", text)));
  }
  parts.push(heading(label, "skills", upper), line("text", skills));
  if (projects.length > 0) parts.push(heading(label, "projects", upper), ...projects);
  parts.push(heading(label, "languages", upper), line("text", languageList(label)), ...certifications);
  return { header: headerLines(label, true), parts, side: null };
}

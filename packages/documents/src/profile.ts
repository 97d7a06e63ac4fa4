import { z } from "zod";

const yearMonthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `"YYYY-MM"`; a year alone is encoded as `"YYYY-01"` (the contract carries no precision field). */
export const yearMonthSchema = z
  .string()
  .regex(yearMonthPattern, "must be YYYY-MM")
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= 1950 && year <= 2100;
  }, "year out of range") as unknown as z.ZodType<YearMonth>;

export type YearMonth = `${number}-${number}`;

const text = (max: number) => z.string().trim().min(1).max(max);
const nullableText = (max: number) => z.string().trim().max(max).nullable();

export const experienceSchema = z.object({
  company: text(200),
  title: text(200),
  start: yearMonthSchema.nullable(),
  end: z.union([yearMonthSchema, z.literal("present")]).nullable(),
  location: nullableText(200),
  bullets: z.array(text(2000)).max(100),
  /** Canonical names from `@vitae/taxonomy`. */
  technologies: z.array(text(100)).max(200),
});

export const educationSchema = z.object({
  school: text(200),
  degree: nullableText(200),
  field: nullableText(200),
  start: yearMonthSchema.nullable(),
  end: yearMonthSchema.nullable(),
});

export const projectSchema = z.object({
  name: text(200),
  description: nullableText(4000),
  url: nullableText(2000),
  technologies: z.array(text(100)).max(200),
});

export const skillSchema = z.object({
  /** Canonical name from `@vitae/taxonomy`, or the raw text when the taxonomy does not know it. */
  name: text(100),
  /** A taxonomy category, or `"other"` for skills outside the taxonomy. */
  category: text(50),
  raw: text(200),
});

export const spokenLanguageSchema = z.object({
  name: text(100),
  /** As the résumé writes it ("native", "C1", "Muttersprache"); null when none is given. */
  level: nullableText(100),
});

const listEntries = z.array(text(1000)).max(50).optional();

/**
 * The one shape every résumé parser returns (docs/documents-contracts.md). Lists are bounded so a hostile
 * document or model output cannot produce an unbounded row count downstream.
 */
export const profileSchema = z.object({
  name: nullableText(200),
  headline: nullableText(300),
  summary: nullableText(4000),
  contact: z.object({
    email: nullableText(320),
    phone: nullableText(50),
    location: nullableText(200),
    links: z.array(text(2000)).max(20),
  }),
  experiences: z.array(experienceSchema).max(100),
  education: z.array(educationSchema).max(30),
  projects: z.array(projectSchema).max(50),
  skills: z.array(skillSchema).max(300),
  /** Spoken languages (a Languages section). Optional: profiles parsed before issue 10 and
   * other producers may leave it out, which means none. */
  languages: z.array(spokenLanguageSchema).max(30).optional(),
  /** One entry per line of each section, as written; optional like `languages`. */
  certifications: listEntries,
  awards: listEntries,
  publications: listEntries,
  volunteering: listEntries,
});

export type Profile = z.infer<typeof profileSchema>;
export type Experience = Profile["experiences"][number];
export type Education = Profile["education"][number];
export type Project = Profile["projects"][number];
export type Skill = Profile["skills"][number];
export type SpokenLanguage = NonNullable<Profile["languages"]>[number];

export { emptyProfile } from "./empty-profile";

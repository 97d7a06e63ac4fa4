import { AppError } from "@vitae/errors";
import type { ProfileParser } from "../schema";

/**
 * These types mirror `@vitae/documents`' `profileSchema` structurally (that package owns the zod schema
 * and validation); they are declared here so the data layer does not depend on it.
 */

/** `YYYY-MM`; a year alone is `YYYY-01`. Stored as the `date` on the first of that month. */
export type YearMonth = `${number}-${number}`;

/** One work experience of a {@link Profile}; `end` is `"present"` for a current role. */
export interface ProfileExperience {
  company: string;
  title: string;
  start: YearMonth | null;
  end: YearMonth | "present" | null;
  location: string | null;
  bullets: string[];
  /** Canonical technology names. */
  technologies: string[];
}

/** One education entry of a {@link Profile}. */
export interface ProfileEducation {
  school: string;
  degree: string | null;
  field: string | null;
  start: YearMonth | null;
  end: YearMonth | null;
}

/** One project of a {@link Profile}. */
export interface ProfileProject {
  name: string;
  description: string | null;
  url: string | null;
  technologies: string[];
}

/** One skill of a {@link Profile}: canonical `name`, its `category`, and the text as written. */
export interface ProfileSkill {
  name: string;
  category: string;
  raw: string;
}

/** Contact details of a {@link Profile}. */
export interface ProfileContact {
  email: string | null;
  phone: string | null;
  location: string | null;
  links: string[];
}

/** A spoken language of a {@link Profile}; `level` as written ("native", "C1"), or null. */
export interface ProfileLanguage {
  name: string;
  level: string | null;
}

/** The list sections of a {@link Profile}: one entry per line, as written. */
export interface ProfileLists {
  certifications: string[];
  awards: string[];
  publications: string[];
  volunteering: string[];
}

/** The one shape every résumé parser returns (the documents contract's `Profile`). */
export interface Profile extends Partial<ProfileLists> {
  name: string | null;
  headline: string | null;
  summary: string | null;
  contact: ProfileContact;
  experiences: ProfileExperience[];
  education: ProfileEducation[];
  projects: ProfileProject[];
  skills: ProfileSkill[];
  /** Optional in parser output (older parsers leave it out): absent means none. */
  languages?: ProfileLanguage[];
}

/** A fact with its stable row id, which owner corrections and search hits refer to. */
export type WithFactId<T> = T & { id: string };

/**
 * A stored profile as read back: the {@link Profile} fields, every fact with its stable `id`, and where
 * the profile came from. Fact ids stay stable until the document is parsed again (`saveProfile`).
 */
export interface ProfileView
  extends Omit<
      Profile,
      "experiences" | "education" | "projects" | "skills" | "languages" | keyof ProfileLists
    >,
    ProfileLists {
  id: string;
  documentId: string;
  parser: ProfileParser;
  parserVersion: string;
  createdAt: Date;
  updatedAt: Date;
  experiences: WithFactId<ProfileExperience>[];
  education: WithFactId<ProfileEducation>[];
  projects: WithFactId<ProfileProject>[];
  skills: WithFactId<ProfileSkill>[];
  languages: ProfileLanguage[];
}

const yearMonthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * `YYYY-MM` → the `date` string stored (`YYYY-MM-01`); `null` stays `null`. Throws
 * `AppError("BAD_REQUEST")` for anything else (callers validate with zod first; this keeps a malformed
 * month from ever reaching the table). Takes `string` because API inputs arrive as such.
 */
export function yearMonthToDate(value: string | null): string | null {
  if (value === null) return null;
  if (!yearMonthPattern.test(value)) {
    throw new AppError("BAD_REQUEST", { message: `"${value}" is not a month (YYYY-MM).` });
  }
  return `${value}-01`;
}

/** A stored `date` (`YYYY-MM-DD`, always the first of a month) → `YYYY-MM`; `null` stays `null`. */
export function dateToYearMonth(value: string | null): YearMonth | null {
  return value === null ? null : (value.slice(0, 7) as YearMonth);
}

/** The stored pair for an experience's `end`: `"present"` is `is_current` with no end month; else a month. */
export function experienceEndToColumns(end: string | null): {
  endMonth: string | null;
  isCurrent: boolean;
} {
  return end === "present"
    ? { endMonth: null, isCurrent: true }
    : { endMonth: yearMonthToDate(end), isCurrent: false };
}

import { mentionsTechnology } from "../retrieval";
import { contentTerms } from "../terms";
import type { Fact, ProfileExperience } from "../types";
import { formatSpan, formatYearMonth } from "../year-month";
import {
  type AnswerContext,
  type DraftAnswer,
  describeDates,
  firstName,
  possessive,
  yearsCovered,
} from "./context";
import { unplacedWords } from "./unplaced";
import { article, cite, clause, joinList, pick, roleAt, seedOf, sentence } from "./wording";

export function jobOf(context: AnswerContext, fact: Fact): ProfileExperience | undefined {
  return context.profile.experiences.find((job) => job.id === fact.id);
}

function roleLine(job: ProfileExperience, seed: number, name: string, askedCurrent: boolean): string {
  const span = formatSpan(job.start, job.end);
  if (askedCurrent && job.end !== "present") {
    // Retrieval fell back to the first undated role: say what the résumé does and doesn't say.
    return `The résumé doesn't say which role ${name} holds now; the one it lists first is ${article(job.title)} ${roleAt(job.title, job.company)}${span ? ` (${span})` : ""} ${cite(job.id)}`;
  }
  if (job.end === "present") {
    const since = job.start ? ` since ${formatYearMonth(job.start)}` : "";
    return pick(
      [
        `${name} is currently ${article(job.title)} ${roleAt(job.title, job.company)}${since} ${cite(job.id)}`,
        `${name} works at ${job.company} as ${article(job.title)} ${job.title}${since} ${cite(job.id)}`,
      ],
      seed,
    );
  }
  return pick(
    [
      `${name} was ${article(job.title)} ${roleAt(job.title, job.company)}${span ? ` (${span})` : ""} ${cite(job.id)}`,
      `${name} worked at ${job.company} as ${article(job.title)} ${job.title}${span ? ` (${span})` : ""} ${cite(job.id)}`,
    ],
    seed,
  );
}

/** Bullets worth quoting: those naming an asked technology, then those sharing words with the question. */
function highlights(job: ProfileExperience, technologies: string[], max: number, question = ""): string[] {
  const asked = new Set(contentTerms(question));
  const score = (bullet: string) =>
    (technologies.some((name) => bullet.toLowerCase().includes(name.toLowerCase())) ? 10 : 0) +
    contentTerms(bullet).filter((term) => asked.has(term)).length;
  return job.bullets
    .map((bullet, index) => ({ bullet, index, score: score(bullet) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, max)
    .map(({ bullet }) => clause(bullet));
}

/** The asked technologies a role lists, or names in its bullets. */
function usedIn(job: ProfileExperience, asked: string[]): string[] {
  const bullets = job.bullets.join(" ").toLowerCase();
  return asked.filter((tech) => job.technologies.includes(tech) || mentionsTechnology(bullets, tech));
}

export function answerExperience(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  const seed = seedOf(context.question);
  const jobs = context.facts
    .map((fact) => jobOf(context, fact))
    .filter((job): job is ProfileExperience => !!job);
  const lines: string[] = [];
  const unplaced =
    jobs.length > 1 && !context.dates && !context.isMore && context.technologies.length === 0
      ? unplacedWords(context.question, context.profile)
      : [];
  if (unplaced.length > 0) {
    return {
      text: `${possessive(name)} résumé doesn't mention ${joinList(unplaced, "or")}.`,
      citedFactIds: [],
    };
  }
  if (jobs.length === 1 && jobs[0]) {
    const job = jobs[0];
    lines.push(sentence(roleLine(job, seed, name, context.dates?.kind === "current")));
    const points = highlights(job, context.technologies, 3, context.question);
    if (points.length > 0) {
      lines.push(
        sentence(
          `${pick(["There, the work included", "Highlights of that role:", "In that role:"], seed)} ${joinList(points)} ${cite(job.id)}`,
        ),
      );
    }
    if (job.technologies.length > 0) {
      lines.push(
        sentence(`Technologies used there: ${joinList(job.technologies.slice(0, 8))} ${cite(job.id)}`),
      );
    }
  } else {
    const period = describeDates(context.dates);
    const count = jobs.length === 2 ? "two" : jobs.length === 3 ? "three" : String(jobs.length);
    lines.push(
      context.isMore
        ? `Here are ${count} more roles from ${possessive(name)} résumé:`
        : pick(
            [
              `${name} has held ${count} roles${period ? ` ${period}` : ""} on this résumé:`,
              `${possessive(name)} résumé lists ${count} roles${period ? ` ${period}` : ""}:`,
            ],
            seed,
          ),
    );
    for (const job of jobs) {
      const span = formatSpan(job.start, job.end);
      const point = highlights(job, context.technologies, 1, context.question)[0];
      lines.push(
        sentence(
          `${roleAt(job.title, job.company)}${span ? ` (${span})` : ""}${point ? `: ${point}` : ""} ${cite(job.id)}`,
        ),
      );
    }
  }
  return { text: lines.join(" "), citedFactIds: jobs.map((job) => job.id) };
}

export function answerTechnologies(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  const seed = seedOf(context.question);
  const asked = context.technologies.filter((tech) => !context.missingTechnologies.includes(tech));
  const lines: string[] = [];
  const cited: string[] = [];
  const jobs = context.facts
    .map((fact) => jobOf(context, fact))
    .filter((job): job is ProfileExperience => !!job);
  const projects = context.facts.filter((fact) => fact.kind === "project");
  const skills = context.facts.filter((fact) => fact.kind === "skill");
  lines.push(
    pick(
      [
        `Yes — ${name} has worked with ${joinList(asked)}.`,
        `${name} has experience with ${joinList(asked)}.`,
      ],
      seed,
    ),
  );
  // Only roles whose own facts name an asked technology: a role is never said to have used what it doesn't list.
  const usedAt = jobs
    .map((job) => ({ job, used: usedIn(job, asked) }))
    .filter((entry) => entry.used.length > 0);
  for (const { job, used } of usedAt.slice(0, 4)) {
    const span = formatSpan(job.start, job.end);
    const point = highlights(job, used, 1, context.question)[0];
    lines.push(
      sentence(
        `At ${job.company} (${job.title}${span ? `, ${span}` : ""}), ${name} used ${joinList(used)}${point ? ` and ${point}` : ""} ${cite(job.id)}`,
      ),
    );
    cited.push(job.id);
  }
  const usedIds = new Set(usedAt.map((entry) => entry.job.id));
  const years = yearsCovered(
    context.facts.filter((fact) => usedIds.has(fact.id)),
    context.now,
  );
  if (usedAt.length > 1 && years >= 1)
    lines.push(`That adds up to about ${years} year${years === 1 ? "" : "s"} across these roles.`);
  for (const project of projects.slice(0, 3)) {
    const used = project.technologies.filter((tech) => asked.includes(tech)).slice(0, 3);
    if (used.length === 0) continue;
    lines.push(sentence(`The project ${project.entity} also uses ${joinList(used)} ${cite(project.id)}`));
    cited.push(project.id);
  }
  if (skills.length > 0) {
    const names = skills.map((fact) => fact.entity ?? "");
    lines.push(
      sentence(
        `${joinList(names)} ${names.length === 1 ? "is" : "are"} listed among ${possessive(name)} skills ${cite(...skills.map((fact) => fact.id))}`,
      ),
    );
    cited.push(...skills.map((fact) => fact.id));
  }
  if (context.missingTechnologies.length > 0) {
    lines.push(`The résumé doesn't mention ${joinList(context.missingTechnologies, "or")}.`);
  }
  return { text: lines.join(" "), citedFactIds: cited };
}

export function answerTimeline(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  const ordered = [...context.facts].sort((a, b) => (a.start ?? "9999").localeCompare(b.start ?? "9999"));
  const lines = [
    pick(
      [`Here is ${possessive(name)} path, oldest first:`, `${possessive(name)} timeline, in order:`],
      seedOf(context.question),
    ),
  ];
  for (const fact of ordered) {
    const span = formatSpan(fact.start, fact.end) || "dates not given";
    if (fact.kind === "experience") {
      const job = jobOf(context, fact);
      if (job) lines.push(sentence(`${span}: ${roleAt(job.title, job.company)} ${cite(job.id)}`));
    } else {
      const school = context.profile.education.find((item) => item.id === fact.id);
      if (school)
        lines.push(
          sentence(
            `${span}: ${[school.degree, school.field].filter(Boolean).join(" in ") || "studies"} at ${school.school} ${cite(school.id)}`,
          ),
        );
    }
  }
  return { text: lines.join(" "), citedFactIds: ordered.map((fact) => fact.id) };
}

import { contactFactId, summaryFactId } from "../facts";
import type { Fact } from "../types";
import { formatSpan, yearMonthOf } from "../year-month";
import { jobOf } from "./basic-work";
import { categoryLabel, skillCategory } from "./cards";
import { type AnswerContext, type DraftAnswer, firstName, possessive, yearsCovered } from "./context";
import { article, cite, joinList, pick, roleAt, seedOf, sentence } from "./wording";

export function answerSkillOverview(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  const skills = context.facts.filter((fact) => fact.kind === "skill" && fact.entity);
  const groups = new Map<string, Fact[]>();
  for (const fact of skills) {
    const category = skillCategory(context.profile, fact.id, fact.entity ?? "");
    groups.set(category, [...(groups.get(category) ?? []), fact]);
  }
  const lines = [
    pick(
      [
        `${possessive(name)} skills cover ${groups.size === 1 ? "one area" : `${groups.size} areas`}.`,
        `Here is what ${name} lists as skills.`,
      ],
      seedOf(context.question),
    ),
  ];
  for (const [category, facts] of groups) {
    lines.push(
      sentence(
        `${categoryLabel(category)}: ${joinList(facts.map((fact) => fact.entity ?? ""))} ${cite(...facts.map((fact) => fact.id))}`,
      ),
    );
  }
  return { text: lines.join(" "), citedFactIds: skills.map((fact) => fact.id) };
}

export function answerEducation(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  const seed = seedOf(context.question);
  const lines: string[] = [];
  const cited: string[] = [];
  for (const fact of context.facts) {
    const school = context.profile.education.find((item) => item.id === fact.id);
    if (!school) continue;
    const span = formatSpan(school.start, school.end);
    const when = span ? ` (${span})` : "";
    const what = school.degree
      ? `${article(school.degree)} ${school.degree}${school.field ? ` in ${school.field}` : ""}`
      : school.field
        ? `${school.field}`
        : "";
    const verb =
      school.end && school.end > yearMonthOf(context.now)
        ? "is studying for"
        : pick(["holds", "earned"], seed);
    lines.push(
      sentence(
        what
          ? `${name} ${school.degree ? verb : "studied"} ${what} at ${school.school}${when} ${cite(school.id)}`
          : `${name} studied at ${school.school}${when} ${cite(school.id)}`,
      ),
    );
    cited.push(school.id);
  }
  return { text: lines.join(" "), citedFactIds: cited };
}

export function answerProjects(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  const projects = context.facts.filter((fact) => fact.kind === "project");
  const lines = [
    projects.length === 1
      ? ""
      : context.isMore
        ? "Here are other projects:"
        : `${possessive(name)} résumé lists ${projects.length} projects.`,
  ];
  for (const fact of projects) {
    const project = context.profile.projects.find((item) => item.id === fact.id);
    if (!project) continue;
    const built =
      project.technologies.length > 0 ? `, built with ${joinList(project.technologies.slice(0, 5))}` : "";
    const description = project.description ? `: ${project.description.replace(/[.\s]+$/, "")}` : "";
    lines.push(
      sentence(
        `${project.name}${description}${built}${project.url ? ` (${project.url})` : ""} ${cite(project.id)}`,
      ),
    );
  }
  return { text: lines.filter(Boolean).join(" "), citedFactIds: projects.map((fact) => fact.id) };
}

export function answerContact(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  const { email, phone, location, links } = context.profile.contact;
  const id = contactFactId(context.profile);
  const lines: string[] = [];
  const channels = [email ? `by email at ${email}` : "", phone ? `by phone at ${phone}` : ""].filter(Boolean);
  if (channels.length > 0)
    lines.push(sentence(`You can reach ${name} ${joinList(channels, "or")} ${cite(id)}`));
  if (location) lines.push(sentence(`${name} is based in ${location} ${cite(id)}`));
  if (links.length > 0) lines.push(sentence(`Links on the résumé: ${joinList(links)} ${cite(id)}`));
  if (lines.length === 0)
    return { text: `The résumé doesn't include contact details for ${name}.`, citedFactIds: [] };
  return { text: lines.join(" "), citedFactIds: [id] };
}

function topSkills(context: AnswerContext, max: number): Fact[] {
  const usage = new Map<string, number>();
  for (const job of context.profile.experiences)
    for (const tech of job.technologies) usage.set(tech, (usage.get(tech) ?? 0) + 1);
  return context.facts
    .filter((fact) => fact.kind === "skill")
    .sort((a, b) => (usage.get(b.entity ?? "") ?? 0) - (usage.get(a.entity ?? "") ?? 0))
    .slice(0, max);
}

export function answerSummary(context: AnswerContext): DraftAnswer {
  const name = context.profile.name ?? "The candidate";
  const short = firstName(context.profile);
  const lines: string[] = [];
  const cited: string[] = [];
  const summary = context.facts.find((fact) => fact.id === summaryFactId(context.profile));
  if (summary) {
    if (context.profile.headline)
      lines.push(sentence(`${name} — ${context.profile.headline} ${cite(summary.id)}`));
    if (context.profile.summary)
      lines.push(sentence(`${context.profile.summary.replace(/[.\s]+$/, "")} ${cite(summary.id)}`));
    cited.push(summary.id);
  }
  const jobs = context.facts.filter((fact) => fact.kind === "experience");
  const current = jobs.map((fact) => jobOf(context, fact)).find((job) => job?.end === "present");
  if (current) {
    lines.push(
      sentence(
        `${short} is currently ${article(current.title)} ${roleAt(current.title, current.company)} ${cite(current.id)}`,
      ),
    );
    cited.push(current.id);
  }
  const years = yearsCovered(
    context.profile.experiences.map((job) => ({
      ...job,
      kind: "experience" as const,
      text: "",
      entity: null,
    })),
    context.now,
  );
  if (years >= 1 && context.profile.experiences.length > 0) {
    lines.push(
      sentence(
        `The résumé covers about ${years} year${years === 1 ? "" : "s"} of work across ${context.profile.experiences.length} role${context.profile.experiences.length === 1 ? "" : "s"}`,
      ),
    );
  }
  const skills = topSkills(context, 6);
  if (skills.length > 0) {
    lines.push(
      sentence(
        `Core skills include ${joinList(skills.map((fact) => fact.entity ?? ""))} ${cite(...skills.map((fact) => fact.id))}`,
      ),
    );
    cited.push(...skills.map((fact) => fact.id));
  }
  return { text: lines.join(" "), citedFactIds: cited };
}

export function answerFit(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  const lines = [`I can't make a hiring call, but here is the evidence on ${possessive(name)} résumé.`];
  const cited: string[] = [];
  const matched = context.technologies.filter((tech) => !context.missingTechnologies.includes(tech));
  if (matched.length > 0) lines.push(`${name} has worked with ${joinList(matched)}.`);
  const years = yearsCovered(
    context.profile.experiences.map((job) => ({
      ...job,
      kind: "experience" as const,
      text: "",
      entity: null,
    })),
    context.now,
  );
  if (years >= 1)
    lines.push(`${name} has about ${years} year${years === 1 ? "" : "s"} of professional experience.`);
  for (const fact of context.facts.filter((item) => item.kind === "experience").slice(0, 3)) {
    const job = jobOf(context, fact);
    if (!job) continue;
    const used = matched.filter((tech) => job.technologies.includes(tech));
    const span = formatSpan(job.start, job.end);
    lines.push(
      sentence(
        `${roleAt(job.title, job.company)}${span ? ` (${span})` : ""}${used.length ? `, using ${joinList(used)}` : ""} ${cite(job.id)}`,
      ),
    );
    cited.push(job.id);
  }
  const projects = context.facts.filter((fact) => fact.kind === "project").slice(0, 2);
  for (const project of projects) {
    lines.push(sentence(`Relevant project: ${project.entity} ${cite(project.id)}`));
    cited.push(project.id);
  }
  if (context.missingTechnologies.length > 0) {
    lines.push(`The résumé doesn't mention ${joinList(context.missingTechnologies, "or")}.`);
  }
  return { text: lines.join(" "), citedFactIds: cited };
}

export function answerAvailability(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  const lines = [`The résumé doesn't state ${possessive(name)} availability or notice period.`];
  const cited: string[] = [];
  const summaryText = context.profile.summary ?? "";
  const stated = summaryText
    .split(/(?<=[.!?])\s+/)
    .find((part) => /\b(open to|available|relocat|remote|looking for|notice)\b/i.test(part));
  if (stated) {
    lines[0] = `On availability, the résumé says: “${stated.replace(/[.\s]+$/, "")}” ${cite(summaryFactId(context.profile))}.`;
    cited.push(summaryFactId(context.profile));
  }
  const current = context.profile.experiences.find((job) => job.end === "present");
  if (current) {
    lines.push(
      sentence(
        `${name} is currently ${article(current.title)} ${roleAt(current.title, current.company)} ${cite(current.id)}`,
      ),
    );
    cited.push(current.id);
  }
  if (context.profile.contact.location) {
    lines.push(
      sentence(
        `${name} is based in ${context.profile.contact.location} ${cite(contactFactId(context.profile))}`,
      ),
    );
    cited.push(contactFactId(context.profile));
  }
  return { text: lines.join(" "), citedFactIds: cited };
}

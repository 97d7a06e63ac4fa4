import type { ResumeExperience, ResumeLink, ResumeModel } from "../model";
import { experienceLines, headingText, type ResumeTemplate, sectionTitles } from "../templates";
import { type Child, el, type Markup, styleSheet, toDocument } from "./element";
import { stylesFor } from "./styles";

/**
 * The Content-Security-Policy of an exported résumé: nothing may load or run, inline styles only.
 * Send it as a response header with the HTML (the document also carries it in a `<meta>`, which covers
 * the file once downloaded; `frame-ancestors` only works as a header).
 */
export const resumeHtmlCsp =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const metaCsp = resumeHtmlCsp.replace(/; frame-ancestors 'none'$/, "");

function link(item: ResumeLink): Markup {
  return item.href === null
    ? el("span", {}, item.text)
    : el("a", { href: item.href, rel: "noopener noreferrer nofollow" }, item.text);
}

function joined(items: readonly Markup[], separator: string): Child[] {
  return items.flatMap((item, index) => (index === 0 ? [item] : [separator, item]));
}

function section(template: ResumeTemplate, title: string, ...children: Child[]): Markup {
  return el("section", {}, el("h2", {}, headingText(template, title)), ...children);
}

function experience(template: ResumeTemplate, entry: ResumeExperience): Markup {
  const lines = experienceLines(template, entry);
  const [title, ...rest] = lines.first;
  return el(
    "div",
    { class: "entry" },
    el("h3", { dir: "auto" }, title ?? "", rest.length > 0 ? ` | ${rest.join(" | ")}` : null),
    lines.second === "" ? null : el("p", { class: "meta" }, lines.second),
    entry.bullets.length === 0
      ? null
      : el("ul", {}, ...entry.bullets.map((bullet) => el("li", { dir: "auto" }, bullet))),
  );
}

function mainSections(model: ResumeModel, template: ResumeTemplate): Child[] {
  return [
    model.summary.length > 0 &&
      section(
        template,
        sectionTitles.summary,
        ...model.summary.map((text) => el("p", { dir: "auto" }, text)),
      ),
    model.experiences.length > 0 &&
      section(
        template,
        sectionTitles.experience,
        ...model.experiences.map((entry) => experience(template, entry)),
      ),
    model.education.length > 0 &&
      section(
        template,
        sectionTitles.education,
        ...model.education.map((entry) =>
          el(
            "div",
            { class: "entry" },
            el("h3", { dir: "auto" }, entry.school),
            el("p", { class: "meta" }, [entry.degree, entry.dates].filter(Boolean).join(" | ")),
          ),
        ),
      ),
    model.projects.length > 0 &&
      section(
        template,
        sectionTitles.projects,
        ...model.projects.map((project) =>
          el(
            "p",
            { dir: "auto" },
            el("span", { class: "project" }, project.name),
            project.description === null ? null : ` — ${project.description}`,
            project.link === null ? null : [" ", link(project.link)],
          ),
        ),
      ),
  ];
}

function skillsSection(model: ResumeModel, template: ResumeTemplate): Child {
  return (
    model.skills.length > 0 &&
    section(
      template,
      sectionTitles.skills,
      ...model.skills.map((group) => el("p", {}, `${group.label}: ${group.names.join(", ")}`)),
    )
  );
}

/**
 * The résumé as one self-contained HTML document (UTF-8, inline styles, no scripts, no external
 * resources, a CSP `<meta>`). Escaped by construction: user text only enters through the element
 * builder, and only `http`, `https` and `mailto` targets become links. Pure.
 */
export function renderHtml(model: ResumeModel, template: ResumeTemplate): string {
  const header = el(
    "header",
    {},
    el("h1", { dir: "auto" }, model.name ?? "Résumé"),
    model.headline === null ? null : el("p", { class: "headline", dir: "auto" }, model.headline),
    model.contact.length === 0 ? null : el("p", { class: "contact" }, joined(model.contact.map(link), " | ")),
  );
  const body =
    template === "classic"
      ? [header, ...mainSections(model, template), skillsSection(model, template)]
      : [
          header,
          el(
            "div",
            { class: "columns" },
            el("div", {}, ...mainSections(model, template)),
            el("aside", {}, skillsSection(model, template)),
          ),
        ];
  return toDocument(
    el(
      "html",
      { lang: "en" },
      el(
        "head",
        {},
        el("meta", { charset: "utf-8" }),
        el("meta", { "http-equiv": "Content-Security-Policy", content: metaCsp }),
        el("meta", { name: "referrer", content: "no-referrer" }),
        el("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
        el("title", {}, model.name ?? "Résumé"),
        styleSheet(stylesFor(template)),
      ),
      el("body", {}, el("main", { class: `resume ${template}` }, ...body)),
    ),
  );
}

import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from "docx";
import type { ResumeExperience, ResumeLink, ResumeModel } from "../model";
import {
  experienceLines,
  headingText,
  type ResumeTemplate,
  sectionTitles,
  type Theme,
  themes,
} from "../templates";

const fonts: Readonly<Record<ResumeTemplate, string>> = { classic: "Georgia", modern: "Calibri" };
const halfPoints = (points: number) => Math.round(points * 2);

function run(text: string, theme: Theme, options: { bold?: boolean; color?: string; size?: number } = {}) {
  return new TextRun({
    text,
    bold: options.bold ?? false,
    color: options.color ?? theme.text,
    size: halfPoints(options.size ?? theme.bodySize),
  });
}

// Only an allowed target becomes a hyperlink relationship; anything else stays a plain run.
function linkRun(item: ResumeLink, theme: Theme, color: string): ParagraphChild {
  const text = run(item.text, theme, { color });
  return item.href === null ? text : new ExternalHyperlink({ link: item.href, children: [text] });
}

function heading(template: ResumeTemplate, theme: Theme, title: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    keepNext: true,
    spacing: { before: 240, after: 80 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: theme.accent, space: 1 } },
    children: [
      run(headingText(template, title), theme, { bold: true, color: theme.accent, size: theme.headingSize }),
    ],
  });
}

function experience(template: ResumeTemplate, theme: Theme, entry: ResumeExperience): Paragraph[] {
  const lines = experienceLines(template, entry);
  const [title, ...rest] = lines.first;
  const titleColor = template === "modern" ? theme.accent : theme.text;
  const paragraphs = [
    new Paragraph({
      keepNext: true,
      spacing: { before: 120 },
      children: [
        run(title ?? "", theme, { bold: true, color: titleColor, size: theme.bodySize + 0.5 }),
        ...(rest.length > 0 ? [run(` | ${rest.join(" | ")}`, theme, { size: theme.bodySize + 0.5 })] : []),
      ],
    }),
  ];
  if (lines.second !== "") {
    paragraphs.push(
      new Paragraph({
        keepNext: entry.bullets.length > 0,
        children: [run(lines.second, theme, { color: theme.muted })],
      }),
    );
  }
  for (const bullet of entry.bullets)
    paragraphs.push(new Paragraph({ bullet: { level: 0 }, children: [run(bullet, theme)] }));
  return paragraphs;
}

function header(model: ResumeModel, template: ResumeTemplate, theme: Theme): Paragraph[] {
  const nameColor = template === "modern" ? theme.accent : theme.text;
  const paragraphs = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      children: [run(model.name ?? "Résumé", theme, { bold: true, color: nameColor, size: theme.nameSize })],
    }),
  ];
  if (model.headline !== null) {
    paragraphs.push(
      new Paragraph({
        children: [run(model.headline, theme, { color: theme.muted, size: theme.bodySize + 2 })],
      }),
    );
  }
  if (model.contact.length > 0) {
    const children = model.contact.flatMap((item, index) => [
      ...(index === 0 ? [] : [run(" | ", theme, { color: theme.muted })]),
      linkRun(item, theme, theme.muted),
    ]);
    paragraphs.push(new Paragraph({ children }));
  }
  return paragraphs;
}

function body(model: ResumeModel, template: ResumeTemplate, theme: Theme): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  if (model.summary.length > 0) {
    paragraphs.push(heading(template, theme, sectionTitles.summary));
    for (const text of model.summary) paragraphs.push(new Paragraph({ children: [run(text, theme)] }));
  }
  if (model.experiences.length > 0) {
    paragraphs.push(heading(template, theme, sectionTitles.experience));
    for (const entry of model.experiences) paragraphs.push(...experience(template, theme, entry));
  }
  if (model.education.length > 0) {
    paragraphs.push(heading(template, theme, sectionTitles.education));
    for (const entry of model.education) {
      paragraphs.push(
        new Paragraph({
          keepNext: true,
          spacing: { before: 80 },
          children: [run(entry.school, theme, { bold: true })],
        }),
      );
      const meta = [entry.degree, entry.dates].filter(Boolean).join(" | ");
      if (meta !== "")
        paragraphs.push(new Paragraph({ children: [run(meta, theme, { color: theme.muted })] }));
    }
  }
  if (model.projects.length > 0) {
    paragraphs.push(heading(template, theme, sectionTitles.projects));
    for (const project of model.projects) {
      const text = project.description === null ? project.name : `${project.name} — ${project.description}`;
      const children: ParagraphChild[] = [run(text, theme)];
      if (project.link !== null) children.push(run(" ", theme), linkRun(project.link, theme, theme.accent));
      paragraphs.push(new Paragraph({ children }));
    }
  }
  if (model.skills.length > 0) {
    paragraphs.push(heading(template, theme, sectionTitles.skills));
    for (const group of model.skills) {
      paragraphs.push(new Paragraph({ children: [run(`${group.label}: ${group.names.join(", ")}`, theme)] }));
    }
  }
  return paragraphs;
}

/**
 * The résumé as a Word document (docx): Word heading styles, real list bullets, hyperlink relationships
 * only for `http`, `https` and `mailto` targets; text is XML-escaped by the docx package. Pure.
 */
export function renderDocx(model: ResumeModel, template: ResumeTemplate): Promise<Buffer> {
  const theme = themes[template];
  const document = new Document({
    creator: "Vitae",
    title: model.name ?? "Résumé",
    styles: { default: { document: { run: { font: fonts[template], size: halfPoints(theme.bodySize) } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } },
        children: [...header(model, template, theme), ...body(model, template, theme)],
      },
    ],
  });
  return Packer.toBuffer(document);
}

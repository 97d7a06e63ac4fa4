import PDFDocument from "pdfkit";
import type { ResumeExperience, ResumeLink, ResumeModel } from "../model";
import {
  experienceLines,
  headingText,
  type ResumeTemplate,
  sectionTitles,
  type Theme,
  themes,
} from "../templates";
import { pdfFonts } from "./fonts";
import { wrapLines } from "./wrap";

/** Options of {@link renderPdf}. */
export interface PdfOptions {
  /** The document's creation date in its metadata; fixed by default so output is reproducible. */
  createdAt?: Date;
}

const margin = 50;
const stripe = 6;
const epoch = new Date(Date.UTC(2000, 0, 1));

// Ligatures off: text extracted or copied from the PDF must read "office", never "oﬃce".
const noLigatures = {
  liga: false,
  clig: false,
  dlig: false,
  hlig: false,
} as unknown as PDFKit.Mixins.OpenTypeFeatures[];

type Doc = PDFKit.PDFDocument;

interface Pen {
  doc: Doc;
  theme: Theme;
  template: ResumeTemplate;
  width: number;
}

function write(
  pen: Pen,
  text: string,
  font: "regular" | "bold",
  size: number,
  color: string,
  options: PDFKit.Mixins.TextOptions = {},
) {
  pen.doc.font(font).fontSize(size).fillColor(`#${color}`);
  pen.doc.text(text, { width: pen.width, features: noLigatures, ...options });
}

// A heading or an entry header never sits alone at the foot of a page: start a new page when the
// block and the first lines after it do not fit.
function keepWithNext(pen: Pen, lines: number) {
  const { doc } = pen;
  const needed = lines * pen.theme.bodySize * 1.5;
  if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function links(pen: Pen, items: readonly ResumeLink[], color: string) {
  const { doc } = pen;
  doc
    .font("regular")
    .fontSize(pen.theme.bodySize - 0.5)
    .fillColor(`#${color}`);
  const piece = (text: string, href: string | null, continued: boolean) =>
    doc.text(text, { width: pen.width, features: noLigatures, continued, link: href, underline: false });
  items.forEach((item, index) => {
    const isLast = index === items.length - 1;
    // Only an allowed target becomes an annotation; `link: null` keeps the separator out of it.
    piece(item.text, item.href, true);
    piece(isLast ? "" : " | ", null, !isLast);
  });
}

function heading(pen: Pen, title: string) {
  keepWithNext(pen, 4);
  pen.doc.moveDown(0.7);
  write(pen, headingText(pen.template, title), "bold", pen.theme.headingSize, pen.theme.accent);
  const y = pen.doc.y + 1;
  pen.doc
    .moveTo(pen.doc.x, y)
    .lineTo(pen.doc.x + pen.width, y)
    .lineWidth(0.6)
    .strokeColor(`#${pen.theme.accent}`)
    .stroke();
  pen.doc.moveDown(0.3);
}

function bullet(pen: Pen, text: string) {
  const { doc, theme } = pen;
  const x = doc.x;
  const indent = 16;
  doc.font("regular").fontSize(theme.bodySize).fillColor(`#${theme.text}`);
  const measure = (line: string) => doc.widthOfString(line, { features: noLigatures });
  wrapLines(text, pen.width - indent, measure).forEach((line, index) => {
    keepWithNext(pen, 1);
    const y = doc.y;
    if (index === 0) doc.text("•", x + 4, y, { features: noLigatures, lineBreak: false });
    doc.text(line, x + indent, y, { features: noLigatures, lineBreak: false });
    doc.x = x;
    doc.y = y + doc.currentLineHeight(true);
  });
}

function experience(pen: Pen, entry: ResumeExperience) {
  const { doc, theme } = pen;
  keepWithNext(pen, 4);
  doc.moveDown(0.4);
  const lines = experienceLines(pen.template, entry);
  const [title, ...rest] = lines.first;
  const color = pen.template === "modern" ? theme.accent : theme.text;
  write(pen, title ?? "", "bold", theme.bodySize + 0.5, color, { continued: rest.length > 0 });
  if (rest.length > 0) write(pen, ` | ${rest.join(" | ")}`, "regular", theme.bodySize + 0.5, theme.text);
  if (lines.second !== "") write(pen, lines.second, "regular", theme.bodySize - 0.5, theme.muted);
  for (const text of entry.bullets) bullet(pen, text);
}

function header(pen: Pen, model: ResumeModel) {
  const { doc, theme } = pen;
  const name = model.name ?? "Résumé";
  const isModern = pen.template === "modern";
  const top = doc.y;
  if (isModern) {
    // The band must hold however many lines the name, headline and contact wrap to: measure first.
    const height = (text: string, font: string, size: number) =>
      doc.font(font).fontSize(size).heightOfString(text, { width: pen.width, features: noLigatures });
    const contact = model.contact.map((item) => item.text).join(" | ");
    const band =
      top +
      height(name, "bold", theme.nameSize) +
      (model.headline === null ? 0 : height(model.headline, "regular", theme.bodySize + 2)) +
      (contact === "" ? 0 : height(contact, "regular", theme.bodySize - 0.5)) +
      16;
    doc.rect(0, 0, doc.page.width, band).fill(`#${theme.accent}`);
    doc.y = top;
    write(pen, name, "bold", theme.nameSize, "FFFFFF");
    if (model.headline !== null) write(pen, model.headline, "regular", theme.bodySize + 2, "E6F1F5");
    if (model.contact.length > 0) links(pen, model.contact, "E6F1F5");
    doc.y = Math.max(doc.y, band) + 12;
    return;
  }
  write(pen, name, "bold", theme.nameSize, theme.text);
  if (model.headline !== null) write(pen, model.headline, "regular", theme.bodySize + 2, theme.muted);
  if (model.contact.length > 0) links(pen, model.contact, theme.muted);
  const rule = doc.y + 4;
  doc
    .moveTo(doc.x, rule)
    .lineTo(doc.x + pen.width, rule)
    .lineWidth(0.8)
    .strokeColor(`#${theme.muted}`)
    .stroke();
  doc.y = rule + 4;
}

function body(pen: Pen, model: ResumeModel) {
  const { theme } = pen;
  if (model.summary.length > 0) {
    heading(pen, sectionTitles.summary);
    for (const text of model.summary) write(pen, text, "regular", theme.bodySize, theme.text);
  }
  if (model.experiences.length > 0) {
    heading(pen, sectionTitles.experience);
    for (const entry of model.experiences) experience(pen, entry);
  }
  if (model.education.length > 0) {
    heading(pen, sectionTitles.education);
    for (const entry of model.education) {
      keepWithNext(pen, 2);
      write(pen, entry.school, "bold", theme.bodySize, theme.text);
      const meta = [entry.degree, entry.dates].filter(Boolean).join(" | ");
      if (meta !== "") write(pen, meta, "regular", theme.bodySize - 0.5, theme.muted);
    }
  }
  if (model.projects.length > 0) {
    heading(pen, sectionTitles.projects);
    for (const project of model.projects) {
      keepWithNext(pen, 2);
      const hasLink = project.link !== null;
      const text = project.description === null ? project.name : `${project.name} — ${project.description}`;
      write(pen, text, "regular", theme.bodySize, theme.text, { continued: hasLink });
      if (project.link !== null)
        write(pen, ` ${project.link.text}`, "regular", theme.bodySize, theme.accent, {
          link: project.link.href ?? null,
        });
    }
  }
  if (model.skills.length > 0) {
    heading(pen, sectionTitles.skills);
    for (const group of model.skills)
      write(pen, `${group.label}: ${group.names.join(", ")}`, "regular", theme.bodySize, theme.text);
  }
}

/**
 * The résumé as a PDF drawn by pdfkit (no browser): DejaVu Sans embedded (subset), ligatures off,
 * selectable text with a Unicode map, link annotations only for `http`, `https` and `mailto`, pages
 * broken between entries rather than after a lone heading. Pure apart from reading the font files once
 * (and remembering how their words are shaped).
 */
export function renderPdf(
  model: ResumeModel,
  template: ResumeTemplate,
  options: PdfOptions = {},
): Promise<Buffer> {
  const theme = themes[template];
  const date = options.createdAt ?? epoch;
  const doc = new PDFDocument({
    size: "A4",
    margins: {
      top: margin,
      bottom: margin,
      left: margin + (template === "modern" ? stripe : 0),
      right: margin,
    },
    info: {
      Title: model.name ?? "Résumé",
      Creator: "Vitae",
      Producer: "Vitae",
      CreationDate: date,
      ModDate: date,
    },
    lang: "en",
    // No default font: pdfkit would otherwise parse Helvetica's AFM for every document (~5 ms) only for
    // us to switch to the embedded face before the first word.
    font: null as unknown as string,
    displayTitle: true,
  });
  // pdfkit takes a parsed fontkit font as well as bytes (its typings list only the latter).
  const fonts = pdfFonts() as unknown as Record<"regular" | "bold", PDFKit.Mixins.PDFFontSource>;
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const pen: Pen = {
    doc,
    theme,
    template,
    width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
  };
  if (template === "modern") {
    const paintStripe = () => {
      doc.save().rect(0, 0, stripe, doc.page.height).fill(`#${theme.accent}`).restore();
    };
    paintStripe();
    doc.on("pageAdded", paintStripe);
  }
  header(pen, model);
  body(pen, model);
  doc.end();
  return done;
}

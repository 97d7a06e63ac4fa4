import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { type PDFFont, type PDFPage, PDFDocument as PdfLibDocument, StandardFonts } from "pdf-lib";
import PDFDocument from "pdfkit";
import type { Browser } from "playwright-core";
import type { CorpusDocument, Line, LineKind } from "./layouts";

const sizes: Record<LineKind, number> = {
  name: 20,
  headline: 12,
  contact: 9.5,
  heading: 12,
  entry: 10.5,
  text: 10,
  bullet: 9.5,
};
const bold = new Set<LineKind>(["name", "heading", "entry"]);
const fixedDate = new Date(Date.UTC(2025, 0, 1));
const bulletText = (line: Line) => (line.kind === "bullet" ? `• ${line.text}` : line.text);

/** Plain text: rows print their left cell, then their right cell. */
export function renderTxt(document: CorpusDocument): string {
  const out = document.header.map((line) => line.text);
  if (document.side !== null) out.push(...document.side.map(bulletText));
  for (const part of document.parts) {
    if (part.type === "gap") out.push("");
    else if (part.type === "line") {
      if (part.line.kind === "heading") out.push("");
      out.push(bulletText(part.line));
    } else out.push(...part.left.map(bulletText), ...part.right.map(bulletText));
  }
  return `${out.join("\n")}\n`;
}

/** pdfkit: flowing text; rows and the sidebar are placed in columns at the same height. */
export function renderPdfkit(document: CorpusDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 40,
    info: { CreationDate: fixedDate, ModDate: fixedDate },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  const put = (line: Line, x: number, width: number, y?: number) => {
    if (line.kind === "heading") doc.moveDown(0.5);
    doc.font(bold.has(line.kind) ? "Helvetica-Bold" : "Helvetica").fontSize(sizes[line.kind]);
    doc.text(bulletText(line), x, y, { width });
  };
  for (const line of document.header) put(line, 40, 515);
  doc.moveDown(0.5);
  const top = doc.y;
  let sideBottom = top;
  if (document.side !== null) {
    for (const line of document.side) put(line, 40, 150);
    sideBottom = doc.y;
    doc.y = top;
  }
  const x = document.side === null ? 40 : 210;
  const width = document.side === null ? 515 : 345;
  for (const part of document.parts) {
    if (part.type === "gap") doc.moveDown(0.8);
    else if (part.type === "line") put(part.line, x, width);
    else {
      const rowTop = doc.y;
      for (const line of part.left) put(line, x, 110);
      const leftBottom = doc.y;
      doc.y = rowTop;
      for (const line of part.right) put(line, x + 125, width - 125);
      doc.y = Math.max(doc.y, leftBottom) + 4;
    }
  }
  doc.y = Math.max(doc.y, sideBottom);
  doc.end();
  return done;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ")) {
    const candidate = current === "" ? word : `${current} ${word}`;
    if (current !== "" && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current !== "") lines.push(current);
  return lines;
}

/** pdf-lib: absolute positioning and our own wrapping; columns share their starting height. */
export async function renderPdfLib(document: CorpusDocument): Promise<Uint8Array> {
  const pdf = await PdfLibDocument.create({ updateMetadata: false });
  pdf.setCreationDate(fixedDate);
  pdf.setModificationDate(fixedDate);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const heavy = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage([595, 842]);
  let y = 800;
  const put = (line: Line, x: number, width: number) => {
    const size = sizes[line.kind];
    const font = bold.has(line.kind) ? heavy : regular;
    if (line.kind === "heading") y -= 8;
    for (const piece of wrap(bulletText(line), font, size, width)) {
      if (y < 50) {
        page = pdf.addPage([595, 842]);
        y = 800;
      }
      page.drawText(piece, { x, y, size, font });
      y -= size * 1.4;
    }
  };
  for (const line of document.header) put(line, 40, 515);
  y -= 8;
  const top = y;
  let sideBottom = y;
  if (document.side !== null) {
    for (const line of document.side) put(line, 40, 150);
    sideBottom = y;
    y = top;
  }
  const x = document.side === null ? 40 : 210;
  const width = document.side === null ? 515 : 345;
  for (const part of document.parts) {
    if (part.type === "gap") y -= 12;
    else if (part.type === "line") put(part.line, x, width);
    else {
      const rowTop = y;
      for (const line of part.left) put(line, x, 110);
      const leftBottom = y;
      y = rowTop;
      for (const line of part.right) put(line, x + 125, width - 125);
      y = Math.min(y, leftBottom) - 4;
    }
  }
  y = Math.min(y, sideBottom);
  return pdf.save({ useObjectStreams: false });
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const tagOf: Record<LineKind, string> = {
  name: "h1",
  headline: "p",
  contact: "p",
  heading: "h2",
  entry: "h3",
  text: "p",
  bullet: "li",
};

function htmlLines(lines: readonly Line[]): string {
  let html = "";
  let inList = false;
  for (const line of lines) {
    if (line.kind === "bullet" && !inList) html += "<ul>";
    if (line.kind !== "bullet" && inList) html += "</ul>";
    inList = line.kind === "bullet";
    html += `<${tagOf[line.kind]} class="${line.kind}">${escapeHtml(line.text)}</${tagOf[line.kind]}>`;
  }
  return inList ? `${html}</ul>` : html;
}

/** The HTML a person would print from a browser: CSS grid for the sidebar, a table for rows. */
export function renderHtml(document: CorpusDocument): string {
  let body = "";
  let pending: Line[] = [];
  const flush = () => {
    body += htmlLines(pending);
    pending = [];
  };
  for (const part of document.parts) {
    if (part.type === "line") pending.push(part.line);
    else {
      flush();
      body +=
        part.type === "gap"
          ? '<div style="height:14px"></div>'
          : `<table><tr><td class="when">${htmlLines(part.left)}</td><td>${htmlLines(part.right)}</td></tr></table>`;
    }
  }
  flush();
  const main =
    document.side === null
      ? body
      : `<div class="grid"><aside>${htmlLines(document.side)}</aside><main>${body}</main></div>`;
  const style =
    "body{font-family:Arial,sans-serif;font-size:10pt;margin:28px}h1{font-size:20pt;margin:0}h2{font-size:12pt;border-bottom:1px solid #999;margin:14px 0 4px}h3{font-size:10.5pt;margin:6px 0 0}p{margin:2px 0}ul{margin:2px 0 2px 18px;padding:0}.grid{display:grid;grid-template-columns:170px 1fr;gap:24px}table{border-collapse:collapse;width:100%}td{vertical-align:top;padding:2px 6px}td.when{width:120px}";
  return `<!doctype html><html><head><meta charset="utf-8"><style>${style}</style></head><body>${htmlLines(document.header)}${main}</body></html>`;
}

/** Chromium's "Save as PDF" of the HTML rendering. */
export async function renderChromium(browser: Browser, document: CorpusDocument): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(renderHtml(document), { waitUntil: "load" });
    return await page.pdf({ format: "A4", printBackground: true });
  } finally {
    await page.close();
  }
}

function docxParagraph(line: Line): Paragraph {
  if (line.kind === "name") return new Paragraph({ text: line.text, heading: HeadingLevel.TITLE });
  if (line.kind === "heading") return new Paragraph({ text: line.text, heading: HeadingLevel.HEADING_2 });
  if (line.kind === "entry")
    return new Paragraph({ children: [new TextRun({ text: line.text, bold: true })] });
  if (line.kind === "bullet") return new Paragraph({ text: line.text, bullet: { level: 0 } });
  return new Paragraph({ text: line.text });
}

/** A Word document (docx package): rows become two-cell tables. */
export function renderDocx(document: CorpusDocument): Promise<Buffer> {
  const children: Array<Paragraph | Table> = document.header.map(docxParagraph);
  for (const part of document.parts) {
    if (part.type === "gap") children.push(new Paragraph({ text: "" }));
    else if (part.type === "line") children.push(docxParagraph(part.line));
    else {
      const cell = (lines: Line[], width: number) =>
        new TableCell({
          width: { size: width, type: WidthType.PERCENTAGE },
          children: lines.map(docxParagraph),
        });
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ children: [cell(part.left, 25), cell(part.right, 75)] })],
        }),
      );
    }
  }
  return Packer.toBuffer(new Document({ creator: "Vitae corpus", sections: [{ children }] }));
}

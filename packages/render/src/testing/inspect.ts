import JSZip from "jszip";
import { extractText, getDocumentProxy, getResolvedPDFJS } from "unpdf";

/** Every link annotation target in a PDF, as written (pdf.js's `unsafeUrl`), and action counts. */
export async function pdfLinks(
  pdf: Buffer,
): Promise<{ targets: string[]; uriActions: number; scriptActions: number }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const targets: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    for (const annotation of await page.getAnnotations()) {
      if (annotation.subtype === "Link") targets.push(String(annotation.unsafeUrl ?? annotation.url ?? ""));
    }
  }
  await document.cleanup();
  // pdfkit writes annotation dictionaries uncompressed: count actions in the raw bytes too, so a link
  // pdf.js chose not to report still shows up here.
  const raw = pdf.toString("latin1");
  return {
    targets,
    uriActions: raw.match(/\/S\s*\/URI\b/g)?.length ?? 0,
    scriptActions: raw.match(/\/(?:JavaScript|JS|Launch|SubmitForm|ImportData)\b/g)?.length ?? 0,
  };
}

/** The text of each page of a PDF, as pdf.js extracts it. */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text;
}

/**
 * The Unicode text of every glyph the PDF draws, in order. A ligature is one glyph standing for several
 * letters ("ffi"); extracted text cannot show it (the font's Unicode map expands it), the glyphs can.
 */
export async function pdfGlyphs(pdf: Buffer): Promise<string[]> {
  const { OPS } = await getResolvedPDFJS();
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const glyphs: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const operators = await (await document.getPage(number)).getOperatorList();
    operators.fnArray.forEach((operator, index) => {
      if (operator !== OPS.showText) return;
      for (const glyph of operators.argsArray[index]?.[0] ?? []) {
        if (typeof glyph === "object" && glyph !== null) glyphs.push(String(glyph.unicode));
      }
    });
  }
  await document.cleanup();
  return glyphs;
}

const xmlEntities: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Every external relationship target of every part of a DOCX (hyperlinks, images, anything). */
export async function docxExternalTargets(docx: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(docx);
  const targets: string[] = [];
  for (const name of Object.keys(zip.files).filter((file) => file.endsWith(".rels"))) {
    const xml = (await zip.file(name)?.async("string")) ?? "";
    for (const match of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      if (!/TargetMode="External"/.test(match[0])) continue;
      const target = /Target="([^"]*)"/.exec(match[0])?.[1] ?? "";
      targets.push(
        target.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => xmlEntities[entity] ?? ""),
      );
    }
  }
  return targets;
}

/** The XML of the DOCX body, for checks on what it contains. */
export async function docxBodyXml(docx: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(docx);
  return (await zip.file("word/document.xml")?.async("string")) ?? "";
}

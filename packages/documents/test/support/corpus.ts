import { resumeFormats } from "../../fixtures/generate";
import { type ResumeSource, resumeSources } from "../../fixtures/lib/resume-sources";
import { type DocumentKind, extractText } from "../../src/index";
import { extractionLimits, readFixture } from "./fixtures";

export interface CorpusDocument {
  source: ResumeSource;
  file: string;
  kind: DocumentKind;
}

/** Every rendering of every résumé source: 3 sources × (pdfkit, pdf-lib, DOCX, MD, TXT). */
export const corpus: readonly CorpusDocument[] = resumeSources.flatMap((source) => [
  { source, file: resumeFormats.pdfkit(source.id), kind: "pdf" as const },
  { source, file: resumeFormats.pdfLib(source.id), kind: "pdf" as const },
  { source, file: resumeFormats.docx(source.id), kind: "docx" as const },
  { source, file: resumeFormats.md(source.id), kind: "md" as const },
  { source, file: resumeFormats.txt(source.id), kind: "txt" as const },
]);

/** The extracted text of every corpus document, keyed by file name (read from `dir`, default the committed fixtures). */
export async function extractCorpus(
  read: (file: string) => Buffer = (file) => readFixture("resumes", file),
): Promise<Map<string, string>> {
  const texts = await Promise.all(
    corpus.map(
      async (document) => (await extractText(read(document.file), document.kind, extractionLimits)).text,
    ),
  );
  return new Map(corpus.map((document, index) => [document.file, texts[index] ?? ""]));
}

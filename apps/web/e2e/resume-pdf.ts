import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";

/** The facts a generated résumé states, so a spec can look for them on the profile page. */
export interface ResumeFacts {
  name: string;
  headline: string;
  email: string;
  companies: string[];
}

export const sampleResume: ResumeFacts = {
  name: "Ada Lovelace",
  headline: "Senior Software Engineer",
  email: "ada.lovelace@example.com",
  companies: ["Analytical Engines Ltd", "Babbage & Co"],
};

function render(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // A fixed creation date keeps the bytes the same from run to run.
    const doc = new PDFDocument({
      size: "A4",
      margin: 56,
      info: { CreationDate: new Date(Date.UTC(2026, 0, 1)) },
    });
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    draw(doc);
    doc.end();
  });
}

/**
 * A small text-based PDF résumé (selectable text, standard fonts), in the conventional layout parsers
 * expect: name, headline and contact line, then Experience, Education and Skills sections.
 */
export function resumePdf(facts: ResumeFacts = sampleResume): Promise<Buffer> {
  const [current, previous] = facts.companies;
  return render((doc) => {
    doc.font("Helvetica-Bold").fontSize(22).text(facts.name);
    doc.font("Helvetica").fontSize(12).text(facts.headline);
    doc.text(`${facts.email} | +44 20 7946 0000 | London, UK`);
    doc.moveDown();
    doc.font("Helvetica-Bold").fontSize(14).text("Experience");
    doc.font("Helvetica-Bold").fontSize(12).text(`Senior Software Engineer, ${current}`);
    doc.font("Helvetica").text("Jan 2020 - Present");
    doc.text("- Built event-driven services in TypeScript and Go, deployed on Kubernetes.");
    doc.text("- Led the migration of reporting to PostgreSQL.");
    doc.moveDown(0.5);
    doc.font("Helvetica-Bold").text(`Software Engineer, ${previous}`);
    doc.font("Helvetica").text("Mar 2016 - Dec 2019");
    doc.text("- Wrote data pipelines in Python and maintained the React front end.");
    doc.moveDown();
    doc.font("Helvetica-Bold").fontSize(14).text("Education");
    doc.font("Helvetica").fontSize(12).text("University of London, BSc Mathematics, 2012 - 2015");
    doc.moveDown();
    doc.font("Helvetica-Bold").fontSize(14).text("Skills");
    doc.font("Helvetica").fontSize(12).text("TypeScript, Go, Kubernetes, PostgreSQL, Python, React");
  });
}

/** A PDF with shapes but no text layer: what a scanned page looks like to a text extractor. */
export function scannedPdf(): Promise<Buffer> {
  return render((doc) => {
    doc.rect(56, 56, 300, 40).fill("#333333");
    doc.rect(56, 120, 420, 12).fill("#777777");
    doc.rect(56, 140, 380, 12).fill("#777777");
  });
}

const fixturesDir = fileURLToPath(new URL("../../../packages/documents/fixtures/", import.meta.url));

/** The facts of `ana-souza` in packages/documents/fixtures/lib/resume-sources.ts that the spec checks. */
const anaSouza: ResumeFacts = {
  name: "Ana Souza",
  headline: "Senior Backend Engineer",
  email: "ana.souza@example.com",
  companies: ["Tidewater Payments", "Northwind Logistics", "Casa Digital"],
};

export interface ResumeFile {
  filename: string;
  bytes: Buffer;
  facts: ResumeFacts;
}

async function readFixture(relativePath: string): Promise<Buffer | null> {
  try {
    return await readFile(`${fixturesDir}${relativePath}`);
  } catch {
    return null;
  }
}

/**
 * The shared résumé fixture (pdfkit rendering of `ana-souza`) when the documents package has generated
 * it; otherwise a PDF made here, so the spec never depends on another package's build step.
 */
export async function resumeFile(): Promise<ResumeFile> {
  const fixture = await readFixture("resumes/ana-souza.pdfkit.pdf");
  if (fixture !== null) return { filename: "ana-souza.pdf", bytes: fixture, facts: anaSouza };
  return { filename: "ada-lovelace-cv.pdf", bytes: await resumePdf(), facts: sampleResume };
}

/** The hostile corpus's scanned PDF when present, else the text-less PDF made here. */
export async function scannedFile(): Promise<{ filename: string; bytes: Buffer }> {
  return {
    filename: "scanned.pdf",
    bytes: (await readFixture("hostile/scanned.pdf")) ?? (await scannedPdf()),
  };
}

// The extraction sandbox: forked by run-child.ts with a V8 heap limit and a kill timer, it parses one
// untrusted document and exits, or (a pooled child, `request.keepAlive`) waits for the next one. Plain ESM JavaScript on purpose: it must start the same way under
// `node --import tsx`, under vitest and in production, without inheriting any loader. Nothing here
// touches the network; the document arrives over IPC. With `request.parse` (read-resume.ts), the
// TypeScript read steps (decode, normalise, screen, heuristic parse) are loaded through tsx's API and run
// here too, so the host never spends CPU on a hostile text.
import { Buffer } from "node:buffer";
import mammoth from "mammoth";
import { getDocumentProxy } from "unpdf";
import yauzl from "yauzl";
import { columnText } from "./pdf-columns.mjs";

class ExtractionFailure extends Error {
  constructor(code, detail) {
    super(detail);
    this.code = code;
  }
}

function checkLength(text, limits) {
  if (text.length > limits.maxTextChars)
    throw new ExtractionFailure("EXTRACTION_LIMIT", "text longer than allowed");
}

// pdf.js text items carry no line structure beyond hasEOL; a change of baseline also starts a new line,
// and a horizontal gap between items on one line becomes a space.
function pageText(items) {
  let text = "";
  let lastY;
  let lastRight;
  for (const item of items) {
    if (typeof item.str !== "string") continue;
    const [, , , , x, y] = item.transform;
    if (lastY !== undefined && Math.abs(y - lastY) > 2 && !text.endsWith("\n")) text += "\n";
    else if (lastRight !== undefined && x - lastRight > 1 && !text.endsWith(" ") && !text.endsWith("\n")) {
      text += " ";
    }
    text += item.str;
    if (item.hasEOL) text += "\n";
    lastY = y;
    lastRight = x + (item.width ?? 0);
  }
  return text;
}

async function extractPdf(bytes, limits) {
  let pdf;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      // Defence in depth: pdf.js >= 4.2.67 no longer evaluates font code, and we never run scripts.
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      enableXfa: false,
      verbosity: 0,
    });
  } catch (error) {
    if (error?.name === "PasswordException")
      throw new ExtractionFailure("ENCRYPTED_PDF", "password required");
    throw new ExtractionFailure("MALFORMED_FILE", String(error?.name ?? "load failed"));
  }
  try {
    if (pdf.numPages > limits.maxPages)
      throw new ExtractionFailure("EXTRACTION_LIMIT", `${pdf.numPages} pages`);
    const pages = [];
    let length = 0;
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      // A sidebar layout reads column by column; every other page keeps its stream order.
      const text = columnText(content.items) ?? pageText(content.items);
      page.cleanup();
      length += text.length;
      if (length > limits.maxTextChars)
        throw new ExtractionFailure("EXTRACTION_LIMIT", "text longer than allowed");
      pages.push(text);
    }
    return { text: pages.join("\n\n"), pages: pdf.numPages };
  } catch (error) {
    if (error instanceof ExtractionFailure) throw error;
    throw new ExtractionFailure("MALFORMED_FILE", String(error?.name ?? "page failed"));
  } finally {
    await pdf.loadingTask.destroy();
  }
}

// The parent refused bombs from the central directory; declared sizes can lie, so inflate every entry
// once here (yauzl's validateEntrySizes fails on any byte beyond the declared size) before mammoth's
// JSZip inflates the archive in memory.
function verifyZipSizes(buffer, maxTotalBytes) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError) return reject(new ExtractionFailure("MALFORMED_FILE", "zip open failed"));
      let total = 0;
      zip.on("error", () => reject(new ExtractionFailure("MALFORMED_FILE", "zip read failed")));
      zip.on("end", () => resolve());
      zip.on("entry", (entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(new ExtractionFailure("MALFORMED_FILE", "entry open failed"));
          stream.on("data", (chunk) => {
            total += chunk.length;
            if (total > maxTotalBytes) {
              stream.destroy();
              reject(new ExtractionFailure("ZIP_BOMB", "inflated size over limit"));
            }
          });
          stream.on("error", (error) => {
            const lying = /too many bytes|exceeded/i.test(String(error?.message));
            reject(new ExtractionFailure(lying ? "ZIP_BOMB" : "MALFORMED_FILE", "entry inflate failed"));
          });
          stream.on("end", () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

async function extractDocx(bytes, limits) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await verifyZipSizes(buffer, limits.maxUncompressedBytes);
  let html;
  try {
    html = await mammoth.convertToHtml(
      { buffer },
      {
        // externalFileAccess stays off (CVE-2025-11849): a DOCX may link to local files.
        externalFileAccess: false,
        // Images are dropped rather than inlined as base64 (memory, and no text in them anyway).
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
      },
    );
  } catch {
    throw new ExtractionFailure("MALFORMED_FILE", "docx conversion failed");
  }
  const text = htmlToText(html.value);
  checkLength(text, limits);
  return { text };
}

const entities = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

// mammoth's HTML is simple and well formed. Raw text would lose list markers, which the résumé parser
// needs to tell bullets from entry headers, so list items become "• " lines and blocks become lines.
function htmlToText(html) {
  return html
    .replace(/<li[^>]*>/g, "\n• ")
    .replace(/<\/(?:p|h[1-6]|li|tr|table|ul|ol)>|<br\s*\/?>/g, "\n")
    .replace(/<\/td>/g, " | ")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name) => entities[name])
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code) => String.fromCodePoint(Number.parseInt(code, 16)));
}

// Loaded only when needed: extraction alone (extractText) runs without tsx. Failing to load is about
// this installation, not the document: CHILD_SETUP makes the host retry instead of failing the file.
// Loaded once per child: loading and the rules' first use cost most of a short document's CPU, and a
// pooled child reads many documents. The steps are pure functions; nothing of one document stays.
let readSteps;
function loadReadSteps() {
  readSteps ??= import("tsx/esm/api")
    .then(({ tsImport }) => tsImport("../read/child-steps.ts", import.meta.url))
    .catch((error) => {
      readSteps = undefined;
      throw new ExtractionFailure("CHILD_SETUP", String(error?.message ?? "read steps failed to load"));
    });
  return readSteps;
}

// An unexpected error while reading the text is the parser's failure (PARSE_FAILED), not a damaged file.
function readText(steps, text) {
  try {
    return steps.readResumeText(text);
  } catch (error) {
    if (error?.name === "DocumentError") throw error;
    throw new ExtractionFailure("PARSE_FAILED", String(error?.message ?? "read failed"));
  }
}

async function read(request) {
  const isText = request.kind === "txt" || request.kind === "md";
  const steps = isText || request.parse ? await loadReadSteps() : undefined;
  const extracted = isText
    ? { text: steps.decodeText(request.bytes, request.limits.maxTextChars) }
    : await (request.kind === "pdf" ? extractPdf : extractDocx)(request.bytes, request.limits);
  if (!request.parse) return extracted;
  const { pages } = extracted;
  return { ...readText(steps, extracted.text), ...(pages === undefined ? {} : { pages }) };
}

// Every answer carries the request's sequence number: a pooled child's host only takes the answer to
// the document it sent. `rssKb` lets the pool retire a child whose memory has grown.
function reply(request, message, stay) {
  const peakRssKb = process.resourceUsage().maxRSS;
  const rssKb = Math.round(process.memoryUsage.rss() / 1024);
  process.send({ ...message, seq: request.seq, peakRssKb, rssKb }, () => {
    if (!stay) process.exit(0);
  });
}

// If the parent dies, the IPC channel closes: never outlive it.
process.on("disconnect", () => process.exit(0));
process.on("message", async (request) => {
  let answered = false;
  const answer = (message, stay) => {
    if (answered) return;
    answered = true;
    reply(request, message, stay);
  };
  // The heap limit (--max-old-space-size) does not cover ArrayBuffers; this watchdog bounds the whole
  // process. It fires between pdf.js's asynchronous steps; the parent's kill timer covers the rest. Past
  // the limit the child always exits: a pooled child is never reused after a breach.
  const watchdog = setInterval(() => {
    if (process.memoryUsage.rss() > request.limits.maxRssBytes) {
      clearInterval(watchdog);
      answer(
        { ok: false, code: "EXTRACTION_LIMIT", detail: "resident memory over limit", retire: true },
        false,
      );
    }
  }, 25);
  watchdog.unref();
  try {
    answer({ ok: true, ...(await read(request)) }, request.keepAlive === true);
  } catch (error) {
    // DocumentError comes from the read steps (NOT_UTF8, EXTRACTION_LIMIT, NO_TEXT).
    const isCoded = error instanceof ExtractionFailure || error?.name === "DocumentError";
    const code = isCoded ? error.code : "MALFORMED_FILE";
    answer({ ok: false, code, detail: String(error?.message ?? "") }, request.keepAlive === true);
  } finally {
    clearInterval(watchdog);
  }
});

import { describe, expect, it } from "vitest";
import { renderDocx } from "./docx/render-docx";
import { renderHtml } from "./html/render-html";
import { toResumeModel } from "./model";
import { renderPdf } from "./pdf/render-pdf";
import { resumeTemplates } from "./templates";
import { docxBodyXml, docxExternalTargets, pdfLinks } from "./testing/inspect";
import { allowedProtocols, hostileProfile, xssPayloads } from "./testing/xss-corpus";

const cases = resumeTemplates.flatMap((template) =>
  xssPayloads.map((payload, index) => ({ template, payload, index })),
);

const templateTags = [
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "main",
  "header",
  "aside",
  "section",
  "h1",
  "h2",
  "h3",
  "p",
  "ul",
  "li",
  "span",
  "a",
  "div",
];
const templateAttributes = [
  "class",
  "lang",
  "charset",
  "name",
  "content",
  "http-equiv",
  "href",
  "rel",
  "dir",
];

const isAllowed = (target: string) => {
  const protocol = URL.canParse(target) ? new URL(target).protocol : "invalid:";
  return allowedProtocols.has(protocol);
};

describe("the XSS corpus in every field", () => {
  it("has at least 50 payloads", () => {
    expect(xssPayloads.length).toBeGreaterThanOrEqual(50);
  });

  it.each(cases)(
    "HTML $template #$index: no markup from the payload, only allowed links",
    ({ template, payload }) => {
      const html = renderHtml(toResumeModel(hostileProfile(payload)), template);
      // Text never contains "<" (it is escaped), so every "<" opens a tag our templates wrote: each must be
      // one of theirs, with only their attributes.
      for (const [, name, attributes] of html
        .replace("<!doctype html>", "")
        .matchAll(/<(\/?[a-z0-9!]+)([^>]*)>/gi)) {
        expect(templateTags).toContain(name?.replace("/", "").toLowerCase());
        const attributeNames = [...(attributes ?? "").matchAll(/\s([^\s=]+)="[^"]*"/g)].map(
          (match) => match[1],
        );
        for (const attribute of attributeNames) expect(templateAttributes).toContain(attribute);
        expect((attributes ?? "").replace(/\s[^\s=]+="[^"]*"/g, "").trim()).toBe("");
      }
      for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) expect(isAllowed(href ?? "")).toBe(true);
    },
  );

  it.each(cases)(
    "PDF $template #$index: link annotations only for allowed schemes",
    async ({ template, payload }) => {
      const pdf = await renderPdf(toResumeModel(hostileProfile(payload)), template);
      const links = await pdfLinks(pdf);
      expect(links.scriptActions).toBe(0);
      expect(links.uriActions).toBe(links.targets.length);
      for (const target of links.targets) expect(isAllowed(target)).toBe(true);
    },
  );

  it.each(cases)(
    "DOCX $template #$index: hyperlinks only for allowed schemes",
    async ({ template, payload }) => {
      const docx = await renderDocx(toResumeModel(hostileProfile(payload)), template);
      for (const target of await docxExternalTargets(docx)) expect(isAllowed(target)).toBe(true);
      expect(await docxBodyXml(docx)).not.toMatch(/<w:fldSimple|<w:instrText|HYPERLINK\s+"?javascript/i);
    },
  );

  it("a safe link still survives in every format (the checks above can see links)", async () => {
    const model = toResumeModel(hostileProfile("https://example.com/ana"));
    for (const template of resumeTemplates) {
      expect(renderHtml(model, template)).toContain('href="https://example.com/ana"');
      expect((await pdfLinks(await renderPdf(model, template))).targets).toContain("https://example.com/ana");
      expect(await docxExternalTargets(await renderDocx(model, template))).toContain(
        "https://example.com/ana",
      );
    }
  });
});

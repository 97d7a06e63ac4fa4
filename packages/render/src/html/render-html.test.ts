import { describe, expect, it } from "vitest";
import { toResumeModel } from "../model";
import { resumeTemplates } from "../templates";
import { germanProfile } from "../testing/profiles";
import { el, escapeHtml, styleSheet } from "./element";
import { renderHtml, resumeHtmlCsp } from "./render-html";

describe("element builder", () => {
  it("escapes every text child and attribute value", () => {
    const markup = el("p", { class: `"><script>` }, "<b>&'`", el("span", {}, "</p>"));
    expect(markup.html).toBe(
      '<p class="&quot;&gt;&lt;script&gt;">&lt;b&gt;&amp;&#39;&#96;<span>&lt;/p&gt;</span></p>',
    );
    expect(escapeHtml("a&amp;b")).toBe("a&amp;amp;b");
  });

  it("refuses a stylesheet that could close its element", () => {
    expect(() => styleSheet("a{}</style><script>")).toThrow();
  });
});

describe("renderHtml", () => {
  it.each(resumeTemplates)("%s: a self-contained document with the CSP and no script", (template) => {
    const html = renderHtml(toResumeModel(germanProfile), template);
    expect(html.startsWith('<!doctype html><html lang="en"><head><meta charset="utf-8">')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;">`,
    );
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\son\w+=/i);
    expect(html).toContain("Jürgen Weiß-Łukasiewicz");
    expect(html).toContain(`class="resume ${template}"`);
    expect(html).toContain(
      '<a href="https://github.com/jweiss" rel="noopener noreferrer nofollow">github.com/jweiss</a>',
    );
  });

  it("exports the policy the server sends as a header", () => {
    expect(resumeHtmlCsp).toMatch(/^default-src 'none';/);
    expect(resumeHtmlCsp).toContain("frame-ancestors 'none'");
    expect(resumeHtmlCsp).not.toContain("script-src");
  });
});

import type { SafeUrl } from "../links";

declare const markupBrand: unique symbol;

/** Markup produced by {@link el}; the only way to get one, so every string inside it was escaped. */
export interface Markup {
  readonly [markupBrand]: true;
  readonly html: string;
}

/** A child of an element: markup, or text that will be escaped; `null`/`false` render nothing. */
export type Child = Markup | string | null | false | readonly Child[];

const escapes: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/** Escapes text for an element's content or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (char) => escapes[char] ?? char);
}

// Element and attribute names come from our templates, never from user data; the closed lists make a
// typo or a new event-handler attribute a compile error instead of a hole.
const voidTags = new Set(["meta"]);
type Tag =
  | "html"
  | "head"
  | "meta"
  | "title"
  | "style"
  | "body"
  | "main"
  | "header"
  | "aside"
  | "section"
  | "h1"
  | "h2"
  | "h3"
  | "p"
  | "ul"
  | "li"
  | "span"
  | "a"
  | "div";

/** Attributes a template may set. `href` only takes a {@link SafeUrl}. */
export interface Attributes {
  class?: string;
  lang?: string;
  charset?: string;
  name?: string;
  content?: string;
  "http-equiv"?: string;
  href?: SafeUrl;
  rel?: string;
  dir?: "auto";
}

function render(child: Child): string {
  if (child === null || child === false) return "";
  if (typeof child === "string") return escapeHtml(child);
  if (Array.isArray(child)) return child.map(render).join("");
  return (child as Markup).html;
}

function markup(html: string): Markup {
  return { html } as Markup;
}

/** One element: every attribute value and text child is escaped. */
export function el(tag: Tag, attributes: Attributes, ...children: Child[]): Markup {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string")
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join("");
  if (voidTags.has(tag)) return markup(`<${tag}${attrs}>`);
  return markup(`<${tag}${attrs}>${render(children)}</${tag}>`);
}

/**
 * A `<style>` element from a stylesheet constant in this package. It takes no user text: CSS cannot be
 * escaped as HTML, so the stylesheet must not contain `<` at all (checked, so `</style>` cannot occur).
 */
export function styleSheet(css: string): Markup {
  if (css.includes("<")) throw new Error("a stylesheet must not contain '<'");
  return markup(`<style>${css}</style>`);
}

/** A whole document: doctype plus the root element. */
export function toDocument(root: Markup): string {
  return `<!doctype html>${root.html}`;
}

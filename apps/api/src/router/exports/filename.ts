/**
 * The name a résumé export is saved as: `resume-<name>.<format>` with the name folded to lower-case
 * ASCII letters, digits and dashes (at most 60), so no header, path or bidi trick can ride on it.
 */
export function exportFilename(name: string | null, format: string): string {
  const slug = (name ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug === "" ? `resume.${format}` : `resume-${slug}.${format}`;
}

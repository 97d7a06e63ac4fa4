import { titleCase } from "../lib/format";

/**
 * A job name (`domain.verb-noun`) in plain words: "documents.ingest" → "Documents: ingest",
 * "exports.render-profile" → "Exports: render profile". A name without a verb keeps its domain only.
 */
export function jobLabel(name: string): string {
  const [domain = name, verb] = name.split(".");
  return verb === undefined ? titleCase(domain) : `${titleCase(domain)}: ${verb.replaceAll("-", " ")}`;
}

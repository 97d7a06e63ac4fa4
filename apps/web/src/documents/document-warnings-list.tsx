import { useId } from "react";
import { type DocumentWarningInput, warningItems, warningsHeading } from "./document-warnings";
import "./document-warnings.css";

interface DocumentWarningsProps {
  warnings: readonly DocumentWarningInput[] | null | undefined;
  /** `h3` inside a table row, `h2` on the profile page: the heading fits the page's outline. */
  headingLevel: "h2" | "h3";
}

/**
 * What ingestion left out of a document's profile, as a headed list: the contract's sentence and the
 * text it concerns, quoted and clamped. A note, not an error: the profile is fine, only that text is not in
 * it. The words carry the meaning; the border and the "Note" label only make it easy to spot.
 */
export function DocumentWarnings({ warnings, headingLevel: Heading }: DocumentWarningsProps) {
  const headingId = useId();
  const items = warningItems(warnings);
  if (items.length === 0) return null;
  return (
    <section
      className={`document-warnings document-warnings-${Heading}`}
      aria-labelledby={headingId}
      data-testid="document-warnings"
    >
      <Heading id={headingId} className="document-warnings-title">
        <span className="document-warnings-label" aria-hidden="true">
          Note
        </span>
        {warningsHeading(items.length)}
      </Heading>
      <ul>
        {items.map((item) => (
          <li key={item.key} data-testid="document-warning" data-code={item.code}>
            <span className="document-warning-sentence">{item.sentence}</span>{" "}
            <q className="document-warning-excerpt" title={item.excerpt}>
              {item.excerpt}
            </q>
          </li>
        ))}
      </ul>
    </section>
  );
}

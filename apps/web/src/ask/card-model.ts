import { safeHref } from "../profiles/safe-href";
import { categoryLabel } from "../profiles/skill-groups";
import { formatDateRange, yearOnlyIfJanuary } from "../profiles/year-month";
import type { Card } from "./contract";

/** How one card is shown: the same layout for every type, filled differently per type. */
export interface CardView {
  key: string;
  type: Card["type"];
  /** Small caption above the title ("Experience", "Project", …). */
  kindLabel: string;
  title: string;
  subtitle: string | null;
  /** Dates, already formatted; null when the résumé gives none. */
  period: string | null;
  /** A safe http(s) link (projects only). */
  href: string | null;
  chips: string[];
  /** The fact the card links to on the profile page. */
  factId: string | null;
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

/** The rendering choices per card type, kept pure so they are unit-tested. */
export function cardView(card: Card): CardView {
  switch (card.type) {
    case "experience":
      return {
        key: `experience-${card.factId}`,
        type: card.type,
        kindLabel: "Experience",
        title: card.title,
        subtitle: nonEmpty(card.company),
        period: nonEmpty(formatDateRange(card.start, card.end)),
        href: null,
        chips: card.technologies,
        factId: card.factId,
      };
    case "project":
      return {
        key: `project-${card.factId}`,
        type: card.type,
        kindLabel: "Project",
        title: card.name,
        subtitle: nonEmpty(card.description),
        period: null,
        href: card.url === null ? null : safeHref(card.url),
        chips: card.technologies,
        factId: card.factId,
      };
    case "education": {
      const degree = [card.degree, card.field]
        .map(nonEmpty)
        .filter((part) => part !== null)
        .join(", ");
      return {
        key: `education-${card.factId}`,
        type: card.type,
        kindLabel: "Education",
        title: card.school,
        subtitle: nonEmpty(degree),
        // Education dates are almost always years; "Jan 2013" would state a month the résumé never gave.
        period: nonEmpty(
          formatDateRange(card.start, card.end, {
            start: yearOnlyIfJanuary(card.start),
            end: yearOnlyIfJanuary(card.end),
          }),
        ),
        href: null,
        chips: [],
        factId: card.factId,
      };
    }
    case "skill-group":
      return {
        key: `skills-${card.category}-${card.factIds[0] ?? ""}`,
        type: card.type,
        kindLabel: "Skills",
        title: categoryLabel(card.category),
        subtitle: null,
        period: null,
        href: null,
        chips: [...new Set(card.skills)],
        factId: card.factIds[0] ?? null,
      };
  }
}

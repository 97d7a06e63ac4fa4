/** The closed list of technology categories; clients may switch on these strings. */
export const technologyCategories = [
  "language",
  "framework",
  "runtime",
  "database",
  "cloud",
  "devops",
  "data-ml",
  "messaging",
  "mobile",
  "testing",
  "tool",
  "methodology",
  "protocol",
  "platform",
  "security",
] as const;

export type TechnologyCategory = (typeof technologyCategories)[number];

/**
 * Families group technologies across categories: `sql` holds every relational database and the SQL
 * dialects, so a question about "SQL" can match a PostgreSQL résumé.
 */
export const technologyFamilies = [
  "sql",
  "nosql",
  "jvm",
  "dotnet",
  "javascript",
  "python",
  "aws",
  "azure",
  "gcp",
  "containers",
  "ci-cd",
  "frontend",
  "search",
  "streaming",
  "infrastructure-as-code",
  "deep-learning",
] as const;

export type TechnologyFamily = (typeof technologyFamilies)[number];

/** One entry of the data files (see `data/`). */
export interface TechnologyDefinition {
  /** Canonical display name, unique across the taxonomy. */
  name: string;
  category: TechnologyCategory;
  /** Matched case-insensitively anywhere (word-boundary aware). The canonical name is added unless `contextual` holds it. */
  aliases?: readonly string[];
  /** Matched case-sensitively and without context, e.g. "JS", "k8s", "ML" (but never "ml" in "500 ml"). */
  abbreviations?: readonly string[];
  /**
   * Forms that are also ordinary words or initials ("Go", "R", "Swift", "Spring"): matched only with the
   * exact case given here and only in a technology context (see README, "Context rules").
   */
  contextual?: readonly string[];
  /** A contextual form is rejected when the text right after it matches this (e.g. Go + " to"). */
  rejectBefore?: RegExp;
  /** A contextual form is rejected when the text right before it matches this (e.g. "Series " + C). */
  rejectAfter?: RegExp;
  families?: readonly TechnologyFamily[];
}

/** A canonical technology as the rest of the product stores it. */
export interface Technology {
  name: string;
  category: TechnologyCategory;
  families: readonly TechnologyFamily[];
}

/** A technology found in free text. `start`/`end` are UTF-16 offsets into the input (`end` exclusive). */
export interface TechnologyMention {
  name: string;
  category: TechnologyCategory;
  /** The text as written, e.g. "k8s". */
  raw: string;
  start: number;
  end: number;
}

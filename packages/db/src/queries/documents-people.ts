import { type SQL, sql } from "drizzle-orm";
import { documents, experiences, profileSkills, profiles } from "../schema";

/** File kinds a listing can be narrowed to, by the type detected from the bytes (else the declared one). */
export const documentKinds = ["pdf", "docx", "text"] as const;

/** One of {@link documentKinds}; `text` covers plain text and Markdown. */
export type DocumentKind = (typeof documentKinds)[number];

const kindMimes: Record<DocumentKind, string[]> = {
  pdf: ["application/pdf"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  text: ["text/plain", "text/markdown"],
};

/** Who a document is about, as its parsed profile says; null fields were not found. */
export interface DocumentPerson {
  name: string | null;
  /** The title of the current (else the most recent) role, else the headline. */
  title: string | null;
  company: string | null;
}

/**
 * An earlier document of the same workspace that is probably the same person: identical bytes
 * (`same-file`), or a parsed profile with the same email, compared case-insensitively (`same-email`).
 */
export interface DocumentDuplicate {
  documentId: string;
  filename: string;
  reason: "same-file" | "same-email";
}

/** Longest search text accepted; longer input is cut, never refused (a pasted paragraph still searches). */
export const documentQueryMaxChars = 200;

/**
 * The `where` condition of a people search: words in web-search syntax matched against the profile's
 * name, headline and summary, its roles (company, title, bullets), its skills and the file name (its
 * words: "ada-cv.pdf" is "ada cv pdf"). The profile arms are served by GIN indexes on generated
 * `tsvector`s (`profiles_search_idx`, `experiences_search_idx`, `profile_skills_search_idx`); the file
 * name is checked on the workspace's rows only. Skills use the `simple` configuration, like their vector.
 */
export function peopleSearchCondition(query: string): SQL {
  const text = query.slice(0, documentQueryMaxChars);
  const english = sql`websearch_to_tsquery('english'::regconfig, ${text})`;
  const simple = sql`websearch_to_tsquery('simple'::regconfig, ${text})`;
  return sql`(
    ${profiles.search} @@ ${english}
    or exists (select 1 from ${experiences} where ${experiences.profileId} = ${profiles.id}
      and ${experiences.workspaceId} = ${documents.workspaceId} and ${experiences.search} @@ ${english})
    or exists (select 1 from ${profileSkills} where ${profileSkills.profileId} = ${profiles.id}
      and ${profileSkills.workspaceId} = ${documents.workspaceId} and ${profileSkills.search} @@ ${simple})
    or to_tsvector('simple'::regconfig, regexp_replace(${documents.filename}, '[^[:alnum:]]+', ' ', 'g')) @@ ${simple}
  )`;
}

/** The `where` condition keeping documents of one of `kinds`. */
export function documentKindCondition(kinds: readonly DocumentKind[]): SQL {
  const mimes = kinds.flatMap((kind) => kindMimes[kind]);
  return sql`coalesce(${documents.detectedType}, ${documents.contentType}) in (${sql.join(
    mimes.map((mime) => sql`${mime}`),
    sql`, `,
  )})`;
}

/** Selection of the person a listed document is about (joined with its parsed profile). */
export const personColumns = {
  personName: profiles.name,
  personTitle: sql<string | null>`coalesce((
    select ${experiences.title} from ${experiences}
    where ${experiences.profileId} = ${profiles.id} and ${experiences.workspaceId} = ${documents.workspaceId}
    order by ${experiences.isCurrent} desc, ${experiences.startMonth} desc nulls last, ${experiences.position}
    limit 1), ${profiles.headline})`,
  personCompany: sql<string | null>`(
    select ${experiences.company} from ${experiences}
    where ${experiences.profileId} = ${profiles.id} and ${experiences.workspaceId} = ${documents.workspaceId}
    order by ${experiences.isCurrent} desc, ${experiences.startMonth} desc nulls last, ${experiences.position}
    limit 1)`,
  // The earliest other document that is the same file or the same person; `id|filename|reason` so one
  // subquery answers it (filenames may hold "|": only the first two separators split).
  duplicate: sql<string | null>`(
    select d2.id::text || '|' || case when d2.sha256 = ${documents.sha256} then 'same-file' else 'same-email' end
      || '|' || d2.filename
    from ${documents} d2
    left join ${profiles} p2 on p2.document_id = d2.id and p2.source = 'parsed'
      and p2.workspace_id = d2.workspace_id
    where d2.workspace_id = ${documents.workspaceId} and d2.id <> ${documents.id}
      and ((${documents.sha256} is not null and d2.sha256 = ${documents.sha256})
        or (${profiles.email} is not null and lower(p2.email) = lower(${profiles.email})))
    order by d2.created_at, d2.id
    limit 1)`,
};

/** Turns the selected person columns into the listing's `person` and `duplicateOf`. */
export function personOf(row: {
  profileId: string | null;
  personName: string | null;
  personTitle: string | null;
  personCompany: string | null;
  duplicate: string | null;
}): { person: DocumentPerson | null; duplicateOf: DocumentDuplicate | null } {
  const person =
    row.profileId === null
      ? null
      : { name: row.personName, title: row.personTitle, company: row.personCompany };
  if (row.duplicate === null) return { person, duplicateOf: null };
  const [documentId = "", reason, ...rest] = row.duplicate.split("|");
  return {
    person,
    duplicateOf: {
      documentId,
      filename: rest.join("|"),
      reason: reason === "same-file" ? "same-file" : "same-email",
    },
  };
}

/**
 * Input limits the API enforces and the web app mirrors for instant feedback. The server is the
 * authority; the UI only reads these numbers so its hints never drift from what the server accepts.
 */
export const limits = {
  /** Password length: length beats composition rules. */
  password: { minLength: 10, maxLength: 128 },
  /** A person's display name. */
  personNameMaxLength: 100,
  /** Workspace, API key and share-link names. */
  labelMaxLength: 100,
  /** An email address (RFC 5321 path limit). */
  emailMaxLength: 254,
  /** One Ask question, in characters after trimming. */
  questionMaxLength: 2000,
  /** An uploaded file's name. */
  filenameMaxLength: 255,
  /** Items per page of any list. */
  pageSizeMax: 100,
} as const;

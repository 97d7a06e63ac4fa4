import { AppError } from "@vitae/errors";
import { isUuid } from "./ids";

/** A position in a `(created_at desc, id desc)` listing. */
export interface KeysetCursor {
  createdAt: Date;
  id: string;
}

/**
 * Opaque page cursor for `(created_at, id)` keyset pagination. Millisecond precision: tables paged this
 * way store `created_at` with `precision: 3`, so no row hides between two pages.
 */
export function encodeKeysetCursor(item: KeysetCursor): string {
  return Buffer.from(`${item.createdAt.getTime()}:${item.id}`, "utf8").toString("base64url");
}

/** Decodes {@link encodeKeysetCursor}; throws `AppError("BAD_REQUEST")` for anything it did not produce. */
export function decodeKeysetCursor(cursor: string): KeysetCursor {
  const invalid = () => new AppError("BAD_REQUEST", { message: "The page cursor is not valid." });
  // At most 13 digits (up to the year 2286): a longer instant is not one we produced, and Postgres
  // rejects what JavaScript dates allow beyond its range with an error, not an empty page.
  const match = /^(\d{1,13}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (match === null || match[1] === undefined || match[2] === undefined || !isUuid(match[2]))
    throw invalid();
  const createdAt = new Date(Number(match[1]));
  if (Number.isNaN(createdAt.getTime())) throw invalid();
  return { createdAt, id: match[2] };
}

/** Validates a page size (integer within 1–`max`, `fallback` when undefined), else `AppError("BAD_REQUEST")`. */
export function pageLimit(limit: number | undefined, fallback: number, max: number): number {
  const value = limit ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new AppError("BAD_REQUEST", { message: `The page size must be between 1 and ${max}.` });
  }
  return value;
}

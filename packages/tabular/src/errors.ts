/**
 * The closed lists of this package: file-level failure codes (`TabularError`) and row-level validation
 * codes (`RowErrorCode`). Clients switch on these strings, so they never change meaning once shipped.
 * Zod-free and Node-free: the web app may import `@vitae/tabular/errors`.
 */
export const tabularErrorCodes = [
  "EMPTY_FILE",
  "NO_HEADER",
  "ENCODING_INVALID",
  "MALFORMED_FILE",
  "ZIP_BOMB",
  "SHEET_NOT_FOUND",
  "TOO_MANY_COLUMNS",
  "CELL_TOO_LARGE",
  "UNKNOWN_ENTITY",
  "MAPPING_INVALID",
  "LEDGER_MISMATCH",
] as const;

export type TabularErrorCode = (typeof tabularErrorCodes)[number];

/** Plain-words default message per code, safe to show to the importing operator. */
export const tabularErrorMessages: Readonly<Record<TabularErrorCode, string>> = Object.freeze({
  EMPTY_FILE: "The file is empty.",
  NO_HEADER: "No header row could be found in the first rows of the file.",
  ENCODING_INVALID: "The file's text encoding could not be read; save it as UTF-8.",
  MALFORMED_FILE: "The file is damaged or is not a CSV or XLSX spreadsheet.",
  ZIP_BOMB: "The spreadsheet expands to an unreasonable size and was refused.",
  SHEET_NOT_FOUND: "The chosen sheet does not exist in the workbook.",
  TOO_MANY_COLUMNS: "The file has more columns than allowed.",
  CELL_TOO_LARGE: "A cell is larger than allowed.",
  UNKNOWN_ENTITY: "The target entity does not exist.",
  MAPPING_INVALID: "The column mapping does not fit the file or the entity.",
  LEDGER_MISMATCH: "The export did not account for every row and was stopped.",
});

/** Every expected file-level failure of this package; the same bytes fail the same way (permanent). */
export class TabularError extends Error {
  readonly code: TabularErrorCode;

  /** `message` is client-safe (never a path or library internals); `cause` is for logs only. */
  constructor(
    code: TabularErrorCode,
    message: string = tabularErrorMessages[code],
    options: { cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "TabularError";
    this.code = code;
  }
}

/** True for a `TabularError`, also one from another copy of this module (compared by shape). */
export function isTabularError(error: unknown): error is TabularError {
  return (
    error instanceof TabularError ||
    (error instanceof Error &&
      error.name === "TabularError" &&
      (tabularErrorCodes as readonly string[]).includes((error as TabularError).code))
  );
}

/** The closed list of row-level validation codes; every rejected row carries at least one. */
export const rowErrorCodes = [
  "REQUIRED",
  "INVALID_EMAIL",
  "INVALID_PHONE",
  "INVALID_DATE",
  "AMBIGUOUS_DATE",
  "INVALID_NUMBER",
  "INVALID_BOOLEAN",
  "INVALID_ENUM",
  "INVALID_URL",
  "TOO_LONG",
  "DUPLICATE_VALUE",
  "DATE_ORDER",
  "UNKNOWN_REFERENCE",
  "EXTRA_CELLS",
] as const;

export type RowErrorCode = (typeof rowErrorCodes)[number];

/** Plain-words message per row code, shown beside the cell in the validation grid. */
export const rowErrorMessages: Readonly<Record<RowErrorCode, string>> = Object.freeze({
  REQUIRED: "A value is required.",
  INVALID_EMAIL: "Not a valid email address.",
  INVALID_PHONE: "Not a valid phone number.",
  INVALID_DATE: "Not a valid date.",
  AMBIGUOUS_DATE: "The date could be day-first or month-first; choose the column's order.",
  INVALID_NUMBER: "Not a number.",
  INVALID_BOOLEAN: "Not a yes/no value.",
  INVALID_ENUM: "Not one of the allowed values.",
  INVALID_URL: "Not a valid http(s) URL.",
  TOO_LONG: "The value is longer than allowed.",
  DUPLICATE_VALUE: "The value must be unique in the file and appears on an earlier row.",
  DATE_ORDER: "The end date is before the start date.",
  UNKNOWN_REFERENCE: "The referenced record is not in the file.",
  EXTRA_CELLS: "The row has more cells than the header.",
});

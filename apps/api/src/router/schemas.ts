import { z } from "zod";

/**
 * How a client asks for one page of a keyset-paginated list: the opaque cursor the previous page
 * returned and a page size of 1–100. Spread into a list procedure's input next to its own filters.
 */
export const pageInputFields = {
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(100).optional(),
};

/**
 * Dates leave the API as ISO-8601 strings. There is no transformer on the wire, so declaring `Date`
 * outputs would make the client's inferred types lie; transforming in the output schema keeps the
 * inferred type (`string`) and the JSON identical.
 */
export const isoDate = z.date().transform((date) => date.toISOString());

/**
 * The range every date a client sends must fall in. JavaScript dates reach ±275,760 years and Postgres
 * rejects some of them (year 0, anything before 4713 BC) with an error that would surface as a 500; no
 * record of this product predates 1900 or outlives 2200.
 */
export const dateInputRange = {
  min: new Date("1900-01-01T00:00:00.000Z"),
  max: new Date("2199-12-31T23:59:59.999Z"),
} as const;

/**
 * A date as procedures accept it: an ISO-8601 date (`2026-03-04`) or date-time with offset
 * (`2026-03-04T10:00:00.000Z`), within {@link dateInputRange}; parsed to a `Date`. Every date input of
 * every procedure uses this one schema, so none can reach the database out of range.
 */
export const dateInput = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((value) => new Date(value))
  .pipe(
    z
      .date()
      .min(dateInputRange.min, "must be on or after 1900-01-01")
      .max(dateInputRange.max, "must be on or before 2199-12-31"),
  );

/**
 * A month as profiles store it (`YYYY-MM`), bounded like {@link dateInput}: answers compare and sort
 * these, and a year such as 0000 or 9999 is a typo, never a résumé date.
 */
export const yearMonthInput = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be YYYY-MM")
  .refine((value) => value >= "1900-01" && value < "2200-01", "must be between 1900-01 and 2199-12");

export { roleSchema } from "@vitae/contracts";

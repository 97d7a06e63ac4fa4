import { z } from "zod";

/**
 * Dates leave the API as ISO-8601 strings. There is no transformer on the wire, so declaring `Date`
 * outputs would make the client's inferred types lie; transforming in the output schema keeps the
 * inferred type (`string`) and the JSON identical.
 */
export const isoDate = z.date().transform((date) => date.toISOString());

export { roleSchema } from "@vitae/contracts";

import { phoneRegions as allPhoneRegions } from "@vitae/tabular";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";

/**
 * The countries an import can read phone numbers without a country code in (`imports.validate`'s
 * `defaultCountry`), each with its calling code; clients name them in the reader's language. The list
 * lives with the phone parser on the server so the browser never loads numbering-plan metadata.
 */
export const phoneRegions = workspaceProcedure({ role: "viewer", scope: "imports:read" })
  .input(z.strictObject({}).optional())
  .output(z.array(z.object({ country: z.string(), callingCode: z.string() })))
  .query(() => [...allPhoneRegions()]);

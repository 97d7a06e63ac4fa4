import { type ImportRowFilter, listImportRows } from "@vitae/db";
import { rowErrorCodes, rowErrorMessages } from "@vitae/tabular";
import { z } from "zod";
import { workspaceProcedure } from "../../trpc/procedures";

const rowErrorCodeInput = z.enum(rowErrorCodes);

const errorOutput = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: rowErrorCodeInput,
  message: z.string(),
  value: z.string(),
  suggestion: z.string().optional(),
});

/**
 * One page of a validated import's rows in source-line order: `all`, `errors` (every invalid row) or the
 * invalid rows carrying one row error code. Each row has its status, its normalised values (mapped
 * fields, fixes applied), its raw cells and its errors — source line, column header, field, code, a
 * plain-words message and the clamped value. Keyset-paged, 100 rows a page: `nextCursor` is the last
 * line of the page. (No page-size input: the issue's signature, and a GET whose four inputs are all long
 * would pass Node's header-size limit before validation could answer it.)
 * Before a validation the list is empty.
 */
export const rows = workspaceProcedure({ role: "viewer", scope: "imports:read" })
  .input(
    z.strictObject({
      importId: z.uuid(),
      filter: z.union([z.enum(["all", "errors"]), rowErrorCodeInput]).default("all"),
      cursor: z.number().int().min(0).max(2_147_483_647).optional(),
    }),
  )
  .output(
    z.object({
      items: z.array(
        z.object({
          line: z.number().int(),
          status: z.enum(["valid", "invalid", "empty", "duplicate"]),
          values: z.record(z.string(), z.unknown()),
          cells: z.array(z.string()),
          errors: z.array(errorOutput),
        }),
      ),
      nextCursor: z.number().int().nullable(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const filter: ImportRowFilter =
      input.filter === "all" || input.filter === "errors"
        ? { kind: input.filter }
        : { kind: "code", code: input.filter };
    const page = await listImportRows(ctx.deps.db, {
      workspaceId: ctx.workspace.id,
      importId: input.importId,
      filter,
      cursor: input.cursor,
    });
    return {
      items: page.items.map((row) => ({
        line: row.line,
        status: row.status,
        values: row.record,
        cells: row.cells,
        errors: row.errors.map((error) => {
          const code = rowErrorCodeInput.parse(error.code);
          return {
            line: error.line,
            column: error.column,
            field: error.field,
            code,
            message: rowErrorMessages[code],
            value: error.value,
            ...(error.suggestion === undefined ? {} : { suggestion: error.suggestion }),
          };
        }),
      })),
      nextCursor: page.nextCursor,
    };
  });

import { z } from "zod";

/** The billing plans a workspace can be on; limits and quotas are configured per plan. */
export const plans = ["free", "pro"] as const;

/** A workspace's plan (`workspaces.plan`). */
export type Plan = (typeof plans)[number];

/** Input schema for a plan. */
export const planSchema = z.enum(plans);

/**
 * Rows one spreadsheet import may hold, per plan (every row read below the header counts). Validation
 * stops at the first row past the cap and leaves the import `mapped` with `ROW_LIMIT_EXCEEDED`, before
 * storing more rows than the plan pays for.
 */
export const importRowLimits: Readonly<Record<Plan, number>> = Object.freeze({
  free: 5_000,
  pro: 1_000_000,
});

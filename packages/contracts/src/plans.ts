import { z } from "zod";

/** The billing plans a workspace can be on; limits and quotas are configured per plan. */
export const plans = ["free", "pro"] as const;

/** A workspace's plan (`workspaces.plan`). */
export type Plan = (typeof plans)[number];

/** Input schema for a plan. */
export const planSchema = z.enum(plans);

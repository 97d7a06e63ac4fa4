/** The billing plans a workspace can be on; limits and quotas are configured per plan. */
export const plans = ["free", "pro"] as const;

/** A workspace's plan (`workspaces.plan`). */
export type Plan = (typeof plans)[number];

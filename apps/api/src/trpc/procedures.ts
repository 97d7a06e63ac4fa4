import { isRoleAtLeast, type Principal, type Role, type Scope } from "@vitae/auth";
import { AppError } from "@vitae/errors";
import type { Plan, RateLimitTier } from "@vitae/ratelimit";
import type { Context } from "./context";
import { baseProcedure } from "./init";
import { applyRateLimit, enforceRateLimit } from "./rate-limit";

/*
 * Each builder adds exactly one middleware to the base one: every tRPC middleware layer copies the
 * call's options and context, so a builder's checks (principal, role or scope, rate limit, quota) run
 * in one layer and extend the context once.
 */

async function requirePrincipal(ctx: Context): Promise<Principal> {
  const principal = await ctx.getPrincipal();
  if (!principal) throw new AppError("UNAUTHENTICATED");
  return principal;
}

/** The workspace a call acts on, as checked by `workspaceProcedure`. */
export interface WorkspaceAccess {
  id: string;
  plan: Plan;
  /** The user's role; null for API keys (they act through scopes). */
  role: Role | null;
}

/** A limiter request for `tier`; plan-independent tiers (auth, public) ignore the plan. */
function tierRequest(tier: RateLimitTier, plan: Plan, identifier: string) {
  return tier === "auth" || tier === "public" ? { tier, identifier } : { tier, plan, identifier };
}

function userOf(principal: Principal): Extract<Principal, { kind: "user" }> {
  if (principal.kind !== "user") {
    throw new AppError("FORBIDDEN", { message: "This needs a signed-in user; API keys cannot do it." });
  }
  return principal;
}

/** Anyone may call it; limited per IP by the `public` tier. */
export const publicProcedure = baseProcedure
  .meta({ access: { kind: "public" } })
  .use(async ({ ctx, meta, next }) => {
    await applyRateLimit(ctx, tierRequest(meta?.rateLimitTier ?? "public", "free", `ip:${ctx.ip}`));
    return next();
  });

/** Any principal (session or API key), limited per user or per key's workspace. */
export const protectedProcedure = baseProcedure
  .meta({ access: { kind: "authenticated" } })
  .use(async ({ ctx, meta, next }) => {
    const principal = await requirePrincipal(ctx);
    const identifier = principal.kind === "user" ? `user:${principal.userId}` : `key:${principal.apiKeyId}`;
    await applyRateLimit(ctx, tierRequest(meta?.rateLimitTier ?? "default", "free", identifier));
    return next({ ctx: { principal } });
  });

/** A signed-in user (cookie session). Narrows `ctx.principal` to the user; API keys get FORBIDDEN. */
export const sessionProcedure = baseProcedure
  .meta({ access: { kind: "session" } })
  .use(async ({ ctx, meta, next }) => {
    const user = userOf(await requirePrincipal(ctx));
    await applyRateLimit(ctx, tierRequest(meta?.rateLimitTier ?? "default", "free", `user:${user.userId}`));
    return next({ ctx: { principal: user } });
  });

/**
 * An instance operator (ADR 0010: the first account, or a verified `OPERATOR_EMAILS` address) acting on
 * the instance itself, not on a workspace — e.g. reading the mail outbox. Sessions only.
 */
export const operatorProcedure = baseProcedure
  .meta({ access: { kind: "operator" } })
  .use(async ({ ctx, meta, next }) => {
    const user = userOf(await requirePrincipal(ctx));
    await applyRateLimit(ctx, tierRequest(meta?.rateLimitTier ?? "default", "free", `user:${user.userId}`));
    if (!(await ctx.deps.isOperator(user.userId))) {
      throw new AppError("FORBIDDEN", { message: "Only the operators of this instance can do this." });
    }
    return next({ ctx: { principal: user } });
  });

/**
 * Acts on the caller's active workspace: a user needs at least `role` there, an API key needs `scope`
 * (and `sessionOnly` procedures refuse keys). The workspace comes from the principal — never from
 * input — and membership is re-read on every request, so a removed member loses access at once.
 * Counts one request against the workspace's monthly quota: in Redis, in the same round trip as the
 * rate-limit decision (written behind to Postgres); in Postgres directly when Redis did not answer.
 */
export function workspaceProcedure(options: {
  role: Role;
  scope: Scope;
  sessionOnly?: boolean;
  /** The limiter tier for this procedure (default `default`), e.g. `upload` or `llm`. */
  rateLimitTier?: RateLimitTier;
}) {
  const sessionOnly = options.sessionOnly ?? false;
  return baseProcedure
    .meta({
      access: { kind: "workspace", role: options.role, scope: options.scope, sessionOnly },
      ...(options.rateLimitTier ? { rateLimitTier: options.rateLimitTier } : {}),
    })
    .use(async ({ ctx, meta, next }) => {
      const principal = await requirePrincipal(ctx);
      if (sessionOnly) userOf(principal);
      const workspace = await ctx.getWorkspaceAccess();
      if (!workspace) {
        throw new AppError("FORBIDDEN", { message: "Choose a workspace first." });
      }
      if (principal.kind === "user" && !(workspace.role && isRoleAtLeast(workspace.role, options.role))) {
        throw new AppError("FORBIDDEN");
      }
      if (principal.kind === "apiKey" && !principal.scopes.includes(options.scope)) {
        throw new AppError("FORBIDDEN", { message: `This API key lacks the ${options.scope} scope.` });
      }
      const { quota } = ctx.deps;
      const decision = await ctx.deps.rateLimiter.limitAndCount(
        tierRequest(meta?.rateLimitTier ?? "default", workspace.plan, `ws:${workspace.id}`),
        { id: workspace.id, quotaLimit: quota.requestLimit(workspace.plan) },
      );
      enforceRateLimit(ctx, decision);
      if (decision.quota === undefined) {
        await quota.consume(workspace.id, workspace.plan, { requests: 1 });
      } else if (!decision.quota.counted) {
        throw quota.requestRefusal(workspace.plan, decision.quota.requests);
      }
      return next({ ctx: { principal, workspace } });
    });
}

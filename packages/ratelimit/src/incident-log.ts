import type { RateLimitTier } from "@vitae/config";
import type { Logger } from "@vitae/logger";
import type { DegradedPolicy } from "./failure-policy";

/** Why a check was decided without Redis. */
export type DegradedReason = "timeout" | "error";

/** Tracks whether Redis is currently failing rate-limit checks, so an outage is logged once, not per request. */
export interface IncidentLog {
  /** Call when a check starts; pass the returned ticket to `succeeded` or `failed`. */
  begin(): number;
  succeeded(ticket: number): void;
  failed(
    ticket: number,
    failure: { tier: RateLimitTier; policy: DegradedPolicy; reason: DegradedReason; error: unknown },
  ): void;
}

/**
 * Logs a warning at the first failed check of an incident and one info line when a check succeeds again
 * (with how many decisions were degraded meanwhile). Evidence older than the last state change is ignored:
 * during a hang, checks started before Redis came back time out *after* a newer check has succeeded, and
 * must not reopen an incident that is over (nor may a late success close a newer one).
 */
export function createIncidentLog(logger: Logger): IncidentLog {
  let nextTicket = 0;
  let failing = false;
  let changedBy = -1;
  let degradedCount = 0;
  let since = 0;

  return {
    begin: () => nextTicket++,
    succeeded(ticket) {
      if (!failing || ticket < changedBy) return;
      failing = false;
      changedBy = ticket;
      logger.info(
        { degradedDecisions: degradedCount, durationMs: Date.now() - since },
        "rate limiting recovered: Redis answers again",
      );
    },
    failed(ticket, { tier, policy, reason, error }) {
      if (failing) {
        degradedCount += 1;
        return;
      }
      if (ticket < changedBy) return;
      failing = true;
      changedBy = ticket;
      degradedCount = 1;
      since = Date.now();
      logger.warn(
        { err: error, tier, policy, reason },
        "rate limiting degraded: Redis is slow or down; default/public tiers fail open, auth/upload/llm fail closed",
      );
    },
  };
}

import type { Role, Scope } from "@vitae/auth";
import type { RateLimitTier } from "@vitae/ratelimit";

/**
 * Who may call a procedure. Every procedure declares it (the builders set it), and the security test
 * matrix reads it from the router, so a new procedure is covered without anyone remembering to add it.
 */
export type ProcedureAccess =
  | { kind: "public" }
  /** Any principal: a signed-in user or an API key. */
  | { kind: "authenticated" }
  /** A signed-in user (cookie session); API keys are refused with FORBIDDEN. */
  | { kind: "session" }
  /** An instance operator's session (ADR 0010); API keys and other users are refused with FORBIDDEN. */
  | { kind: "operator" }
  /** A member of the active workspace with at least `role`, or an API key of it holding `scope`. */
  | { kind: "workspace"; role: Role; scope: Scope; sessionOnly: boolean };

export interface ProcedureMeta {
  access: ProcedureAccess;
  /** Overrides the tier chosen from the access kind (e.g. `upload`, `llm`). */
  rateLimitTier?: RateLimitTier;
}

import type { Principal, VitaeAuth } from "@vitae/auth";
import type { Database } from "@vitae/db";
import type { LlmClient } from "@vitae/llm";
import type { KeyEnvelope, WorkspaceLlm } from "@vitae/llm/workspace";
import type { Logger } from "@vitae/logger";
import type { QueueClient } from "@vitae/queue";
import type { QuotaGuard, RateLimiter, UsageCounter } from "@vitae/ratelimit";
import type { DiskStore, ObjectStore } from "@vitae/storage";
import type { Metrics, ReadinessReport } from "@vitae/telemetry";
import type { AccessChange } from "./access-cache";
import type { ProfileViewCache } from "./chat/profile-views";
import type { ChatSessionStore } from "./chat/session-store";
import type { ApiConfig } from "./config";
import type { MatchScoreCache } from "./router/matches/score-cache";
import type { WorkspaceAccess } from "./trpc/procedures";

/**
 * Everything procedures and routes may use, built once per process by `startApi` (or by a test).
 * Procedures reach infrastructure only through this object, never through module-level singletons.
 */
export interface ApiDependencies {
  config: ApiConfig;
  logger: Logger;
  metrics: Metrics;
  db: Database;
  queue: QueueClient;
  auth: VitaeAuth;
  /** Conversation working memory in Redis (sliding one-hour TTL). */
  chatSessions: ChatSessionStore;
  /** Profile views per process and profile version, for the questions asked of them. */
  profileViews: ProfileViewCache;
  /** Match scores in Redis, keyed by every input of the score (profile version, posting, scorer). */
  matchScores: MatchScoreCache;
  /** The deployment's LLM client; `available` is false in basic mode. Workspace calls use `workspaceLlm`. */
  llm: LlmClient;
  /** Picks a workspace's LLM client: its own provider (bring your own key), else `llm`. */
  workspaceLlm: WorkspaceLlm;
  /** Seals workspace API keys; undefined in production without `LLM_KEY_ENCRYPTION_KEY`. */
  keyEnvelope: KeyEnvelope | undefined;
  rateLimiter: RateLimiter;
  quota: QuotaGuard;
  /** Workspaces' live request counters in Redis; flushed to Postgres by `usage.flush-requests` and at stop. */
  usageCounter: UsageCounter;
  /** Checks Postgres, Redis and storage, each within READINESS_TIMEOUT_MS. Never rejects. */
  readiness: { check(): Promise<ReadinessReport<"postgres" | "redis" | "storage">> };
  /**
   * Who sent these headers: an API key, a session, or nobody (null). Throws UNAUTHENTICATED for bad keys.
   * Cached per process for a few seconds and invalidated across processes (see `AccessCache`).
   */
  resolvePrincipal(headers: Headers): Promise<Principal | null>;
  /** The workspace a principal acts in, with its plan and the user's role; null when there is none. */
  getWorkspaceAccess(principal: Principal): Promise<WorkspaceAccess | null>;
  /**
   * Makes `workspaceId` the active workspace of the session in `headers` (whose id is `sessionId`;
   * membership checked by the caller), and drops that session's cached principal in every process.
   */
  setActiveWorkspace(headers: Headers, sessionId: string, workspaceId: string): Promise<void>;
  /**
   * Drops cached principals and workspace access depending on `change` in every API process; call it
   * after the change is committed (role change, removal, key revocation). Resolves once published.
   */
  invalidateAccess(change: AccessChange): Promise<void>;
  /** Whether `userId` operates this instance (reads the mail outbox); see ADR 0010. */
  isOperator(userId: string): Promise<boolean>;
  /** Object storage (S3 or disk): presigned uploads and downloads, deletions. */
  storage: ObjectStore;
  /** Set when objects live on local disk: the API then serves their signed URLs itself. */
  diskStore: DiskStore | null;
  version: string;
  mode: "embedded" | "distributed";
  /** Aborted when shutdown begins; subscriptions and long procedures end on it. */
  shutdownSignal: AbortSignal;
}

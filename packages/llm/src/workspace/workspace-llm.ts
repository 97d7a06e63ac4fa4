import { AppError } from "@vitae/errors";
import type { Logger } from "@vitae/logger";
import type { LlmClient, LlmClientConfig } from "../client";
import { checkProviderBaseUrl, type ResolveHost } from "./base-url-guard";
import { type KeyEnvelope, KeyEnvelopeError, type OpenedKey } from "./key-envelope";

/** A workspace's stored provider, key still sealed. */
export interface StoredWorkspaceProvider {
  baseUrl: string;
  model: string;
  apiKeySealed: string | null;
}

/** Where workspace providers live (the `workspace_llm_settings` table, wired by the runtime). */
export interface WorkspaceProviderStore {
  load(workspaceId: string): Promise<StoredWorkspaceProvider | undefined>;
  /** Replaces `previous` by `next` only if the row still holds `previous`. */
  reseal(params: { workspaceId: string; previous: string; next: string }): Promise<boolean>;
}

/** Options of {@link createWorkspaceLlm}. */
export interface CreateWorkspaceLlmOptions {
  /** The deployment's client: every workspace without its own provider uses it. */
  global: LlmClient;
  store: WorkspaceProviderStore;
  /** Undefined when no KEK is configured: then stored keys cannot be opened (see `forWorkspace`). */
  envelope: KeyEnvelope | undefined;
  /** `LLM_ALLOW_PRIVATE_BASE_URLS`. */
  allowPrivateBaseUrls: boolean;
  /** `LLM_TIMEOUT_MS`, for workspace clients. */
  timeoutMs: number;
  /** Builds the client of one workspace's provider (the runtime passes `createLlmClient` with its infra). */
  createClient(config: LlmClientConfig, scope: { workspaceId: string; fetch: typeof fetch }): LlmClient;
  logger: Logger;
  resolve?: ResolveHost;
  /** Clients kept (least recently used dropped first); default 500. */
  maxClients?: number;
}

/** Picks the LLM client of a workspace's calls. */
export interface WorkspaceLlm {
  /**
   * The workspace's own provider's client when it has one, else the deployment's. Loads the row on each
   * call (a primary-key read) so a change made by any process applies at once; the client itself (and
   * its breaker) is reused while the row is unchanged. A key sealed under the previous KEK is re-sealed.
   */
  forWorkspace(workspaceId: string): Promise<LlmClient>;
}

/**
 * `fetch` for a workspace's provider: re-checks the host before each request (DNS may have changed since
 * the URL was saved) and never follows redirects (a redirect could point inside the network).
 */
function guardedFetch(allowPrivate: boolean, resolve: ResolveHost | undefined): typeof fetch {
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const refusal = await checkProviderBaseUrl(new URL(url).origin, { allowPrivate, resolve });
    if (refusal !== undefined)
      throw new TypeError("fetch failed", {
        cause: Object.assign(new Error(refusal), { code: "EPROVIDERBLOCKED" }),
      });
    return fetch(input, { ...init, redirect: "error" });
  };
}

/** Per-workspace provider selection ("bring your own key"); see {@link WorkspaceLlm}. */
export function createWorkspaceLlm(options: CreateWorkspaceLlmOptions): WorkspaceLlm {
  const clients = new Map<string, { fingerprint: string; client: LlmClient }>();
  const maxClients = options.maxClients ?? 500;
  const logger = options.logger.child({ component: "workspace-llm" });
  const fetchFor = guardedFetch(options.allowPrivateBaseUrls, options.resolve);

  async function openKey(workspaceId: string, sealed: string): Promise<string> {
    let opened: OpenedKey;
    try {
      if (options.envelope === undefined) {
        throw new KeyEnvelopeError("a workspace key is stored but LLM_KEY_ENCRYPTION_KEY is not configured");
      }
      opened = options.envelope.open(sealed, { workspaceId });
    } catch (error) {
      // The envelope error names no key material; the admin's remedy is to set the key again.
      logger.error({ workspaceId, err: error }, "workspace LLM key cannot be opened");
      throw new AppError("LLM_UNAVAILABLE", {
        message: "This workspace's AI provider key cannot be read; an admin should set it again.",
        cause: error,
      });
    }
    if (opened.stale) {
      const next = options.envelope.seal(opened.plaintext, { workspaceId });
      await options.store
        .reseal({ workspaceId, previous: sealed, next })
        .then((replaced) =>
          logger.info({ workspaceId, replaced }, "workspace LLM key re-sealed under the current KEK"),
        )
        .catch((error: unknown) =>
          logger.warn({ workspaceId, err: error }, "re-sealing a workspace LLM key failed"),
        );
    }
    return opened.plaintext;
  }

  return {
    async forWorkspace(workspaceId) {
      const stored = await options.store.load(workspaceId);
      if (stored === undefined) {
        clients.delete(workspaceId);
        return options.global;
      }
      const fingerprint = JSON.stringify([stored.baseUrl, stored.model, stored.apiKeySealed]);
      const known = clients.get(workspaceId);
      if (known?.fingerprint === fingerprint) {
        clients.delete(workspaceId);
        clients.set(workspaceId, known);
        return known.client;
      }
      const apiKey =
        stored.apiKeySealed === null ? undefined : await openKey(workspaceId, stored.apiKeySealed);
      const client = options.createClient(
        {
          llmBaseUrl: stored.baseUrl,
          llmApiKey: apiKey,
          llmModel: stored.model,
          llmTimeoutMs: options.timeoutMs,
          // Audio stays with the deployment's provider: workspaces bring chat models.
          llmTranscriptionModel: undefined,
          llmSpeechModel: undefined,
        },
        { workspaceId, fetch: fetchFor },
      );
      clients.delete(workspaceId);
      clients.set(workspaceId, { fingerprint, client });
      while (clients.size > maxClients) {
        const oldest = clients.keys().next().value;
        if (oldest === undefined) break;
        clients.delete(oldest);
      }
      return client;
    },
  };
}

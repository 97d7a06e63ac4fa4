import type { Logger } from "@vitae/logger";
import type { ResponseCache } from "./cache";
import type { Ledger } from "./ledger";
import type { Resilience } from "./resilience";
import type { ProviderEndpoint } from "./transport";
import type { LlmOperation } from "./types";

/** What every operation of a configured client shares. Internal to the package. */
export interface ClientContext {
  endpoint: ProviderEndpoint;
  model: string;
  transcriptionModel: string | undefined;
  speechModel: string | undefined;
  resilience: Resilience;
  /** Per-attempt timeout per operation; for `stream`, the connect timeout and the idle timeout. */
  timeouts: Record<LlmOperation, number>;
  cache: ResponseCache;
  prefix: string;
  ledger: Ledger;
  logger: Logger;
}

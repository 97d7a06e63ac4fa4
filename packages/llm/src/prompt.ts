import type { LlmMessage } from "./types";

/** Sampling parameters a prompt fixes; they are part of the cache key. */
export interface PromptParameters {
  temperature?: number;
  maxTokens?: number;
}

/**
 * A prompt is versioned code, not an inline string: bump `version` whenever `system`, `render` or the
 * parameters change meaning, so cached answers of the old prompt are never served for the new one.
 */
export interface PromptDefinition<I> extends PromptParameters {
  /** Stable identifier, e.g. `documents.parse-resume`; letters, digits, `.`, `_` and `-`. */
  id: string;
  /** Positive integer; part of the cache key and the ledger. */
  version: number;
  system: string;
  /** Turns the input into the user message, or into the conversation after the system message. */
  render(input: I): string | LlmMessage[];
}

/** A validated, frozen prompt definition. */
export type Prompt<I> = Readonly<PromptDefinition<I>>;

const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * Declares a prompt. Throws a `TypeError` (a programming error, raised at module load) for an id that
 * could not serve as a cache-key segment or a version that is not a positive integer.
 */
export function definePrompt<I>(definition: PromptDefinition<I>): Prompt<I> {
  if (!idPattern.test(definition.id)) {
    throw new TypeError(`prompt id "${definition.id}" must match ${idPattern.source}`);
  }
  if (!Number.isSafeInteger(definition.version) || definition.version < 1) {
    throw new TypeError(`prompt ${definition.id}: version must be a positive integer`);
  }
  return Object.freeze({ ...definition });
}

/** The messages a prompt produces for `input`: the system message first. */
export function renderMessages<I>(prompt: Prompt<I>, input: I): LlmMessage[] {
  const rendered = prompt.render(input);
  const turns = typeof rendered === "string" ? [{ role: "user" as const, content: rendered }] : rendered;
  return [{ role: "system", content: prompt.system }, ...turns];
}

import type { z } from "zod";
import { cacheKey } from "./cache";
import type { ClientContext } from "./client-context";
import { completionBody, readCompletion } from "./completion";
import { type CallTracker, observeCall } from "./ledger";
import { type Prompt, renderMessages } from "./prompt";
import { type JsonModeMemory, jsonSchemaOf, runStructured } from "./structured";
import { postJson } from "./transport";
import type { LlmMessage, LlmPromptCallOptions, LlmResult } from "./types";

interface PromptedCall<I, T> {
  operation: "chat" | "structured";
  prompt: Prompt<I>;
  input: I;
  options: LlmPromptCallOptions;
  /** Extra cache-key parameters (the JSON schema for structured output). */
  keyParameters: unknown;
  /** A cached value, or undefined when it no longer fits (e.g. fails the schema). */
  fromCache(value: unknown): T | undefined;
  /** The value, and what to store for it (re-read through `fromCache`). */
  produce(messages: LlmMessage[], tracker: CallTracker): Promise<{ value: T; stored: unknown }>;
}

/** Cache lookup → provider → cache write, inside one observed (ledgered, error-mapped) call. */
async function runPrompted<I, T>(context: ClientContext, call: PromptedCall<I, T>): Promise<LlmResult<T>> {
  const { prompt, options } = call;
  const info = {
    operation: call.operation,
    workspaceId: options.workspaceId,
    model: context.model,
    promptId: prompt.id,
    promptVersion: prompt.version,
  };
  return observeCall(context.ledger, info, options.signal, async (tracker) => {
    const messages = renderMessages(prompt, call.input);
    const useCache = options.cache ?? true;
    const key = cacheKey(context.prefix, {
      provider: context.endpoint.baseUrl,
      model: context.model,
      operation: call.operation,
      promptId: prompt.id,
      promptVersion: prompt.version,
      parameters: { temperature: prompt.temperature, maxTokens: prompt.maxTokens, extra: call.keyParameters },
      messages,
    });
    if (useCache) {
      const hit = call.fromCache(await context.cache.read(key));
      if (hit !== undefined) {
        tracker.cached = true;
        return { value: hit, cached: true, model: context.model, usage: { tokensIn: 0, tokensOut: 0 } };
      }
    }
    const { value, stored } = await call.produce(messages, tracker);
    // Only successes reach this line: failures are never cached.
    if (useCache) await context.cache.write(key, stored);
    return { value, cached: false, model: context.model, usage: tracker.usage };
  });
}

/** One completion request through the resilience stack. */
function complete(
  context: ClientContext,
  prompt: Prompt<unknown>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
) {
  return (messages: readonly LlmMessage[], extras: Record<string, unknown>) =>
    context.resilience.execute(
      async (attemptSignal) =>
        readCompletion(
          await postJson(
            context.endpoint,
            "/chat/completions",
            { json: completionBody(context.model, messages, prompt, extras) },
            attemptSignal,
          ),
        ),
      { timeoutMs, signal },
    );
}

/** `chat`: the prompt's reply text. */
export function runChat<I>(
  context: ClientContext,
  prompt: Prompt<I>,
  input: I,
  options: LlmPromptCallOptions,
): Promise<LlmResult<string>> {
  const send = complete(context, prompt as Prompt<unknown>, options.signal, context.timeouts.chat);
  return runPrompted(context, {
    operation: "chat",
    prompt,
    input,
    options,
    keyParameters: null,
    fromCache: (value) => (typeof value === "string" ? value : undefined),
    async produce(messages, tracker) {
      const reply = await send(messages, {});
      tracker.usage = reply.usage;
      return { value: reply.content, stored: reply.content };
    },
  });
}

/** `structured`: the prompt's reply as a value of `schema` (see `runStructured`). */
export function runStructuredCall<T, I>(
  context: ClientContext,
  memory: JsonModeMemory,
  schema: z.ZodType<T>,
  prompt: Prompt<I>,
  input: I,
  options: LlmPromptCallOptions,
): Promise<LlmResult<T>> {
  const send = complete(context, prompt as Prompt<unknown>, options.signal, context.timeouts.structured);
  return runPrompted(context, {
    operation: "structured",
    prompt,
    input,
    options,
    keyParameters: jsonSchemaOf(schema),
    fromCache(value) {
      if (value === undefined) return undefined;
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    },
    async produce(messages, tracker) {
      const result = await runStructured(
        {
          schema,
          messages,
          // json_schema names allow [A-Za-z0-9_-] only; prompt ids may contain dots.
          schemaName: prompt.id.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 64),
          complete: send,
          memory,
          logger: context.logger,
        },
        (usage) => {
          tracker.usage = usage;
        },
      );
      // The validated JSON, not the parsed value: schema transforms run again on every read.
      return { value: result.value, stored: result.json };
    },
  });
}

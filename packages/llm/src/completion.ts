import { z } from "zod";
import type { PromptParameters } from "./prompt";
import { ProviderError } from "./provider-error";
import type { LlmMessage, LlmTokenUsage } from "./types";

/** Extra request fields of one completion (e.g. `response_format`, `stream`). */
export type CompletionExtras = Record<string, unknown>;

/** The body of `POST /chat/completions`. */
export function completionBody(
  model: string,
  messages: readonly LlmMessage[],
  parameters: PromptParameters,
  extras: CompletionExtras = {},
): Record<string, unknown> {
  return {
    model,
    messages,
    ...(parameters.temperature === undefined ? {} : { temperature: parameters.temperature }),
    ...(parameters.maxTokens === undefined ? {} : { max_tokens: parameters.maxTokens }),
    ...extras,
  };
}

const usageSchema = z
  .object({
    prompt_tokens: z.number().int().nonnegative(),
    completion_tokens: z.number().int().nonnegative(),
  })
  .partial()
  .nullish();

/** Only the fields we use; providers add many others, which are ignored. */
const completionSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string().nullish() }).passthrough() }).passthrough())
    .min(1),
  usage: usageSchema,
});

/** Usage as reported, `null` per count when absent. */
export function readUsage(usage: z.infer<typeof usageSchema>): LlmTokenUsage {
  return { tokensIn: usage?.prompt_tokens ?? null, tokensOut: usage?.completion_tokens ?? null };
}

/** A completion's text and usage; a reply with no choices or no text is a protocol failure. */
export function readCompletion(body: unknown): { content: string; usage: LlmTokenUsage } {
  const parsed = completionSchema.safeParse(body);
  const content = parsed.success ? parsed.data.choices[0]?.message.content : undefined;
  if (!parsed.success || typeof content !== "string") {
    throw new ProviderError("protocol", "the completion has no text choice");
  }
  return { content, usage: readUsage(parsed.data.usage) };
}

/** Adds `next` into `total` (a count stays null only while every part was null). */
export function addUsage(total: LlmTokenUsage, next: LlmTokenUsage): LlmTokenUsage {
  const add = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
  return { tokensIn: add(total.tokensIn, next.tokensIn), tokensOut: add(total.tokensOut, next.tokensOut) };
}

/** Usage of a call that made no provider request yet. */
export const noUsage: LlmTokenUsage = { tokensIn: null, tokensOut: null };

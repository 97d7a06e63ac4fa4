import { AppError } from "@vitae/errors";
import type { Logger } from "@vitae/logger";
import { z } from "zod";
import { addUsage, type CompletionExtras, noUsage } from "./completion";
import { isResponseFormatRejection } from "./provider-error";
import type { LlmMessage, LlmTokenUsage } from "./types";

/** One completion through the resilience stack; failures are `ProviderError`s (not yet mapped). */
export type Complete = (
  messages: readonly LlmMessage[],
  extras: CompletionExtras,
) => Promise<{ content: string; usage: LlmTokenUsage }>;

/** Per-provider memory of whether `response_format: json_schema` is accepted. */
export interface JsonModeMemory {
  isRejected(): boolean;
  markRejected(): void;
}

const schemaCache = new WeakMap<z.ZodType, Record<string, unknown>>();

/** The JSON Schema of what the model must write (the schema's input side; transforms run afterwards). */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  let jsonSchema = schemaCache.get(schema);
  if (!jsonSchema) {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });
    // The dialect URI only costs prompt tokens, and some grammar-constrained servers reject unknown keywords.
    jsonSchema = rest as Record<string, unknown>;
    schemaCache.set(schema, jsonSchema);
  }
  return jsonSchema;
}

/** Appended to the system message in every mode, so the prompt-only fallback needs no other change. */
function jsonInstructions(jsonSchema: Record<string, unknown>): string {
  return [
    "Reply with a single JSON value and nothing else: no prose, no Markdown fences.",
    "It must match this JSON Schema:",
    JSON.stringify(jsonSchema),
  ].join("\n");
}

/** The messages of a structured call: the prompt's, with the JSON instructions added to the system one. */
export function structuredMessages(
  messages: readonly LlmMessage[],
  jsonSchema: Record<string, unknown>,
): LlmMessage[] {
  const [system, ...rest] = messages;
  const instructions = jsonInstructions(jsonSchema);
  if (system?.role !== "system") return [{ role: "system", content: instructions }, ...messages];
  return [{ role: "system", content: `${system.content}\n\n${instructions}` }, ...rest];
}

/** Models in prompt-only mode often fence their JSON despite being told not to. */
function stripFences(content: string): string {
  const fenced = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/i.exec(content);
  return (fenced?.[1] ?? content).trim();
}

type Validation<T> = { ok: true; value: T; json: unknown } | { ok: false; problems: string[] };

/** Parses and validates a reply; `problems` are short, client-safe descriptions (paths and rules). */
export function validateReply<T>(schema: z.ZodType<T>, content: string): Validation<T> {
  let json: unknown;
  try {
    json = JSON.parse(stripFences(content));
  } catch {
    // Not the parser's message: it quotes the reply, and problems end up in client-visible details.
    return { ok: false, problems: ["the reply is not valid JSON (it may be cut off or wrapped in prose)"] };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data, json };
  return {
    ok: false,
    problems: result.error.issues
      .slice(0, 20)
      .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`),
  };
}

function repairRequest(problems: readonly string[]): string {
  return [
    "Your previous reply could not be used:",
    ...problems.map((problem) => `- ${problem}`),
    "Reply again with only the corrected JSON value matching the schema.",
  ].join("\n");
}

/** Options of {@link runStructured}. */
export interface StructuredRun<T> {
  schema: z.ZodType<T>;
  /** The prompt's messages, system first. */
  messages: readonly LlmMessage[];
  schemaName: string;
  complete: Complete;
  memory: JsonModeMemory;
  logger: Logger;
}

/**
 * Asks for JSON matching `schema`:
 * 1. with `response_format: { type: "json_schema" }`, unless this provider refused it before; a 400 that
 *    names `response_format`/`json_schema` marks the provider and the same request is re-sent prompt-only
 *    (the schema is always in the system message, so nothing else changes);
 * 2. the reply is parsed (Markdown fences tolerated) and validated; on failure ONE repair request quotes
 *    the reply back with the validation problems;
 * 3. a second failure throws `AppError("LLM_BAD_OUTPUT")` with `details.problems`.
 * Usage is summed over every request made, and returned with the value (or on the thrown error's path
 * through `onUsage`, so failed calls are still accounted).
 */
export async function runStructured<T>(
  run: StructuredRun<T>,
  onUsage: (usage: LlmTokenUsage) => void,
): Promise<{ value: T; json: unknown; usage: LlmTokenUsage }> {
  const jsonSchema = jsonSchemaOf(run.schema);
  const responseFormat = {
    response_format: {
      type: "json_schema",
      json_schema: { name: run.schemaName, schema: jsonSchema, strict: false },
    },
  };
  let usage = noUsage;
  const ask = async (messages: readonly LlmMessage[]): Promise<string> => {
    let reply: { content: string; usage: LlmTokenUsage };
    if (run.memory.isRejected()) {
      reply = await run.complete(messages, {});
    } else {
      try {
        reply = await run.complete(messages, responseFormat);
      } catch (error) {
        if (!isResponseFormatRejection(error)) throw error;
        run.memory.markRejected();
        run.logger.info("llm provider refused response_format; using prompt-only JSON from now on");
        reply = await run.complete(messages, {});
      }
    }
    usage = addUsage(usage, reply.usage);
    onUsage(usage);
    return reply.content;
  };

  const messages = structuredMessages(run.messages, jsonSchema);
  const first = await ask(messages);
  const firstCheck = validateReply(run.schema, first);
  if (firstCheck.ok) return { value: firstCheck.value, json: firstCheck.json, usage };

  run.logger.info(
    { problems: firstCheck.problems.length },
    "llm structured reply invalid; asking for a repair",
  );
  const second = await ask([
    ...messages,
    { role: "assistant", content: first },
    { role: "user", content: repairRequest(firstCheck.problems) },
  ]);
  const secondCheck = validateReply(run.schema, second);
  if (secondCheck.ok) return { value: secondCheck.value, json: secondCheck.json, usage };
  throw new AppError("LLM_BAD_OUTPUT", { details: { problems: secondCheck.problems } });
}

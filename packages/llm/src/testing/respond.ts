import type { IncomingMessage, ServerResponse } from "node:http";
import { type ScriptedUsage, type ScriptStep, splitIntoChunks } from "./script";

let completionCounter = 0;

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function usageFor(step: { content: string; usage?: ScriptedUsage }, requestBody: unknown) {
  const messages = (requestBody as { messages?: Array<{ content?: unknown }> } | undefined)?.messages ?? [];
  const promptText = messages.map((message) => String(message.content ?? "")).join("");
  const promptTokens = step.usage?.promptTokens ?? estimateTokens(promptText);
  const completionTokens = step.usage?.completionTokens ?? estimateTokens(step.content);
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
}

function modelOf(requestBody: unknown): string {
  return String((requestBody as { model?: unknown } | undefined)?.model ?? "test-model");
}

/** An OpenAI-style JSON answer. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** The `{ error }` envelope OpenAI-compatible servers use. */
export function errorBody(message: string, type = "invalid_request_error") {
  return { error: { message, type, param: null, code: null } };
}

function completion(content: string, requestBody: unknown, usage: ReturnType<typeof usageFor>) {
  completionCounter += 1;
  return {
    id: `chatcmpl-test-${completionCounter}`,
    object: "chat.completion",
    created: 0,
    model: modelOf(requestBody),
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage,
  };
}

function sseChunk(requestBody: unknown, delta: Record<string, string>, finishReason: string | null): string {
  const chunk = {
    id: `chatcmpl-test-${completionCounter}`,
    object: "chat.completion.chunk",
    created: 0,
    model: modelOf(requestBody),
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

function startSse(res: ServerResponse, requestBody: unknown, chunks: readonly string[]): void {
  completionCounter += 1;
  res.writeHead(200, {
    "content-type": "text/event-stream",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  res.write(sseChunk(requestBody, { role: "assistant" }, null));
  for (const chunk of chunks) res.write(sseChunk(requestBody, { content: chunk }, null));
}

/**
 * Writes `step` as the answer to a request on `path`. Returns an error message instead when the step does
 * not fit the route (a test-script mistake, answered as a 500 so it cannot pass silently).
 */
export function writeStep(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  requestBody: unknown,
  step: ScriptStep,
): string | undefined {
  const isStream = (requestBody as { stream?: unknown } | undefined)?.stream === true;
  switch (step.type) {
    case "error":
      sendJson(
        res,
        step.status,
        step.body ?? errorBody(step.message ?? `scripted ${step.status}`),
        step.headers,
      );
      return undefined;
    case "raw":
      res.writeHead(step.status ?? 200, { "content-type": step.contentType ?? "application/json" });
      res.end(step.body);
      return undefined;
    case "drop":
      req.socket.destroy();
      return undefined;
    case "truncated": {
      const text = JSON.stringify(
        completion(step.content ?? "{}", requestBody, usageFor({ content: "" }, requestBody)),
      );
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.write(text.slice(0, Math.floor(text.length / 2)));
      // Let the half-body reach the client before the connection is cut.
      setImmediate(() => req.socket.destroy());
      return undefined;
    }
    case "chat": {
      if (path !== "/chat/completions") return `a chat step cannot answer ${path}`;
      const usage = usageFor(step, requestBody);
      if (!isStream) {
        sendJson(res, 200, completion(step.content, requestBody, usage));
        return undefined;
      }
      startSse(res, requestBody, splitIntoChunks(step.content, step.chunks ?? 3));
      res.write(sseChunk(requestBody, {}, "stop"));
      res.end("data: [DONE]\n\n");
      return undefined;
    }
    case "broken-stream":
    case "stalled-stream": {
      if (path !== "/chat/completions" || !isStream)
        return `a ${step.type} step needs a streaming chat request`;
      const chunks = splitIntoChunks(step.content, Math.max(step.afterChunks, 1) * 2).slice(
        0,
        step.afterChunks,
      );
      startSse(res, requestBody, chunks);
      if (step.type === "broken-stream") setImmediate(() => req.socket.destroy());
      return undefined;
    }
    case "transcription":
      if (path !== "/audio/transcriptions") return `a transcription step cannot answer ${path}`;
      sendJson(res, 200, { text: step.text });
      return undefined;
    case "speech":
      if (path !== "/audio/speech") return `a speech step cannot answer ${path}`;
      res.writeHead(200, {
        "content-type": step.contentType ?? "audio/mpeg",
        "content-length": step.audio.byteLength,
      });
      res.end(Buffer.from(step.audio));
      return undefined;
  }
}

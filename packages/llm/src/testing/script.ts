/** Token counts a scripted completion reports. */
export interface ScriptedUsage {
  promptTokens: number;
  completionTokens: number;
}

/**
 * One scripted answer. Steps are consumed first-in, first-out by the requests that reach the script
 * (authentication failures, refused `response_format` and `GET /models` never consume one). `delayMs`
 * holds the response headers back (a slow provider); a client that gives up closes the connection and the
 * delayed answer is dropped.
 */
export type ScriptStep = { delayMs?: number } & (
  | {
      /** A chat completion; streamed as SSE in `chunks` pieces (default 3) when the request says `stream: true`. */
      type: "chat";
      content: string;
      /** Default: ~4 characters per token of the request messages and of `content`. */
      usage?: ScriptedUsage;
      chunks?: number;
    }
  | {
      /** An HTTP error with an OpenAI-style `{ error: { message, type } }` body (or `body`). */
      type: "error";
      status: number;
      message?: string;
      body?: unknown;
      /** e.g. `{ "retry-after": "2" }`. */
      headers?: Record<string, string>;
    }
  | {
      /** Any body as is, e.g. malformed JSON with status 200. */
      type: "raw";
      status?: number;
      contentType?: string;
      body: string;
    }
  | {
      /** A 200 JSON completion whose body is cut off mid-way (Content-Length promises more). */
      type: "truncated";
      content?: string;
    }
  | {
      /** The connection is closed without any answer. */
      type: "drop";
    }
  | {
      /** SSE: `afterChunks` chunks of `content`, then the connection breaks (no `[DONE]`). */
      type: "broken-stream";
      content: string;
      afterChunks: number;
    }
  | {
      /** SSE: `afterChunks` chunks of `content`, then silence with the connection held open. */
      type: "stalled-stream";
      content: string;
      afterChunks: number;
    }
  | {
      /** `POST /audio/transcriptions` answer `{ text }`. */
      type: "transcription";
      text: string;
    }
  | {
      /** `POST /audio/speech` answer: raw audio bytes. */
      type: "speech";
      audio: Uint8Array;
      contentType?: string;
    }
);

/** A chat step whose content is `JSON.stringify(value)`: a well-formed structured reply. */
export function jsonReply(value: unknown, usage?: ScriptedUsage): ScriptStep {
  return { type: "chat", content: JSON.stringify(value), ...(usage ? { usage } : {}) };
}

/** Splits `text` into `count` nearly equal, non-empty pieces (fewer when the text is shorter). */
export function splitIntoChunks(text: string, count: number): string[] {
  const pieces = Math.max(1, Math.min(count, text.length));
  const size = Math.ceil(text.length / pieces);
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return chunks.length > 0 ? chunks : [""];
}

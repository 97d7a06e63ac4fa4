import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { errorBody, sendJson, writeStep } from "./respond";
import type { ScriptStep } from "./script";

/** A multipart file part as received. */
export interface RecordedFile {
  filename: string;
  type: string;
  bytes: Uint8Array;
}

/** One request the server received, for assertions. */
export interface RecordedRequest {
  method: string;
  /** Path below `/v1`, e.g. `/chat/completions`. */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, when the request sent JSON. */
  body: unknown;
  /** Multipart fields, when the request sent `multipart/form-data`. */
  form: Record<string, string | RecordedFile> | undefined;
}

/** Behaviour switches, changeable between steps with `configure`. */
export interface TestLlmServerOptions {
  /** When set, requests without `Authorization: Bearer <apiKey>` get a 401 (which echoes the key sent, as some providers do). */
  apiKey?: string;
  /** Answer any request carrying `response_format` with a 400 naming it, as older local servers do. */
  rejectResponseFormat?: boolean;
  /** Listed by `GET /v1/models` (default `["test-model"]`). */
  models?: string[];
}

/** A running OpenAI-compatible server on loopback. */
export interface TestLlmServer {
  /** Base URL including `/v1`: use it as `LLM_BASE_URL`. */
  readonly url: string;
  /** Every request received, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Appends steps to the script. */
  enqueue(...steps: ScriptStep[]): void;
  /** Answers requests that find the script empty (default: a 500 saying the script is exhausted). */
  setFallback(respond: ((request: RecordedRequest) => ScriptStep) | undefined): void;
  /** Changes behaviour switches for subsequent requests. */
  configure(options: Partial<TestLlmServerOptions>): void;
  /** Steps not consumed yet. */
  pendingSteps(): number;
  /** Requests to `path` (e.g. `/chat/completions`). */
  requestsTo(path: string): RecordedRequest[];
  /** Client connections currently open (keep-alive ones included). */
  openConnections(): number;
  /** Clears the script, the fallback and the recorded requests. */
  reset(): void;
  /** Stops listening, drops open connections and pending delayed answers. */
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseForm(raw: Buffer, contentType: string): Promise<Record<string, string | RecordedFile>> {
  // Request#formData is undici's multipart parser: the same one a real server stack would trust.
  const data = await new Request("http://test.invalid/", {
    method: "POST",
    headers: { "content-type": contentType },
    body: new Uint8Array(raw),
  }).formData();
  const form: Record<string, string | RecordedFile> = {};
  for (const [name, value] of data) {
    form[name] =
      typeof value === "string"
        ? value
        : { filename: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  return form;
}

async function record(req: IncomingMessage, path: string): Promise<RecordedRequest> {
  const raw = await readBody(req);
  const contentType = req.headers["content-type"] ?? "";
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  let body: unknown;
  let form: RecordedRequest["form"];
  if (contentType.startsWith("application/json") && raw.length > 0) {
    try {
      body = JSON.parse(raw.toString("utf8"));
    } catch {
      body = undefined;
    }
  } else if (contentType.startsWith("multipart/form-data")) {
    form = await parseForm(raw, contentType);
  }
  return { method: req.method ?? "GET", path, headers, body, form };
}

const routes = new Set(["/chat/completions", "/audio/transcriptions", "/audio/speech"]);

/**
 * Starts an OpenAI-compatible server on 127.0.0.1 (a free port) implementing `POST /v1/chat/completions`
 * (JSON and `stream: true` SSE), `POST /v1/audio/transcriptions` (multipart), `POST /v1/audio/speech`
 * and `GET /v1/models`, answering from a programmable script of {@link ScriptStep}s with injectable
 * faults. For tests and benchmarks only; callers must `close()` it.
 */
export async function startTestLlmServer(initial: TestLlmServerOptions = {}): Promise<TestLlmServer> {
  let options: TestLlmServerOptions = { ...initial };
  const script: ScriptStep[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let fallback: ((request: RecordedRequest) => ScriptStep) | undefined;

  const answer = (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => {
    const step = script.shift() ?? fallback?.(recorded);
    if (!step) {
      sendJson(res, 500, errorBody("test server: the script is exhausted", "server_error"));
      return;
    }
    const write = () => {
      const mistake = writeStep(req, res, recorded.path, recorded.body, step);
      if (mistake) sendJson(res, 500, errorBody(`test server: ${mistake}`, "server_error"));
    };
    if (!step.delayMs) return write();
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) write();
    }, step.delayMs);
    timers.add(timer);
    res.on("close", () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (!url.pathname.startsWith("/v1/")) return sendJson(res, 404, errorBody("not found"));
    const path = url.pathname.slice(3);
    const recorded = await record(req, path);
    requests.push(recorded);
    const expected = options.apiKey === undefined ? undefined : `Bearer ${options.apiKey}`;
    if (expected !== undefined && recorded.headers.authorization !== expected) {
      const sent = recorded.headers.authorization?.replace(/^Bearer /, "") ?? "";
      return sendJson(res, 401, errorBody(`Incorrect API key provided: ${sent}.`, "invalid_api_key"));
    }
    if (req.method === "GET" && path === "/models") {
      const models = options.models ?? ["test-model"];
      return sendJson(res, 200, {
        object: "list",
        data: models.map((id) => ({ id, object: "model", owned_by: "test" })),
      });
    }
    if (req.method !== "POST" || !routes.has(path))
      return sendJson(res, 404, errorBody(`unknown route ${path}`));
    const hasResponseFormat = (recorded.body as { response_format?: unknown } | undefined)?.response_format;
    if (options.rejectResponseFormat && hasResponseFormat !== undefined) {
      return sendJson(res, 400, errorBody("Unrecognized request argument supplied: response_format"));
    }
    answer(req, res, recorded);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(`test server: ${String(error)}`, "server_error"));
      else res.destroy();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...steps) => {
      script.push(...steps);
    },
    setFallback: (respond) => {
      fallback = respond;
    },
    configure: (changes) => {
      options = { ...options, ...changes };
    },
    pendingSteps: () => script.length,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    openConnections: () => sockets.size,
    reset: () => {
      script.length = 0;
      requests.length = 0;
      fallback = undefined;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, "close");
    },
  };
}

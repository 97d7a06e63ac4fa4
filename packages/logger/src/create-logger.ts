import { activeTraceFields } from "@vitae/tracing/spans";
import { type DestinationStream, type Logger, type LoggerOptions, pino } from "pino";
import { build as prettyStream } from "pino-pretty";
import { logContextFields } from "./log-context";
import { redactLogObject, redactSensitive } from "./redact";

/** Log verbosity (pino's level names). */
export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";

/** Options of `createLogger`. */
export interface CreateLoggerOptions {
  /** Lowest level written. */
  level: LogLevel;
  /** `json` (one object per line, for production and log shippers) or `pretty` (human-readable, dev). */
  format: "json" | "pretty";
  /** The service name, written as `name` on every line (e.g. `api`, `worker`). */
  name: string;
  /** Where lines go; defaults to stdout. Tests pass a stream to capture output. */
  destination?: DestinationStream | NodeJS.WritableStream;
}

type Serializer = (value: unknown) => unknown;
type SerializerMap = Record<string, Serializer>;

const { serializersSym } = pino.symbols;

function serializersOf(logger: Logger): SerializerMap {
  return (logger as unknown as Record<symbol, SerializerMap | undefined>)[serializersSym] ?? {};
}

/** Every serializer's output is redacted, because keys with a serializer are not walked beforehand. */
function redactingSerializers(serializers: Record<string, Serializer>): SerializerMap {
  const wrapped: SerializerMap = {};
  for (const [key, serialize] of Object.entries(serializers)) {
    wrapped[key] = (value) => redactSensitive(serialize(value));
  }
  return wrapped;
}

function redactArguments(logger: Logger, args: unknown[]): unknown[] {
  const serializers = serializersOf(logger);
  const hasSerializer = (key: string) => typeof serializers[key] === "function";
  return args.map((arg, index) => {
    if (index === 0 && typeof arg === "object" && arg !== null) {
      // pino wraps a lone error as `{ err }` (taking its message), then the redacting err serializer runs.
      if (arg instanceof Error) return arg;
      return redactLogObject(arg as Record<string, unknown>, hasSerializer);
    }
    // The message and printf-style arguments (`%o`, `%j`) are printed too.
    return redactSensitive(arg);
  });
}

/**
 * Redaction has to reach child bindings and `setBindings`, which pino serializes once up front and
 * never passes through log hooks. Children are created with `Object.create(parent)`, so these own
 * properties on the root are inherited by every descendant, including Fastify's per-request children.
 */
function redactBindingsOf(root: Logger): void {
  const child = root.child;
  const setBindings = root.setBindings;
  root.child = function redactedChild(this: Logger, bindings, options) {
    const childSerializers = options?.serializers
      ? redactingSerializers(options.serializers as Record<string, Serializer>)
      : undefined;
    const all = { ...serializersOf(this), ...childSerializers };
    const safeBindings = redactLogObject(bindings, (key) => typeof all[key] === "function");
    return child.call(
      this,
      safeBindings,
      childSerializers ? { ...options, serializers: childSerializers } : options,
    );
  } as Logger["child"];
  root.setBindings = function redactedSetBindings(this: Logger, bindings) {
    const serializers = serializersOf(this);
    setBindings.call(
      this,
      redactLogObject(bindings, (key) => typeof serializers[key] === "function"),
    );
  };
}

/**
 * Creates the process's root logger (apps call it once in their composition root and pass it down).
 *
 * Guarantees:
 * - credentials are redacted at any depth — authorization, cookie, set-cookie, password, passphrase,
 *   secret, token (accessToken, refreshToken, ...), api keys, secretAccessKey, signature and similar
 *   keys in any casing, plus passwords inside URL strings — in log objects, printf arguments, errors
 *   (own properties and `cause` chains), serializer output and child bindings;
 * - every line written inside `runWithLogContext` carries that context's `requestId`, `jobId`,
 *   `workspaceId`, `userId` and `path` (fields given explicitly in a call win), and inside an active
 *   OpenTelemetry span its `trace_id` and `span_id`;
 * - `json` writes one JSON object per line; `pretty` formats in-process through pino-pretty.
 * Not covered: secrets spelled out in message text other than URL credentials.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const pinoOptions: LoggerOptions = {
    level: options.level,
    name: options.name,
    serializers: redactingSerializers({ err: (value) => value }),
    // trace_id/span_id join a line to its trace when tracing is on (empty otherwise).
    mixin: () => ({ ...activeTraceFields(), ...logContextFields() }),
    hooks: {
      logMethod(args, method) {
        method.apply(this, redactArguments(this, args) as Parameters<typeof method>);
      },
    },
  };
  const destination =
    options.format === "pretty"
      ? prettyStream({
          destination: options.destination ?? 1,
          colorize: options.destination === undefined,
          ignore: "pid,hostname",
        })
      : options.destination;
  const logger = destination === undefined ? pino(pinoOptions) : pino(pinoOptions, destination);
  redactBindingsOf(logger);
  return logger;
}

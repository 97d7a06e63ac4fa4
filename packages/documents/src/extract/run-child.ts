import { type ChildProcess, fork } from "node:child_process";
import { setPriority } from "node:os";
import { fileURLToPath } from "node:url";
import type { ExtractionPool } from "./child-pool";
import { startCpuDeadline } from "./cpu-deadline";

/**
 * What the parent sends the child (see extract-child.mjs). With `parse`, the child also normalises and
 * screens the text and runs the heuristic parser (read/child-steps.ts); TXT/MD are only sent with it.
 */
export interface ChildRequest {
  kind: "pdf" | "docx" | "md" | "txt";
  bytes: Uint8Array;
  limits: { maxPages: number; maxTextChars: number; maxUncompressedBytes: number; maxRssBytes: number };
  parse: boolean;
}

/**
 * What the child answers, or what its death means. With `parse`, an answer also carries `warnings` and
 * `heuristic` (checked by read-resume.ts).
 */
export type ChildOutcome =
  | { ok: true; text: string; pages?: number; peakRssKb: number; [key: string]: unknown }
  | { ok: false; code: string; detail: string };

/** Limits of one run: the CPU budget, the heap of a new child, and the abort signal. */
export interface RunOptions {
  timeoutMs: number;
  maxMemoryMb: number;
  signal?: AbortSignal | undefined;
}

/** A forked sandbox child, with the tail of its stderr (how a heap exhaustion is recognised). */
export interface SandboxChild {
  process: ChildProcess;
  /** The heap limit it was started with (MiB). */
  heapMb: number;
  stderrTail: () => string;
  /** Documents sent to it so far. */
  runs: number;
}

/** The result of one run on a child: its outcome, and whether the child may read another document. */
export interface RunResult {
  outcome: ChildOutcome;
  reusable: boolean;
}

const childScript = fileURLToPath(new URL("./extract-child.mjs", import.meta.url));
const stderrTailBytes = 4096;

function isChildOutcome(message: unknown): message is ChildOutcome {
  if (typeof message !== "object" || message === null || !("ok" in message)) return false;
  const candidate = message as Record<string, unknown>;
  return candidate.ok === true
    ? typeof candidate.text === "string" && typeof candidate.peakRssKb === "number"
    : typeof candidate.code === "string";
}

// Parsing a hostile document is background work: at a low CPU priority the child cannot take the CPU
// from the host's event loop (requests, health checks) on a busy machine; it only finishes later. Not the
// lowest: on a saturated machine the child must still finish within its kill timer.
const childNiceness = 10;

/** The heap limit flag value for `maxMemoryMb`. */
export const heapMbOf = (maxMemoryMb: number) => Math.max(16, Math.floor(maxMemoryMb));

/**
 * Forks a sandbox child. It gets only the flags given here (`execArgv` is explicit, so a parent started
 * with `--import tsx` or NODE_OPTIONS does not pass its loader on) and an empty environment (no secrets).
 */
export function forkSandboxChild(maxMemoryMb: number): SandboxChild {
  const heapMb = heapMbOf(maxMemoryMb);
  const child = fork(childScript, [], {
    execArgv: [`--max-old-space-size=${heapMb}`],
    env: {},
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  if (child.pid !== undefined) {
    try {
      setPriority(child.pid, childNiceness);
    } catch {
      // The child has already exited (its exit handler reports why); priority is best effort.
    }
  }
  let tail = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    tail = (tail + chunk).slice(-stderrTailBytes);
  });
  // A spawn failure is reported to the run in progress; this listener only keeps it from throwing.
  child.on("error", () => {});
  return { process: child, heapMb, stderrTail: () => tail, runs: 0 };
}

/** Kills a child that has not exited yet. */
export function killChild(child: ChildProcess): void {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** What a child's death means when it left no answer. */
function deathOutcome(
  sandbox: SandboxChild,
  code: number | null,
  signal: NodeJS.Signals | null,
): ChildOutcome {
  const outOfMemory = /heap out of memory|allocation failed|invalid array length/i.test(sandbox.stderrTail());
  if (outOfMemory || signal === "SIGABRT" || signal === "SIGTRAP" || code === 134 || code === 133)
    return { ok: false, code: "EXTRACTION_LIMIT", detail: "heap limit reached" };
  return { ok: false, code: "PARSE_FAILED", detail: `child exited with ${signal ?? code}` };
}

/**
 * Sends one document to `sandbox` and settles with its answer, or with the meaning of its death (past its
 * CPU budget, `timeoutMs` of CPU time with a wall-clock backstop → `EXTRACTION_TIMEOUT`; V8 heap
 * exhausted → `EXTRACTION_LIMIT`; anything else → `PARSE_FAILED`). A one-shot run (`keepAlive` false)
 * settles once the child has exited; a pooled run settles on the answer, and the child is `reusable`
 * only when it answered this very request, was neither timed out nor aborted and did not retire itself.
 * Rejects with the signal's reason when aborted (the child is killed).
 */
export function runOnChild(
  sandbox: SandboxChild,
  request: ChildRequest,
  options: RunOptions,
  keepAlive: boolean,
): Promise<RunResult> {
  const child = sandbox.process;
  sandbox.runs += 1;
  const seq = sandbox.runs;
  return new Promise((resolve, reject) => {
    let answer: (ChildOutcome & { retire?: unknown }) | undefined;
    let timedOut = false;
    let aborted = false;
    let spawnError: Error | undefined;
    let settled = false;

    const kill = () => killChild(child);
    const stopDeadline = startCpuDeadline(child.pid, options.timeoutMs, () => {
      timedOut = true;
      kill();
    });
    const onAbort = () => {
      aborted = true;
      kill();
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const finish = (settle: () => void) => {
      if (settled) return;
      settled = true;
      stopDeadline();
      options.signal?.removeEventListener("abort", onAbort);
      child.off("message", onMessage);
      child.off("error", onError);
      child.off("exit", onExit);
      settle();
    };
    const onMessage = (message: unknown) => {
      if (answer !== undefined || !isChildOutcome(message)) return;
      if ((message as { seq?: unknown }).seq !== seq) return;
      answer = message;
      if (keepAlive && !timedOut && !aborted) {
        const reusable = answer.retire !== true;
        if (!reusable) kill();
        finish(() => resolve({ outcome: answer as ChildOutcome, reusable }));
      }
    };
    const onError = (error: Error) => {
      spawnError = error;
      kill();
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(() => {
        if (aborted) return reject(options.signal?.reason ?? new Error("extraction aborted"));
        if (answer !== undefined) return resolve({ outcome: answer, reusable: false });
        if (timedOut)
          return resolve({
            outcome: {
              ok: false,
              code: "EXTRACTION_TIMEOUT",
              detail: `killed after ${options.timeoutMs} ms of CPU time`,
            },
            reusable: false,
          });
        if (spawnError !== undefined && code === null && signal === null) return reject(spawnError);
        resolve({ outcome: deathOutcome(sandbox, code, signal), reusable: false });
      });
    child.on("message", onMessage);
    child.on("error", onError);
    child.on("exit", onExit);
    if (child.exitCode !== null || child.signalCode !== null) {
      onExit(child.exitCode, child.signalCode);
      return;
    }
    child.send({ ...request, seq, keepAlive }, (error) => {
      if (error) {
        spawnError = error;
        kill();
      }
    });
  });
}

/**
 * Runs one document in the sandbox: in a child of `pool` when one is given (see `createExtractionPool`),
 * else in a child forked for it alone, which has exited when the promise settles. Settles with the
 * child's answer or the meaning of its death (see {@link runOnChild}).
 */
export async function runExtractionChild(
  request: ChildRequest,
  options: RunOptions & { pool?: ExtractionPool | undefined },
): Promise<ChildOutcome> {
  options.signal?.throwIfAborted();
  if (options.pool !== undefined) return options.pool.run(request, options);
  return (await runOnChild(forkSandboxChild(options.maxMemoryMb), request, options, false)).outcome;
}

import { fork } from "node:child_process";
import { setPriority } from "node:os";
import { fileURLToPath } from "node:url";
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

function lowerPriority(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    setPriority(pid, childNiceness);
  } catch {
    // The child has already exited (its exit handler reports why); priority is best effort.
  }
}

/**
 * Forks the extraction child, sends it the document and settles once the child has exited: with its
 * answer, or with the meaning of its death (past its CPU budget, `timeoutMs` of CPU time with a
 * wall-clock backstop → `EXTRACTION_TIMEOUT`; V8 heap
 * exhausted → `EXTRACTION_LIMIT`; anything else → `PARSE_FAILED`).
 *
 * The child gets only the flags given here (`execArgv` is explicit, so a parent started with
 * `--import tsx` or NODE_OPTIONS does not pass its loader on) and an empty environment (no secrets).
 */
export function runExtractionChild(
  request: ChildRequest,
  options: { timeoutMs: number; maxMemoryMb: number; signal?: AbortSignal | undefined },
): Promise<ChildOutcome> {
  options.signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const child = fork(childScript, [], {
      execArgv: [`--max-old-space-size=${Math.max(16, Math.floor(options.maxMemoryMb))}`],
      env: {},
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    lowerPriority(child.pid);
    let answer: ChildOutcome | undefined;
    let timedOut = false;
    let aborted = false;
    let spawnError: Error | undefined;
    let stderrTail = "";

    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    };
    const stopDeadline = startCpuDeadline(child.pid, options.timeoutMs, () => {
      timedOut = true;
      kill();
    });
    const onAbort = () => {
      aborted = true;
      kill();
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });

    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderrTail = (stderrTail + chunk).slice(-stderrTailBytes);
    });
    child.on("message", (message: unknown) => {
      if (answer === undefined && isChildOutcome(message)) answer = message;
    });
    child.on("error", (error) => {
      spawnError = error;
      kill();
    });
    child.on("exit", (code, signal) => {
      stopDeadline();
      options.signal?.removeEventListener("abort", onAbort);
      if (aborted) return reject(options.signal?.reason ?? new Error("extraction aborted"));
      if (answer !== undefined) return resolve(answer);
      if (timedOut)
        return resolve({
          ok: false,
          code: "EXTRACTION_TIMEOUT",
          detail: `killed after ${options.timeoutMs} ms of CPU time`,
        });
      if (spawnError !== undefined && code === null && signal === null) return reject(spawnError);
      const outOfMemory = /heap out of memory|allocation failed|invalid array length/i.test(stderrTail);
      if (outOfMemory || signal === "SIGABRT" || signal === "SIGTRAP" || code === 134 || code === 133) {
        return resolve({ ok: false, code: "EXTRACTION_LIMIT", detail: "heap limit reached" });
      }
      resolve({ ok: false, code: "PARSE_FAILED", detail: `child exited with ${signal ?? code}` });
    });
    child.send(request, (error) => {
      if (error) {
        spawnError = error;
        kill();
      }
    });
  });
}

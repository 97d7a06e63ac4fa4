import {
  type ChildOutcome,
  type ChildRequest,
  forkSandboxChild,
  heapMbOf,
  killChild,
  type RunOptions,
  runOnChild,
  type SandboxChild,
} from "./run-child";

/** Tuning of {@link createExtractionPool}. */
export interface ExtractionPoolOptions {
  /** Most idle children kept for reuse (default 2); a host's job concurrency is a good value. */
  size?: number;
  /** A child is retired after this many documents (default 50). */
  maxDocumentsPerChild?: number;
  /** An idle child exits after this long without a document (default 30 s). */
  idleMs?: number;
}

/**
 * A small set of sandbox children reused from one document to the next, so a host does not pay a
 * child's start (Node, pdf.js, the parser's modules and the first use of its rules) on every document.
 * Every limit of a one-shot child holds per document: the CPU budget counts from the document's start,
 * the heap limit and the resident-memory watchdog stay, and a child that breaches one, is aborted, dies
 * or answers anything but the document it was sent is killed and never reused (the next document gets a
 * new child). A child reads one document at a time; the read steps keep nothing between documents.
 */
export interface ExtractionPool {
  /** Runs one document in a pooled child (see `runExtractionChild`). Rejects once the pool is closed. */
  run(request: ChildRequest, options: RunOptions): Promise<ChildOutcome>;
  /** Kills every child (call it once the host's jobs have drained) and resolves once all have exited; later runs reject. */
  close(): Promise<void>;
}

// An idle child must not keep its host alive: its IPC channel and stderr pipe are unreferenced while it
// waits, and referenced again while it reads a document.
function setReferenced(sandbox: SandboxChild, referenced: boolean): void {
  const { process: child } = sandbox;
  // The stderr pipe is a net.Socket at run time (typed as a plain Readable).
  const stderr = child.stderr as (NodeJS.ReadableStream & { ref?: () => void; unref?: () => void }) | null;
  if (referenced) {
    child.ref();
    child.channel?.ref();
    stderr?.ref?.();
  } else {
    child.unref();
    child.channel?.unref();
    stderr?.unref?.();
  }
}

const isAlive = (sandbox: SandboxChild) =>
  sandbox.process.exitCode === null && sandbox.process.signalCode === null && sandbox.process.connected;

/** Creates a pool of reusable extraction children; the host closes it when it stops. */
export function createExtractionPool(options: ExtractionPoolOptions = {}): ExtractionPool {
  const size = options.size ?? 2;
  const maxRuns = options.maxDocumentsPerChild ?? 50;
  const idleMs = options.idleMs ?? 30_000;
  const idle: Array<{ sandbox: SandboxChild; timer: NodeJS.Timeout }> = [];
  const live = new Set<SandboxChild>();
  let closed = false;

  const retire = (sandbox: SandboxChild) => killChild(sandbox.process);
  const take = (heapMb: number): SandboxChild => {
    for (let index = idle.length - 1; index >= 0; index -= 1) {
      const entry = idle[index] as (typeof idle)[number];
      if (entry.sandbox.heapMb !== heapMb) continue;
      idle.splice(index, 1);
      clearTimeout(entry.timer);
      if (isAlive(entry.sandbox)) return entry.sandbox;
    }
    const sandbox = forkSandboxChild(heapMb);
    live.add(sandbox);
    sandbox.process.once("exit", () => {
      live.delete(sandbox);
      const at = idle.findIndex((entry) => entry.sandbox === sandbox);
      if (at >= 0) clearTimeout(idle.splice(at, 1)[0]?.timer);
    });
    return sandbox;
  };
  const giveBack = (
    sandbox: SandboxChild,
    reusable: boolean,
    rssKb: number | undefined,
    maxRssBytes: number,
  ) => {
    const grown = rssKb !== undefined && rssKb * 1024 > maxRssBytes / 2;
    if (closed || !reusable || grown || sandbox.runs >= maxRuns || idle.length >= size || !isAlive(sandbox))
      return retire(sandbox);
    setReferenced(sandbox, false);
    const timer = setTimeout(() => retire(sandbox), idleMs);
    timer.unref();
    idle.push({ sandbox, timer });
  };

  return {
    async run(request, runOptions) {
      runOptions.signal?.throwIfAborted();
      if (closed) throw new Error("extraction pool closed");
      const sandbox = take(heapMbOf(runOptions.maxMemoryMb));
      setReferenced(sandbox, true);
      let reusable = false;
      let rssKb: number | undefined;
      try {
        const result = await runOnChild(sandbox, request, runOptions, true);
        reusable = result.reusable;
        const reported = (result.outcome as { rssKb?: unknown }).rssKb;
        rssKb = typeof reported === "number" ? reported : undefined;
        return result.outcome;
      } finally {
        giveBack(sandbox, reusable, rssKb, request.limits.maxRssBytes);
      }
    },
    async close() {
      closed = true;
      for (const entry of idle.splice(0)) clearTimeout(entry.timer);
      const exits = [...live].map(
        (sandbox) =>
          new Promise<void>((resolve) => {
            if (sandbox.process.exitCode !== null || sandbox.process.signalCode !== null) return resolve();
            sandbox.process.once("exit", () => resolve());
            // An idle child holds no reference on the event loop: without one, the host could exit
            // before the exit this promise waits for.
            setReferenced(sandbox, true);
            retire(sandbox);
          }),
      );
      await Promise.all(exits);
    },
  };
}

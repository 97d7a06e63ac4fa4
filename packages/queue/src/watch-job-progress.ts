import type { JobStatusSnapshot } from "./job-status";
import { isTerminalJobStatus } from "./job-status";
import { Wakeup } from "./wakeup";

/** Options for `watchJobProgress`. */
export interface WatchJobProgressOptions {
  /** Ends the iteration (without error) when aborted; listeners and timers are released. */
  signal?: AbortSignal;
  /**
   * How often the row is re-read even without a queue event — the safety net for events lost while
   * Redis was unreachable or before the event stream was attached. Default 2000 ms.
   */
  pollIntervalMs?: number;
}

/** What the watcher needs from the queue client; injected so the loop stays independent of BullMQ. */
export interface WatchSources {
  /** Reads the row as a snapshot; throws `AppError("NOT_FOUND")` when it does not exist. */
  readSnapshot(jobRunId: string): Promise<JobStatusSnapshot>;
  /**
   * Calls `onEvent` whenever the queue reports an event for the job; resolves to an unsubscribe
   * function. Must not reject: with Redis unreachable it subscribes to nothing and polling carries on.
   */
  subscribe(jobName: string, jobRunId: string, onEvent: () => void): Promise<() => void>;
}

export const defaultWatchPollIntervalMs = 2000;

function snapshotKey(snapshot: JobStatusSnapshot): string {
  return JSON.stringify(snapshot);
}

/**
 * Yields the job's current snapshot first, then each changed snapshot, woken by queue events and by a
 * periodic re-read; returns after yielding a terminal snapshot, or as soon as `signal` aborts. The row is
 * the only source of truth: events are used as wake-ups, never as data, so a watcher can never report
 * progress Postgres does not hold.
 */
export async function* watchJobProgressWith(
  sources: WatchSources,
  jobRunId: string,
  options: WatchJobProgressOptions = {},
): AsyncGenerator<JobStatusSnapshot, void, undefined> {
  const { signal } = options;
  if (signal?.aborted) return;
  const first = await sources.readSnapshot(jobRunId);
  yield first;
  if (isTerminalJobStatus(first.status)) return;

  const wakeup = new Wakeup();
  const onWake = (): void => wakeup.notify();
  signal?.addEventListener("abort", onWake);
  const timer = setInterval(onWake, options.pollIntervalMs ?? defaultWatchPollIntervalMs);
  let unsubscribe: (() => void) | undefined;
  try {
    unsubscribe = await sources.subscribe(first.name, jobRunId, onWake);
    // Re-read at once: an update may have landed between the first read and the subscription.
    wakeup.notify();
    let lastKey = snapshotKey(first);
    while (true) {
      await wakeup.wait();
      if (signal?.aborted) return;
      const snapshot = await sources.readSnapshot(jobRunId);
      const key = snapshotKey(snapshot);
      if (key !== lastKey) {
        lastKey = key;
        yield snapshot;
      }
      if (isTerminalJobStatus(snapshot.status)) return;
    }
  } finally {
    clearInterval(timer);
    signal?.removeEventListener("abort", onWake);
    unsubscribe?.();
  }
}

import type { Duplex } from "node:stream";

/**
 * Reads Papa Parse's stream output in batches of rows. Reading it row by row (async iteration) keeps
 * its readable buffer full at 16 rows, and every time Papa finds it full it pauses and later re-parses
 * the rest of its current chunk from scratch — quadratic in the chunk size (about 2,000 rows/s on a
 * 256 KiB chunk). Listening to "data" keeps the stream flowing; we pause it ourselves once `maxQueued`
 * rows wait, so memory stays bounded and Papa's own pause happens once per batch, not per 16 rows.
 */
export async function* papaBatches(parser: Duplex, maxQueued = 4096): AsyncGenerator<string[][]> {
  let queue: string[][] = [];
  let isEnded = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  parser.on("data", (cells: string[]) => {
    queue.push(cells);
    if (queue.length >= maxQueued) parser.pause();
    notify();
  });
  parser.on("end", () => {
    isEnded = true;
    notify();
  });
  parser.on("error", (error: unknown) => {
    failure = error;
    notify();
  });
  while (true) {
    if (queue.length > 0) {
      const batch = queue;
      queue = [];
      if (parser.isPaused()) parser.resume();
      yield batch;
      continue;
    }
    if (failure !== undefined) throw failure;
    if (isEnded) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}

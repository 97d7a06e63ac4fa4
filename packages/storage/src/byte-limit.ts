import { Readable } from "node:stream";
import type { AppError } from "@vitae/errors";

/** Limits a streamed body must respect, and the errors it fails with when it does not. */
export interface WriteLimits {
  size: number;
  tooLarge: () => AppError;
  tooShort: () => AppError;
}

/**
 * Passes a body through while counting its bytes: throws `tooLarge()` at the first chunk that goes past
 * `size` (so no more than the limit is ever forwarded) and `tooShort()` when the source ends early.
 * Stopping iteration destroys a `Readable` source, which is what a size violation should do.
 */
export async function* enforceSize(
  source: AsyncIterable<Uint8Array> | Buffer,
  limits: WriteLimits,
): AsyncGenerator<Uint8Array> {
  if (Buffer.isBuffer(source)) {
    if (source.length > limits.size) throw limits.tooLarge();
    if (source.length < limits.size) throw limits.tooShort();
    yield source;
    return;
  }
  let seen = 0;
  for await (const chunk of source) {
    seen += chunk.byteLength;
    if (seen > limits.size) throw limits.tooLarge();
    yield chunk;
  }
  if (seen < limits.size) throw limits.tooShort();
}

/**
 * Keeps an early stream error from crashing the process. Between receiving a body and starting to
 * read it there are awaits (directory creation, credential lookup); an error emitted then with no
 * listener would be uncaught. The error is still recorded on the stream, and reading it later throws.
 */
export function holdEarlyErrors(source: unknown): void {
  if (source instanceof Readable) source.on("error", () => undefined);
}

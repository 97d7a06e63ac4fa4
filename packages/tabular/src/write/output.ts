import { createHash } from "node:crypto";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";

/**
 * A buffered writer onto a Node stream that hashes (SHA-256) and counts exactly the bytes it writes,
 * so the digest stored with an export is the digest of the object stored. Honours backpressure.
 */
export class HashingOutput {
  private readonly hash = createHash("sha256");
  // Records arrive as short strings; they are joined as text and encoded once per 64 Ki characters
  // rather than each becoming a Buffer of its own.
  private text = "";
  bytes = 0;

  constructor(private readonly sink: Writable) {}

  /** Queues text; returns a promise only when a flush had to wait for the sink (await it then). */
  push(text: string): Promise<void> | undefined {
    this.text += text;
    return this.text.length >= 64 * 1024 ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.text.length === 0) return;
    const chunk = Buffer.from(this.text, "utf8");
    this.text = "";
    this.hash.update(chunk);
    this.bytes += chunk.length;
    if (!this.sink.write(chunk)) await once(this.sink, "drain");
  }

  /** Flushes, ends the sink, waits until it has finished, and returns the hex digest. */
  async close(): Promise<{ sha256: string; bytes: number }> {
    await this.flush();
    this.sink.end();
    await finished(this.sink);
    return { sha256: this.hash.digest("hex"), bytes: this.bytes };
  }
}

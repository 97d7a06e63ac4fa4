import { Writable } from "node:stream";

/** A destination that keeps everything written to it, for asserting on log output in tests. */
export interface CapturedOutput {
  stream: Writable;
  /** Everything written so far, as one string. */
  text(): string;
  /** Each written line parsed as JSON (json format only). */
  lines(): Record<string, unknown>[];
}

/** Creates an in-memory log destination. Test-only helper; not exported from the package. */
export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const text = () => chunks.join("");
  return {
    stream,
    text,
    lines: () =>
      text()
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

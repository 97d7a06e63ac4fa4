/** One event of a tRPC SSE stream: a yielded value, or a serialized error (which ends the stream). */
export type SseEvent =
  | { kind: "data"; value: unknown }
  | { kind: "error"; error: { message: string; data: { code: string } } };

/** Reads a tRPC SSE subscription with fetch and yields its data and error events, parsed. */
export async function* readTrpcSse(
  url: string,
  signal: AbortSignal,
  headers: Record<string, string> = {},
): AsyncGenerator<SseEvent> {
  const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal });
  if (!response.ok || !response.body) throw new Error(`SSE request failed: ${response.status}`);
  const decoder = new TextDecoder();
  let buffer = "";
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    let boundary = buffer.indexOf("\n\n");
    while (boundary !== -1) {
      const event = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const lines = event.split("\n");
      const type = lines
        .find((line) => line.startsWith("event:"))
        ?.slice(6)
        .trim();
      const data = lines
        .find((line) => line.startsWith("data:"))
        ?.slice(5)
        .trim();
      if (type === "return") return;
      if (type === "serialized-error" && data) {
        yield { kind: "error", error: JSON.parse(data) };
        return;
      }
      if (data && type === undefined) yield { kind: "data", value: JSON.parse(data) };
      boundary = buffer.indexOf("\n\n");
    }
  }
}

import autocannon from "autocannon";

/**
 * The load generator of `bench:overload`, a process of its own (forked with the target, connections,
 * duration and API key as arguments): drives the target flat out and reports every response's status
 * and latency, and whether each 503 carried `Retry-After`, to its parent.
 */
const [url = "", connections = "1000", duration = "10", key = ""] = process.argv.slice(2);
const accepted: number[] = [];
const refused: number[] = [];
let refusedWithoutRetryAfter = 0;
const other: Record<string, number> = {};
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(duration),
  headers: { authorization: `Bearer ${key}` },
  setupClient(client) {
    client.on("headers", (parsed) => {
      // At run time autocannon passes the parser's record (status and the flat raw header list).
      const headers = parsed as unknown as { statusCode?: number; headers?: string[] };
      if (headers.statusCode === 503) {
        const names = (headers.headers ?? []).filter((_, index) => index % 2 === 0);
        if (!names.some((name) => name.toLowerCase() === "retry-after")) refusedWithoutRetryAfter += 1;
      }
    });
    client.on("response", (status: number, _bytes: number, ms: number) => {
      if (status === 200) accepted.push(ms);
      else if (status === 503) refused.push(ms);
      else other[status] = (other[status] ?? 0) + 1;
    });
  },
});
process.send?.({ accepted, refused, refusedWithoutRetryAfter, other, errors: result.errors }, () =>
  process.exit(0),
);

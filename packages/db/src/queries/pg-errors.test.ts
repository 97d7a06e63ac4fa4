import { describe, expect, it } from "vitest";
import { databaseUnavailableError, isDatabaseUnavailable } from "./pg-errors";

function coded(code: string, message = "driver error"): Error {
  return Object.assign(new Error(message), { code });
}

describe("database outages map to SERVICE_UNAVAILABLE in one place", () => {
  it.each([
    "ECONNREFUSED",
    "ECONNRESET",
    "CONNECTION_CLOSED",
    "CONNECTION_ENDED",
    "CONNECTION_DESTROYED",
    "CONNECT_TIMEOUT",
    "57P01",
    "53300",
    "08006",
  ])("%s, however deeply wrapped", (code) => {
    // drizzle wraps driver errors as `cause`; Node reports both loopback addresses in an AggregateError.
    const wrapped = new Error("Failed query: select 1", {
      cause: new AggregateError([coded(code)], "connect failed"),
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(databaseUnavailableError(wrapped)).toMatchObject({ code: "SERVICE_UNAVAILABLE", cause: wrapped });
  });

  it.each(["23505", "42P01", "22P02", "EACCES"])("not %s (a fault of the query, not an outage)", (code) => {
    expect(databaseUnavailableError(new Error("Failed query", { cause: coded(code) }))).toBeUndefined();
  });
});

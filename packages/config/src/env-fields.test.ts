import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { envBoolean, envEnum, envInteger, envOriginList, envString, envUrl } from "./env-fields";

function issuesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

describe("envInteger", () => {
  const port = envInteger({ min: 1, max: 65_535 });

  it("accepts decimal integers within bounds, including both bounds", () => {
    expect(port.parse("1")).toBe(1);
    expect(port.parse("65535")).toBe(65_535);
    expect(port.parse("8080")).toBe(8080);
  });

  it.each(["0", "65536", "-1", "80.5", "1e3", "0x50", "80abc", "abc", "9007199254740993"])(
    "rejects %s with the bounds in the message",
    (raw) => {
      expect(issuesOf(port, raw)).toEqual(["must be an integer between 1 and 65535"]);
    },
  );

  it("says a missing value is required", () => {
    expect(issuesOf(port, undefined)).toEqual(["is required"]);
  });
});

describe("envBoolean", () => {
  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
  ])("parses %s strictly", (raw, expected) => {
    expect(envBoolean().parse(raw)).toBe(expected);
  });

  it.each(["TRUE", "yes", "on", "2", "False"])("rejects %s", (raw) => {
    expect(issuesOf(envBoolean(), raw)).toEqual(["must be one of true, false, 1, 0"]);
  });
});

describe("envUrl", () => {
  const postgres = envUrl(["postgres", "postgresql"]);

  it("returns accepted URLs exactly as written (encoded credentials intact)", () => {
    const url = "postgres://user:p%40ss@db.internal:5432/vitae?sslmode=require";
    expect(postgres.parse(url)).toBe(url);
    expect(postgres.parse("postgresql://db/vitae")).toBe("postgresql://db/vitae");
  });

  it.each(["mysql://db/vitae", "db.internal:5432", "postgres://", "not a url", "http://db/vitae"])(
    "rejects %s naming the accepted schemes",
    (raw) => {
      expect(issuesOf(postgres, raw)).toEqual([
        "must be a URL starting with postgres:// or postgresql:// and naming a host",
      ]);
    },
  );

  it("never echoes the value, which may carry a password", () => {
    const messages = issuesOf(postgres, "mysql://admin:hunter2-secret@db/x");
    expect(messages.join(" ")).not.toContain("hunter2");
  });
});

describe("envOriginList", () => {
  it("splits, trims, normalises and de-duplicates origins", () => {
    expect(
      envOriginList().parse(" https://App.example.com , http://localhost:5173,,https://app.example.com/ "),
    ).toEqual(["https://app.example.com", "http://localhost:5173"]);
  });

  it("reports every entry that is not an origin", () => {
    expect(
      issuesOf(
        envOriginList(),
        "https://ok.example.com,https://x.example.com/path,*,ftp://files.example.com",
      ),
    ).toEqual([
      '"https://x.example.com/path" is not an origin (expected http(s)://host[:port], e.g. https://app.example.com)',
      '"*" is not an origin (expected http(s)://host[:port], e.g. https://app.example.com)',
      '"ftp://files.example.com" is not an origin (expected http(s)://host[:port], e.g. https://app.example.com)',
    ]);
  });

  it.each(["https://user:pw@app.example.com", "https://app.example.com?x=1", "https://app.example.com#a"])(
    "rejects %s",
    (raw) => {
      expect(issuesOf(envOriginList(), raw)).toHaveLength(1);
    },
  );
});

describe("envString and envEnum", () => {
  it("enforces a minimum length without echoing the value", () => {
    expect(issuesOf(envString({ minLength: 32 }), "short-secret")).toEqual([
      "must be at least 32 characters long",
    ]);
    expect(envString({ minLength: 3 }).parse("abc")).toBe("abc");
  });

  it("lists the allowed values of an enum", () => {
    expect(issuesOf(envEnum(["json", "pretty"]), "xml")).toEqual(["must be one of json, pretty"]);
    expect(envEnum(["json", "pretty"]).parse("json")).toBe("json");
  });
});

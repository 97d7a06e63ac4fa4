import { describe, expect, it } from "vitest";
import { settableHeaders } from "./put-with-progress";

describe("settableHeaders", () => {
  it("sends the granted headers as given except those browsers set themselves", () => {
    expect(
      settableHeaders({ "Content-Type": "application/pdf", "Content-Length": "1234", "x-amz-meta-a": "b" }),
    ).toEqual([
      ["Content-Type", "application/pdf"],
      ["x-amz-meta-a", "b"],
    ]);
  });
});

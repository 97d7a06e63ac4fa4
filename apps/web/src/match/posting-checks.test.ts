import { describe, expect, it } from "vitest";
import { postingTextMaxChars, postingTextProblem } from "./posting-checks";

describe("postingTextProblem", () => {
  it("refuses blank text and text over the server's limit, accepts the limit itself", () => {
    expect(postingTextProblem("  \n ")).toBe("Paste the text of the job posting.");
    expect(postingTextProblem("x".repeat(postingTextMaxChars + 1))).toMatch(/the limit is/);
    expect(postingTextProblem("x".repeat(postingTextMaxChars))).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { numbersIn } from "./numbers";

describe("numbersIn", () => {
  it.each(["30,000", "30 000", "30k", "30K", "thirty thousand", "30\u202f000"])(
    "reads %s as 30000",
    (text) => {
      expect([...numbersIn(`migrated ${text} records`)]).toEqual(["30000"]);
    },
  );

  it("keeps percentages apart from plain numbers and fractions", () => {
    expect([...numbersIn("cut by 65%")]).toEqual(["65%"]);
    expect([...numbersIn("cut by 65 percent")]).toEqual(["65%"]);
    expect(numbersIn("cut by 0.65").has("65%")).toBe(false);
    expect(numbersIn("cut by 65").has("65%")).toBe(false);
  });

  it("reads scales, compounds and years", () => {
    expect(numbersIn("1.5 million users")).toEqual(new Set(["1500000"]));
    expect(numbersIn("twenty-five engineers")).toEqual(new Set(["25"]));
    expect(numbersIn("since 2019")).toEqual(new Set(["2019"]));
    expect(numbersIn("2019 2020")).toEqual(new Set(["2019", "2020"]));
  });

  it("reads multipliers and magnitudes as quantities, so 'doubled' cannot stand in for an invented 2x", () => {
    expect(numbersIn("doubled revenue")).toEqual(new Set(["2x"]));
    expect(numbersIn("grew revenue 2x")).toEqual(new Set(["2x"]));
    expect(numbersIn("a tenfold speed-up, tripled sign-ups")).toEqual(new Set(["10x", "3x"]));
    expect(numbersIn("served millions of users")).toEqual(new Set(["millions"]));
  });

  it("stays linear on a long run of digits and separators", () => {
    const found = numbersIn("1,".repeat(200_000));
    expect(found.size).toBeLessThan(10);
  });
});

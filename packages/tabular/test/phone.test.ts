import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js";
import examples from "libphonenumber-js/mobile/examples";
import { describe, expect, it } from "vitest";
import { compilePhoneParser } from "../src/validate/phone";

/** What the validator returned before the compiled parser: libphonenumber-js on every cell. */
function library(value: string, defaultCountry: CountryCode | undefined): string | undefined {
  const phone = parsePhoneNumberFromString(value, { defaultCountry, extract: false });
  return phone?.isValid() ? phone.number : undefined;
}

// Shared calling codes (NANP, +7, +44, +262, +590), trunk prefixes (0, 1, 8, carrier codes), none.
const countries: CountryCode[] = [
  "US",
  "CA",
  "PR",
  "JM",
  "AG",
  "GB",
  "GG",
  "DE",
  "FR",
  "ES",
  "PT",
  "IT",
  "BR",
  "AR",
  "MX",
  "CO",
  "IN",
  "RU",
  "KZ",
  "AU",
  "JP",
  "CN",
  "RE",
  "GP",
  "VI",
  "SG",
];

let seed = 7;
const next = (modulo: number) => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed % modulo;
};
const digits = (count: number) => Array.from({ length: count }, () => String(next(10))).join("");

/** A national number written the ways exports write them: grouped, parenthesised, dotted, bare. */
function written(national: string): string {
  switch (next(5)) {
    case 0:
      return national;
    case 1:
      return national.replace(/(\d{3})(?=\d)/g, "$1 ");
    case 2:
      return `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`;
    case 3:
      return national.replace(/(\d{2})(?=\d)/g, "$1.");
    default:
      return `${national.slice(0, 4)}-${national.slice(4)}`;
  }
}

function corpus(country: CountryCode): string[] {
  const example = (examples as Record<string, string>)[country] ?? digits(10);
  const values: string[] = [];
  for (let index = 0; index < 600; index += 1) {
    // Mostly near-valid numbers (an example with its tail changed), then noise, then every prefix shape.
    const tail = Math.min(example.length - 1, 1 + next(6));
    const near = example.slice(0, example.length - tail) + digits(tail);
    const random = digits(3 + next(14));
    const prefixes = ["", "0", "1", "8", "00", "011", "010", "0015", "+", "+1", "+44", "+7", "7", "44", "49"];
    const prefix = prefixes[next(prefixes.length)] as string;
    values.push(written(near), written(random), `${prefix}${written(next(2) === 0 ? near : random)}`);
  }
  values.push("", "12", "123", "(", "--", "555-1234 ext. 7", "1-800-FLOWERS", `${"9".repeat(41)}`, "0 0 0 0");
  return values;
}

describe("compilePhoneParser", () => {
  it("gives libphonenumber-js's answer for every value, valid or not, in every country kind", () => {
    let valid = 0;
    let checked = 0;
    for (const country of countries) {
      const parse = compilePhoneParser(country);
      for (const value of corpus(country)) {
        expect([country, value, parse(value)]).toEqual([country, value, library(value, country)]);
        checked += 1;
        if (parse(value) !== undefined) valid += 1;
      }
    }
    // Not a vacuous comparison: a good share of the corpus is valid somewhere.
    expect(checked).toBeGreaterThan(40_000);
    expect(valid).toBeGreaterThan(checked / 10);
  });

  it("parses US, German and shared-code numbers to E.164 and refuses impossible ones", () => {
    const us = compilePhoneParser("US");
    expect(us("(617) 253-1000")).toBe("+16172531000");
    expect(us("617.253.1000")).toBe("+16172531000");
    expect(us("(876) 927-1660")).toBe("+18769271660");
    expect(us("(123) 456-7890")).toBeUndefined();
    expect(us("+44 20 7946 0958")).toBe("+442079460958");
    const de = compilePhoneParser("DE");
    expect(de("030 1234567")).toBe("+49301234567");
    expect(de("30 1234567")).toBe("+49301234567");
    expect(compilePhoneParser(undefined)("030 1234567")).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { employeeEntity } from "../src/entities/index";
import { RegionVoter, regionCountrySchema } from "../src/region/infer-region";
import { phoneRegions } from "../src/region/phone-regions";

function decide(headers: string[], rows: string[][], phoneColumns: number[]) {
  const voter = new RegionVoter(employeeEntity, headers);
  for (const row of rows) voter.add(row);
  return voter.finish(phoneColumns);
}

describe("RegionVoter", () => {
  it("takes the country most international phone numbers of the phone columns share", () => {
    const rows = [["+49 30 1234567"], ["0171 2345678"], ["+49 171 2345678"], ["+33 1 23 45 67 89"]];
    expect(decide(["Phone"], rows, [0])).toEqual({
      country: "DE",
      source: "phones",
      reason: "2 of 3 phone numbers with a country code are from Germany",
    });
  });

  it("ignores numbers in columns that are not mapped to a phone field", () => {
    const rows = [["+1 212 555 0123", "0171 2345678"]];
    expect(decide(["Notes", "Phone"], rows, [1]).source).toBe("none");
  });

  it("falls back to a header language with one home market when the phones do not agree", () => {
    const rows = [["+49 30 1234567"], ["+33 1 23 45 67 89"]];
    const region = decide(["Personalnummer", "Nachname", "Telefon", "Eintrittsdatum"], rows, [2]);
    expect(region).toMatchObject({ country: "DE", source: "headers" });
    expect(decide(["Matricule", "Nom de famille", "Téléphone"], [], [2])).toMatchObject({
      country: "FR",
      source: "headers",
    });
  });

  it("names no country for English, Spanish or Portuguese headers, or spellings several languages share", () => {
    expect(decide(["Employee ID", "Last Name", "Phone"], [], [2])).toMatchObject({
      country: null,
      source: "none",
    });
    expect(decide(["Nombre", "Apellidos", "Teléfono"], [], [2]).country).toBeNull();
    expect(decide(["Email", "Telefon"], [], [1]).country).toBeNull();
  });
});

describe("regionCountrySchema", () => {
  it("accepts ISO codes with a numbering plan and refuses anything else", () => {
    expect(regionCountrySchema.parse("AT")).toBe("AT");
    for (const bad of ["XX", "de", "DEU", "", "__proto__"]) {
      expect(regionCountrySchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe("phoneRegions", () => {
  it("offers exactly the countries regionCountrySchema accepts, each with its calling code", () => {
    const regions = phoneRegions();
    expect(regions.length).toBeGreaterThan(200);
    expect(regions).toContainEqual({ country: "DE", callingCode: "49" });
    expect(regions).toContainEqual({ country: "US", callingCode: "1" });
    for (const region of regions) expect(regionCountrySchema.parse(region.country)).toBe(region.country);
    expect(new Set(regions.map((region) => region.country)).size).toBe(regions.length);
  });
});

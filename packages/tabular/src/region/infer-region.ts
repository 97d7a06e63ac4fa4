import { type CountryCode, getCountries, parsePhoneNumberFromString } from "libphonenumber-js";
import { z } from "zod";
import type { EntityDefinition } from "../entities/types";
import { indexEntity } from "../mapping/field-index";
import { normaliseName } from "../mapping/normalize";

/**
 * Where an import's region came from: the operator chose it, the file's international phone numbers
 * name it, its column names are in a language with one home market, or nothing decided it (`none`).
 */
export const regionSources = ["operator", "phones", "headers", "none"] as const;

/** One value of {@link regionSources}. */
export type RegionSource = (typeof regionSources)[number];

const countries = new Set<string>(getCountries());
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/** "DE" → "Germany": reasons are read by people, not parsed. */
function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}

/** An ISO 3166-1 alpha-2 code libphonenumber-js has a numbering plan for (upper case, e.g. `DE`). */
export const regionCountrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/)
  .refine((code) => countries.has(code), { message: "not a country with a known numbering plan" })
  .transform((code) => code as CountryCode);

/**
 * The region an import reads national values in — today phone numbers written without `+country`
 * (E.164 needs a calling code the cell does not carry). `country` is null when nothing decided it; such
 * numbers are then `INVALID_PHONE` until the operator names one. `reason` says, in words for the operator,
 * why this country (or why none) — the country itself is in `country`.
 */
export const importRegionSchema = z.object({
  country: regionCountrySchema.nullable(),
  source: z.enum(regionSources),
  reason: z.string(),
});

/** One import's region (see {@link importRegionSchema}). */
export type ImportRegion = z.infer<typeof importRegionSchema>;

/**
 * Header languages whose HRIS exports come overwhelmingly from one market. English (US, UK, IN, …) and
 * Spanish and Portuguese (Spain or Latin America, Portugal or Brazil) name no country on their own.
 */
const homeMarkets: Readonly<Record<string, { country: CountryCode; language: string }>> = {
  de: { country: "DE", language: "German" },
  fr: { country: "FR", language: "French" },
};

/** At most this many international numbers are parsed: a vote, not a validation. */
const phoneVoteLimit = 2000;

/** Share of the votes the leading country needs before it decides. */
const decisiveShare = 0.6;

function leader<K>(counts: Map<K, number>): { key: K; count: number; total: number } | undefined {
  let best: { key: K; count: number } | undefined;
  let total = 0;
  for (const [key, count] of counts) {
    total += count;
    if (best === undefined || count > best.count) best = { key, count };
  }
  return best === undefined ? undefined : { ...best, total };
}

/**
 * Collects evidence about a file's region while its rows are profiled, then decides. Evidence, strongest
 * first: the countries of phone numbers written in international form in the columns later mapped to a
 * phone field (a German export usually has some `+49 …` among its `0171 …`); then the language of the
 * column names when it has one home market (`Telefon`, `Eintrittsdatum` → DE). The operator can always
 * override (`source: "operator"`), and the reason says what decided.
 */
export class RegionVoter {
  private readonly byColumn = new Map<number, Map<CountryCode, number>>();
  private parsed = 0;

  constructor(
    private readonly entity: EntityDefinition,
    private readonly headers: readonly string[],
  ) {}

  /** Feeds one row's raw cells (cheap for cells not starting with `+`). */
  add(cells: readonly string[]): void {
    for (let index = 0; index < cells.length; index += 1) {
      const cell = cells[index];
      if (cell === undefined || this.parsed >= phoneVoteLimit) continue;
      const value = cell.trimStart();
      if (value.charCodeAt(0) !== 43 /* + */ || value.length > 40) continue;
      this.parsed += 1;
      const country = parsePhoneNumberFromString(value, { extract: false })?.country;
      if (country === undefined) continue;
      const counts = this.byColumn.get(index) ?? new Map<CountryCode, number>();
      counts.set(country, (counts.get(country) ?? 0) + 1);
      this.byColumn.set(index, counts);
    }
  }

  /** The decision, given the indexes of the columns mapped to phone fields. */
  finish(phoneColumns: readonly number[]): ImportRegion {
    const votes = new Map<CountryCode, number>();
    for (const index of phoneColumns) {
      for (const [country, count] of this.byColumn.get(index) ?? []) {
        votes.set(country, (votes.get(country) ?? 0) + count);
      }
    }
    const phones = leader(votes);
    if (phones && phones.count / phones.total >= decisiveShare) {
      return {
        country: phones.key,
        source: "phones",
        reason: `${phones.count} of ${phones.total} phone numbers with a country code are from ${countryName(phones.key)}`,
      };
    }
    const language = this.headerLanguage();
    const market = language === undefined ? undefined : homeMarkets[language];
    if (market) {
      return {
        country: market.country,
        source: "headers",
        reason: `The column names are ${market.language}`,
      };
    }
    return {
      country: null,
      source: "none",
      reason: "Nothing in the file names a country",
    };
  }

  /** The language most headers are a known alias in, when a clear majority of those agree. */
  private headerLanguage(): string | undefined {
    const languagesOf = new Map<string, Set<string>>();
    for (const { names } of indexEntity(this.entity)) {
      for (const name of names) {
        if (name.language === undefined) continue;
        const set = languagesOf.get(name.normalised) ?? new Set<string>();
        set.add(name.language);
        languagesOf.set(name.normalised, set);
      }
    }
    const counts = new Map<string, number>();
    for (const header of this.headers) {
      const languages = languagesOf.get(normaliseName(header));
      // A spelling shared by several languages ("Email") says nothing about which.
      if (languages === undefined || languages.size !== 1) continue;
      const [language] = languages;
      if (language !== undefined) counts.set(language, (counts.get(language) ?? 0) + 1);
    }
    const top = leader(counts);
    return top && top.count / top.total >= decisiveShare ? top.key : undefined;
  }
}

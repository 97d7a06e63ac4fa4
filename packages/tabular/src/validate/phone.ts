import { type CountryCode, Metadata, parsePhoneNumberFromString } from "libphonenumber-js";

/**
 * The parts of libphonenumber-js's `Metadata` (min metadata, the one `parsePhoneNumberFromString`
 * uses) that a national-format number's verdict depends on. Its typings only declare a few of them.
 */
interface NumberType {
  pattern(): string;
  possibleLengths(): number[] | undefined;
}
interface PlanMetadata {
  selectNumberingPlan(country: string): void;
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
  numberingPlan: {
    callingCode(): string;
    IDDPrefix(): string;
    nationalPrefixForParsing(): string | undefined;
    nationalNumberPattern(): string;
    leadingDigits(): string | undefined;
    hasTypes(): boolean;
    type(type: string): NumberType | undefined;
  };
}

/** libphonenumber-js's `getNumberType` order: fixed line first, then these. */
const numberTypes = [
  "FIXED_LINE",
  "MOBILE",
  "PREMIUM_RATE",
  "TOLL_FREE",
  "SHARED_COST",
  "VOIP",
  "PERSONAL_NUMBER",
  "PAGER",
  "UAN",
  "VOICEMAIL",
];

interface CountryPlan {
  country: string;
  general: RegExp;
  leadingDigits: RegExp | undefined;
  /** Null when the country has no type patterns (then `general` alone decides validity). */
  types: Array<{ pattern: RegExp; lengths: number[] | undefined }> | null;
}

interface CallingPlan {
  callingCode: string;
  idd: RegExp;
  nationalPrefix: RegExp | undefined;
  /** Every country sharing the calling code, in metadata order (`US` first for `1`). */
  countries: CountryPlan[];
  byCountry: Map<string, CountryPlan>;
}

const whole = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const leading = (pattern: string) => new RegExp(`^(?:${pattern})`);

function countryPlan(metadata: PlanMetadata, country: string): CountryPlan {
  metadata.selectNumberingPlan(country);
  const plan = metadata.numberingPlan;
  const leadingDigits = plan.leadingDigits();
  const types = plan.hasTypes()
    ? numberTypes.flatMap((name) => {
        const type = plan.type(name);
        const pattern = type?.pattern();
        return type && pattern ? [{ pattern: whole(pattern), lengths: type.possibleLengths() }] : [];
      })
    : null;
  return {
    country,
    general: whole(plan.nationalNumberPattern()),
    leadingDigits: leadingDigits ? leading(leadingDigits) : undefined,
    types,
  };
}

function callingPlan(defaultCountry: CountryCode): CallingPlan {
  const metadata = new Metadata() as unknown as PlanMetadata;
  metadata.selectNumberingPlan(defaultCountry);
  const plan = metadata.numberingPlan;
  const callingCode = plan.callingCode();
  const prefix = plan.nationalPrefixForParsing();
  const countries = (metadata.getCountryCodesForCallingCode(callingCode) ?? [defaultCountry]).map((code) =>
    countryPlan(metadata, code),
  );
  return {
    callingCode,
    idd: leading(plan.IDDPrefix()),
    nationalPrefix: prefix ? leading(prefix) : undefined,
    countries,
    byCountry: new Map(countries.map((entry) => [entry.country, entry])),
  };
}

/** `getNumberType(...) !== undefined` (or the general pattern for countries without types). */
function isValidFor(plan: CountryPlan, nationalNumber: string): boolean {
  if (!plan.general.test(nationalNumber)) return false;
  if (plan.types === null) return true;
  for (const type of plan.types) {
    if (type.lengths && !type.lengths.includes(nationalNumber.length)) continue;
    if (type.pattern.test(nationalNumber)) return true;
  }
  return false;
}

/** A cell that is only ASCII digits and the separators people type between them. */
const nationalShape = /^[0-9 ().-]+$/;

function libraryE164(value: string, defaultCountry: CountryCode | undefined): string | undefined {
  // `extract: false`: the cell is the number, not text to search for one.
  const phone = parsePhoneNumberFromString(value, { defaultCountry, extract: false });
  return phone?.isValid() ? phone.number : undefined;
}

/**
 * A phone parser for one column, compiled once: the cell as E.164, or undefined when
 * libphonenumber-js (min metadata) would not call it valid. Numbers written nationally — digits and
 * separators only, no international, trunk or calling-code prefix — are decided here with the
 * library's own patterns compiled once (its parser rebuilds each pattern per call and resolves the
 * country of shared calling codes by trying every type of every country, ~9 µs a number); anything
 * else goes to the library. `test/phone.test.ts` checks both give the same answer, value for value.
 */
export function compilePhoneParser(
  defaultCountry: CountryCode | undefined,
): (value: string) => string | undefined {
  if (defaultCountry === undefined) return (value) => libraryE164(value, undefined);
  const plan = callingPlan(defaultCountry);
  const single = plan.countries.length === 1 ? plan.countries[0] : undefined;
  const home =
    plan.byCountry.get(defaultCountry) ??
    countryPlan(new Metadata() as unknown as PlanMetadata, defaultCountry);
  return (value) => {
    if (value.length > 40 || !nationalShape.test(value)) return libraryE164(value, defaultCountry);
    const digits = value.replace(/[^0-9]/g, "");
    if (
      digits.length < 4 ||
      digits.length > 17 ||
      digits.startsWith(plan.callingCode) ||
      plan.idd.test(digits) ||
      plan.nationalPrefix?.test(digits)
    ) {
      return libraryE164(value, defaultCountry);
    }
    // The library's country for a shared calling code: the first whose leading digits match, or (for
    // countries without them) that has types and one accepts the number; else the default country.
    let country = single;
    if (!country) {
      for (const candidate of plan.countries) {
        const isMatch = candidate.leadingDigits
          ? candidate.leadingDigits.test(digits)
          : candidate.types !== null && isValidFor(candidate, digits);
        if (isMatch) {
          country = candidate;
          break;
        }
      }
    }
    return isValidFor(country ?? home, digits) ? `+${plan.callingCode}${digits}` : undefined;
  };
}

import { type CountryCode, getCountries, getCountryCallingCode } from "libphonenumber-js";

/** A country an import can read national phone numbers in, with its calling code (`DE` → `49`). */
export interface PhoneRegion {
  country: CountryCode;
  callingCode: string;
}

let cached: readonly PhoneRegion[] | undefined;

/**
 * Every country with a numbering plan — exactly what `regionCountrySchema` accepts — in code order.
 * Computed once: the list comes from libphonenumber's metadata and never changes while a process runs.
 */
export function phoneRegions(): readonly PhoneRegion[] {
  cached ??= Object.freeze(
    getCountries().map((country) => ({ country, callingCode: getCountryCallingCode(country) })),
  );
  return cached;
}

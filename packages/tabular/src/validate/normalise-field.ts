import { jaroWinkler } from "@skyra/jaro-winkler";
import type { CountryCode } from "libphonenumber-js";
import type { FieldDefinition } from "../entities/types";
import type { RowErrorCode } from "../errors";
import { normaliseName } from "../mapping/normalize";
import { type DateOrder, detach } from "../profile/profile-columns";
import { parseBoolean, parseDate, parseEmail, parseNumber, parseUrl } from "./parse-values";
import { compilePhoneParser } from "./phone";

/** A typed, normalised value as exported. */
export type FieldValue = string | number | boolean | string[] | null;

/** Result of normalising one cell: the value, or a row-error code (with a suggestion for enums). */
export type Normalised = { value: FieldValue } | { code: RowErrorCode; suggestion?: string };

/** Per-column context decided before validation. */
export interface FieldContext {
  /** ISO 3166 alpha-2 country for phone numbers written without +country code. */
  defaultCountry?: CountryCode;
  dateOrder: DateOrder | null;
}

const enumCache = new WeakMap<FieldDefinition, Map<string, string>>();

function enumLookup(field: FieldDefinition): Map<string, string> {
  let lookup = enumCache.get(field);
  if (!lookup) {
    lookup = new Map();
    for (const option of field.format.values ?? []) {
      for (const spelling of [option.value, ...option.synonyms])
        lookup.set(normaliseName(spelling), option.value);
    }
    enumCache.set(field, lookup);
  }
  return lookup;
}

/** The closest allowed spelling for a refused enum value, if anything is reasonably close. */
function suggestEnum(field: FieldDefinition, normalised: string): string | undefined {
  let best: { value: string; score: number } | undefined;
  for (const [spelling, value] of enumLookup(field)) {
    const score = jaroWinkler(normalised, spelling);
    if (!best || score > best.score) best = { value, score };
  }
  return best && best.score >= 0.8 ? best.value : undefined;
}

const enumMemos = new WeakMap<FieldDefinition, Map<string, Normalised>>();

function enumMemo(field: FieldDefinition): Map<string, Normalised> {
  let memo = enumMemos.get(field);
  if (!memo) {
    memo = new Map();
    enumMemos.set(field, memo);
  }
  return memo;
}

function normaliseEnum(field: FieldDefinition, value: string): Normalised {
  const normalised = normaliseName(value);
  const match = enumLookup(field).get(normalised);
  if (match !== undefined) return { value: match };
  const suggestion = suggestEnum(field, normalised);
  return suggestion === undefined ? { code: "INVALID_ENUM" } : { code: "INVALID_ENUM", suggestion };
}

const defaultListSeparators = [";", "|"];

/** A compiled normaliser: one non-empty trimmed cell in, its value or row-error code out. */
export type FieldNormaliser = (value: string) => Normalised;

/**
 * Compiles the normaliser of one field for one column, once per validation run: emails lower-cased,
 * phones to E.164 (libphonenumber-js, numbers without a country code use `defaultCountry`; see
 * `compilePhoneParser`), dates to ISO 8601 in the column's decided order, numbers in any common
 * grouping style, yes/no in five languages, enums via their synonyms (with a suggestion when
 * refused, memoised), http(s) URLs, lists split on `;` or `|`. Cells are non-empty and trimmed.
 */
export function compileField(field: FieldDefinition, context: FieldContext): FieldNormaliser {
  const maxLength = field.format.maxLength;
  switch (field.type) {
    case "string":
      return maxLength === undefined
        ? (value) => ({ value })
        : (value) => (value.length > maxLength ? { code: "TOO_LONG" } : { value });
    case "email":
      return (value) => {
        const email = parseEmail(value);
        return email === undefined ? { code: "INVALID_EMAIL" } : { value: email };
      };
    case "phone": {
      const parse = compilePhoneParser(context.defaultCountry);
      return (value) => {
        const phone = parse(value);
        return phone === undefined ? { code: "INVALID_PHONE" } : { value: phone };
      };
    }
    case "date":
      return (value) => {
        const date = parseDate(value, context.dateOrder);
        if ("iso" in date) return { value: date.iso };
        return { code: date.error === "ambiguous" ? "AMBIGUOUS_DATE" : "INVALID_DATE" };
      };
    case "number":
      return (value) => {
        const number = parseNumber(value);
        return number === undefined ? { code: "INVALID_NUMBER" } : { value: number };
      };
    case "boolean":
      return (value) => {
        const flag = parseBoolean(value);
        return flag === undefined ? { code: "INVALID_BOOLEAN" } : { value: flag };
      };
    case "enum": {
      const memo = enumMemo(field);
      return (value) => {
        const known = memo.get(value);
        if (known) return known;
        const result = normaliseEnum(field, value);
        // Enum columns repeat a handful of spellings; remember them (bounded, detached from the
        // parser's chunk text) instead of re-normalising.
        if (memo.size < 1000) memo.set(detach(value), result);
        return result;
      };
    }
    case "url":
      return (value) => {
        const url = parseUrl(value);
        return url === undefined ? { code: "INVALID_URL" } : { value: url };
      };
    case "list": {
      const separators = field.format.listSeparators ?? defaultListSeparators;
      return (value) => {
        let items = [value];
        for (const separator of separators) items = items.flatMap((item) => item.split(separator));
        const list = items.map((item) => item.trim()).filter((item) => item.length > 0);
        if (maxLength !== undefined && list.some((item) => item.length > maxLength))
          return { code: "TOO_LONG" };
        return { value: list };
      };
    }
  }
}

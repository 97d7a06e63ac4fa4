import { type EntityName, entityNames, getEntity } from "@vitae/tabular/entities";
import { tabularErrorCodes, tabularErrorMessages } from "@vitae/tabular/errors";
import type { RouterInputs, RouterOutputs } from "../trpc/types";

/** One import as `imports.byId` describes it (docs/map-contracts.md). */
export type ImportView = RouterOutputs["imports"]["byId"];
export type ImportStatus = ImportView["status"];
export type ImportRow = RouterOutputs["imports"]["rows"]["items"][number];
export type RowFilter = NonNullable<RouterInputs["imports"]["rows"]["filter"]>;
export type ImportExportFormat = RouterInputs["imports"]["export"]["format"];
export type FixTransform = Extract<RouterInputs["imports"]["fix"], { transform: unknown }>["transform"];

/** The target entities, from the one registry the server validates against. */
export const entityOptions = entityNames.map((name) => ({ name, label: getEntity(name).label }));

/** The fields of an entity, in the registry's order, for the mapping selects. */
export function entityFields(entity: string): { name: string; label: string; required: boolean }[] {
  if (!(entityNames as readonly string[]).includes(entity)) return [];
  return getEntity(entity as EntityName).fields.map((field) => ({
    name: field.name,
    label: field.label,
    required: field.required,
  }));
}

/** The entity's fields that hold phone numbers: the values an import's region decides how to read. */
export function phoneFieldsOf(entity: string): ReadonlySet<string> {
  if (!(entityNames as readonly string[]).includes(entity)) return new Set();
  const fields = getEntity(entity as EntityName).fields;
  return new Set(fields.filter((field) => field.type === "phone").map((field) => field.name));
}

/** How each export format is named on its button; `satisfies` makes a format the server adds a compile error. */
export const exportFormatLabels = {
  csv: "CSV",
  json: "JSON",
  ndjson: "NDJSON",
  xml: "XML",
} as const satisfies Record<ImportExportFormat, string>;

/** Bulk transforms offered in the fix form, in words. */
export const transformLabels = {
  trim: "Trim spaces at both ends",
  lowercase: "lower case",
  uppercase: "UPPER CASE",
  titleCase: "Title Case",
  collapseWhitespace: "Collapse repeated spaces",
  digitsOnly: "Keep digits only",
  removeLeadingZeros: "Remove leading zeros",
} as const satisfies Record<FixTransform, string>;

export const statusLabels = {
  uploaded: "Uploaded",
  analysing: "Analysing",
  mapped: "Ready to validate",
  failed: "Failed",
  validating: "Validating",
  validated: "Validated",
} as const satisfies Record<ImportStatus, string>;

/** True while a job may still change the import. */
export function isWorking(status: ImportStatus | undefined): boolean {
  return status === "uploaded" || status === "analysing" || status === "validating";
}

/** The file-level failure in words; unknown codes (row caps, storage) get a generic sentence. */
export function importErrorSentence(code: string | null): string | null {
  if (code === null) return null;
  if ((tabularErrorCodes as readonly string[]).includes(code)) {
    return tabularErrorMessages[code as (typeof tabularErrorCodes)[number]];
  }
  if (code === "ROW_LIMIT_EXCEEDED") return "The file has more rows than your plan allows in one import.";
  if (code === "STORAGE_MISSING") return "The uploaded file is no longer available; upload it again.";
  return "The import could not be processed. Try again, or upload the file again.";
}

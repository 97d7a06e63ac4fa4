export {
  candidateEntity,
  departmentEntity,
  type EntityDefinition,
  type EntityName,
  employeeEntity,
  entityNames,
  type FieldDefinition,
  type FieldType,
  fieldTypes,
  getEntity,
  positionEntity,
} from "./entities/index";
export {
  isTabularError,
  type RowErrorCode,
  rowErrorCodes,
  rowErrorMessages,
  TabularError,
  type TabularErrorCode,
  tabularErrorCodes,
  tabularErrorMessages,
} from "./errors";
export {
  type ColumnMapping,
  type FieldCandidate,
  type MapColumnsInput,
  type MappingSource,
  mapColumns,
  mappingSources,
  type RememberedMapping,
} from "./mapping/auto-map";
export { fingerprintHeaders } from "./mapping/fingerprint";
export {
  type AutoMapResult,
  autoMap,
  type LlmMappingRequest,
  learnedAliasesFrom,
  type MappingLlm,
  maskSample,
} from "./mapping/llm-hook";
export { type ByteInput, openCsv } from "./parse/csv-source";
export type { ReadLimits, SheetInfo, SniffReport, SourceRow, TabularSource } from "./parse/source";
export { openXlsx, type XlsxOptions } from "./parse/xlsx-source";
export type { WorkbookLimits } from "./parse/xlsx-workbook";
export { type ColumnKind, columnKinds } from "./profile/classify";
export {
  type ColumnProfile,
  clampValue,
  createProfiler,
  type DateOrder,
  type ProfileOptions,
} from "./profile/profile-columns";
export {
  type ImportRegion,
  importRegionSchema,
  type RegionSource,
  RegionVoter,
  regionCountrySchema,
  regionSources,
} from "./region/infer-region";
export { type PhoneRegion, phoneRegions } from "./region/phone-regions";
export { type TextEncodingName, textEncodings } from "./sniff/decode";
export { type CsvDelimiter, csvDelimiters } from "./sniff/sniff-csv";
export { applyFix, type Fix, type FixTransform, fixSchema, fixTransforms } from "./validate/fixes";
export type { FieldValue } from "./validate/normalise-field";
export { dateOrdersFrom, type ValidationStats, validateSource } from "./validate/validate-source";
export {
  createRowValidator,
  type RowError,
  type RowStatus,
  rowStatuses,
  type ValidatedRow,
  type ValidationPlan,
} from "./validate/validator";
export {
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
  exportFormats,
  exportRows,
} from "./write/export-rows";
export { LedgerCounter, type RowLedger } from "./write/ledger";

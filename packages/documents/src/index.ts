export {
  type DetectedDocument,
  type DetectOptions,
  type DocumentKind,
  detectDocumentType,
  documentMimeTypes,
} from "./detect/detect-document-type";
export { type DocxInspection, type DocxLimits, defaultDocxLimits, inspectDocx } from "./docx/inspect-docx";
export {
  DocumentError,
  type DocumentErrorCode,
  type DocumentWarning,
  type DocumentWarningCode,
  documentErrorCodes,
  documentErrorMessages,
  documentWarningCodes,
  documentWarningMessages,
  isDocumentError,
} from "./errors";
export {
  createExtractionPool,
  type ExtractionPool,
  type ExtractionPoolOptions,
} from "./extract/child-pool";
export { type ExtractedText, type ExtractOptions, extractText } from "./extract/extract-text";
export {
  type DroppedFact,
  type LlmCallOptions,
  type LlmParseOptions,
  type LlmParseResult,
  parseResumeWithLlm,
  type StructuredLlm,
} from "./llm/parse-resume-with-llm";
export { type ResumePromptInput, resumeParsePrompt, type VersionedPrompt } from "./llm/resume-prompt";
export { parseResumeHeuristic } from "./parse/parse-resume-heuristic";
export {
  type Education,
  type Experience,
  emptyProfile,
  type Profile,
  type Project,
  profileSchema,
  type Skill,
  type YearMonth,
} from "./profile";
export { type ReadResume, readResume } from "./read/read-resume";

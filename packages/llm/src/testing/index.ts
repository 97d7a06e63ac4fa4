export { jsonReply, type ScriptedUsage, type ScriptStep, splitIntoChunks } from "./script";
export {
  type RecordedFile,
  type RecordedRequest,
  startTestLlmServer,
  type TestLlmServer,
  type TestLlmServerOptions,
} from "./server";
export { testLlmConfig } from "./test-config";

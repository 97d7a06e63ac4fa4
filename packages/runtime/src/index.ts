export { createRuntime, type Runtime, type RuntimeConfig, type RuntimeOptions } from "./create-runtime";

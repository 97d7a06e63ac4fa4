export { createRuntime, type Runtime, type RuntimeConfig, type RuntimeOptions } from "./create-runtime";
export { jobProcessNodeFlags, missingJobProcessFlags } from "./job-process-flags";

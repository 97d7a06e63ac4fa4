export * from "./spans-entry";
export { type StartTracingOptions, startTracing, type Tracing } from "./start-tracing";

/**
 * The Node/V8 flags every process that runs jobs starts with — the worker, and the API in embedded mode
 * (its workers run in-process). The one home of these flags: `apps/worker` and `apps/api` `start`/`dev`
 * scripts, the Dockerfile's commands and the chaos cluster (which runs each app's `start`) carry them,
 * and `infra/test/job-process-flags.test.ts` fails when one does not.
 *
 * `--max-semi-space-size=16` caps V8's young generation at 16 MB per semi-space. Streaming imports
 * allocate short-lived strings for every row; under a steady allocation rate V8 otherwise grows the
 * semi-spaces to a heap-derived maximum, and the 1M-row `bench:map` CSV peaked 60–90 MB higher (ADR 0018).
 * V8 sizes its heap when the process starts, so these cannot be applied later from code.
 */
export const jobProcessNodeFlags: readonly string[] = Object.freeze(["--max-semi-space-size=16"]);

/**
 * The {@link jobProcessNodeFlags} this process was started without (neither on its command line nor in
 * `NODE_OPTIONS`); empty when it has them all.
 */
export function missingJobProcessFlags(
  execArgv: readonly string[] = process.execArgv,
  nodeOptions: string = process.env.NODE_OPTIONS ?? "",
): string[] {
  const given = new Set([...execArgv, ...nodeOptions.split(/\s+/)].filter((flag) => flag !== ""));
  return jobProcessNodeFlags.filter((flag) => !given.has(flag));
}

import { publicProcedure } from "../../trpc/procedures";
import { type SelfTestRun, selfTestRunInput, toSelfTestRun } from "./self-test-run";

/**
 * Streams a self-test run over SSE: the current state first, then every change until it succeeds or
 * fails. Ends early when the client disconnects or the server shuts down.
 */
export const selfTestProgressProcedure = publicProcedure
  .input(selfTestRunInput)
  .subscription(async function* ({ ctx, input, signal }): AsyncGenerator<SelfTestRun> {
    // Checked before streaming so an unknown or foreign id fails as NOT_FOUND instead of an empty stream.
    toSelfTestRun(await ctx.deps.queue.getJobStatus(input.jobRunId));
    const stop = signal ? AbortSignal.any([signal, ctx.getSignal()]) : ctx.getSignal();
    for await (const snapshot of ctx.deps.queue.watchJobProgress(input.jobRunId, { signal: stop })) {
      yield toSelfTestRun(snapshot);
    }
  });

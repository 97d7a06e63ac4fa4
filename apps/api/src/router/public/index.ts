import { findShareLinkByToken, getProfileView, getWorkspacePlan, touchShareLinkUsed } from "@vitae/db";
import { AppError } from "@vitae/errors";
import { z } from "zod";
import { type AskResponse, runAsk } from "../../chat/run-ask";
import type { Context } from "../../trpc/context";
import { router } from "../../trpc/init";
import { publicProcedure } from "../../trpc/procedures";
import { applyRateLimit } from "../../trpc/rate-limit";
import { streamChunks } from "../chat/schemas";
import { visitorProfile } from "../share-links/visitor-profile";

const tokenInput = z.string().min(10).max(200);

/** The live link behind a token; an unknown, revoked or expired link is NOT_FOUND, whichever it is. */
async function liveLink(ctx: Context, token: string) {
  const link = await findShareLinkByToken(ctx.deps.db, { token });
  if (!link) throw new AppError("NOT_FOUND", { message: "This link is not valid any more." });
  await touchShareLinkUsed(ctx.deps.db, { shareLinkId: link.id });
  return link;
}

/** The name and headline a visitor sees above the conversation. */
const profile = publicProcedure
  .input(z.strictObject({ token: tokenInput }))
  .output(z.object({ name: z.string().nullable(), headline: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const link = await liveLink(ctx, input.token);
    const stored = await getProfileView(ctx.deps.db, {
      workspaceId: link.workspaceId,
      profileId: link.profileId,
    });
    if (!stored) throw new AppError("NOT_FOUND");
    const view = visitorProfile(link, stored);
    return { name: view.name, headline: view.headline };
  });

const askInput = z.strictObject({
  token: tokenInput,
  question: z.string().trim().min(1).max(1000),
  sessionId: z.uuid().optional(),
});

/** A visitor's question through a link: anonymous session, `public` tier per IP, the same pipeline. */
async function askThroughLink(
  ctx: Context,
  input: z.infer<typeof askInput>,
  signal: AbortSignal | undefined,
): Promise<AskResponse> {
  const link = await liveLink(ctx, input.token);
  const plan = (await getWorkspacePlan(ctx.deps.db, { workspaceId: link.workspaceId })) ?? "free";
  return runAsk(ctx.deps, {
    workspaceId: link.workspaceId,
    plan,
    owner: { kind: "share", id: link.id },
    profileId: link.profileId,
    question: input.question,
    sessionId: input.sessionId,
    input: "text",
    shareLinkId: link.id,
    // Contact details the link does not share never reach the pipeline, so no answer can contain them.
    redactProfile: (profile) => visitorProfile(link, profile),
    signal,
    admitLlmCall: () => applyRateLimit(ctx, { tier: "llm", plan, identifier: `ws:${link.workspaceId}` }),
  });
}

const ask = publicProcedure
  .input(askInput)
  .mutation(({ ctx, input, signal }) => askThroughLink(ctx, input, signal));

const stream = publicProcedure.input(askInput).subscription(async function* ({ ctx, input, signal }) {
  const result = await askThroughLink(ctx, input, signal);
  yield { type: "session" as const, sessionId: result.sessionId };
  for (const text of streamChunks(result.answer)) yield { type: "token" as const, text };
  yield { type: "done" as const, result };
});

export const publicRouter = router({ profile, ask, stream });

import { listOutboxMessages } from "@vitae/db";
import { z } from "zod";
import { router } from "../../trpc/init";
import { operatorProcedure } from "../../trpc/procedures";
import { isoDate } from "../schemas";

/**
 * Mail kept on this machine because no SMTP relay is configured (`delivery: "outbox"`): verification
 * links the operator passes on, so a single-machine user is never locked out. With SMTP the list stays
 * empty (`delivery: "smtp"`). Operators only: every link is a live credential until it expires.
 */
const list = operatorProcedure
  .output(
    z.object({
      delivery: z.enum(["smtp", "outbox"]),
      messages: z.array(
        z.object({
          id: z.string(),
          toEmail: z.string(),
          subject: z.string(),
          body: z.string(),
          link: z.string(),
          createdAt: isoDate,
          expiresAt: isoDate,
        }),
      ),
    }),
  )
  .query(async ({ ctx }) => ({
    delivery: ctx.deps.config.smtp === undefined ? ("outbox" as const) : ("smtp" as const),
    messages: await listOutboxMessages(ctx.deps.db),
  }));

export const outboxRouter = router({ list });

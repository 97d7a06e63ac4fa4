import { router } from "../../trpc/init";
import { discardJob, retryJob } from "./act-on-run";
import { queues } from "./queues";

/**
 * The instance operators' tools (ADR 0010): queues are shared by every workspace, so only operators —
 * not workspace admins — see and act on them.
 */
export const operationsRouter = router({ queues, retryJob, discardJob });

import type { ObjectStore } from "@vitae/storage";
import type { JobHandler } from "../handler-types";

/**
 * Where voice objects live: under an hour bucket (`YYYYMMDDHH`, UTC), so expiry is one prefix delete per
 * hour on any storage driver. Spoken answers are written by the API's Ask procedures, question
 * recordings uploaded by clients; both are removed by `ask.sweep-voice` once older than `keepHours`.
 */
export const voiceObjects = {
  answersPrefix: "voice-answers",
  questionsPrefix: "voice-questions",
  keepHours: 2,
} as const;

/** The hour bucket of `date` (`YYYYMMDDHH`, UTC). */
export function voiceHourBucket(date: Date): string {
  return date.toISOString().slice(0, 13).replace(/[-T]/g, "");
}

/**
 * Deletes spoken answers and never-asked question recordings older than `keepHours` (their hour buckets
 * from 2 to 26 hours back). Idempotent: deleting an empty prefix is a no-op. With S3, a bucket lifecycle
 * rule on these prefixes does the same without it.
 */
export async function sweepExpiredVoice(storage: ObjectStore, now = new Date()): Promise<number> {
  let deleted = 0;
  const { keepHours } = voiceObjects;
  for (let hoursBack = keepHours; hoursBack < keepHours + 24; hoursBack += 1) {
    const bucket = voiceHourBucket(new Date(now.getTime() - hoursBack * 3_600_000));
    deleted += await storage.deleteByPrefix(`${voiceObjects.answersPrefix}/${bucket}/`);
    deleted += await storage.deleteByPrefix(`${voiceObjects.questionsPrefix}/${bucket}/`);
  }
  return deleted;
}

/** `ask.sweep-voice`: one sweep per tick of its job scheduler. */
export const sweepVoice: JobHandler<"ask.sweep-voice"> = async (context) => {
  const deleted = await sweepExpiredVoice(context.storage);
  if (deleted > 0) context.logger.info({ deleted }, "expired voice objects deleted");
  return { deleted };
};

import { z } from "zod";

export const askInput = z.strictObject({
  profileId: z.uuid(),
  question: z.string().trim().min(1).max(2000),
  sessionId: z.uuid().optional(),
});

/** Splits a finished answer into word groups for streaming (the verified text, never raw model tokens). */
export function streamChunks(answer: string, wordsPerChunk = 3): string[] {
  const words = answer.split(/(\s+)/);
  const chunks: string[] = [];
  for (let index = 0; index < words.length; index += wordsPerChunk * 2) {
    chunks.push(words.slice(index, index + wordsPerChunk * 2).join(""));
  }
  return chunks.filter((chunk) => chunk.length > 0);
}

import { z } from "zod";
import { definePrompt } from "../src/prompt";

/** A small structured-output schema. */
export const personSchema = z.object({ name: z.string(), years: z.number().int().nonnegative() });

export const extractPerson = definePrompt({
  id: "test.extract-person",
  version: 1,
  system: "Extract the person described.",
  render: (text: string) => `Text: ${text}`,
});

export const greet = definePrompt({
  id: "test.greet",
  version: 1,
  system: "Greet the user.",
  temperature: 0,
  render: (name: string) => `My name is ${name}.`,
});

export const ada = { name: "Ada", years: 12 };

export const call = { workspaceId: "ws_test" };

/** The messages of a recorded chat request. */
export function messagesOf(body: unknown): Array<{ role: string; content: string }> {
  return (body as { messages: Array<{ role: string; content: string }> }).messages;
}

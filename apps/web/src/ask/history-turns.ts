import type { Card, HistoryTurn, RefusalCode, Source } from "./contract";

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === "object" && value !== null;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/**
 * `chat.history` turns as the conversation shows them. Accepts a page (`{ items | turns, nextCursor }`) or a bare
 * array, and a refusal either as `refusal: { code }` or as the stored column `refusalCode`.
 */
export function toHistoryTurns(output: unknown): HistoryTurn[] {
  const list = Array.isArray(output) ? output : isObject(output) ? (output.items ?? output.turns) : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(isObject).map((turn, index) => {
    const refusalCode = isObject(turn.refusal) ? turn.refusal.code : turn.refusalCode;
    return {
      id: text(turn.id) || `${index}`,
      question: text(turn.question),
      answer: text(turn.answer),
      mode: turn.mode === "llm" ? "llm" : "basic",
      fallback: turn.fallback === "llm-error" || turn.fallback === "llm-unverified" ? turn.fallback : null,
      refusal: typeof refusalCode === "string" ? { code: refusalCode as RefusalCode } : null,
      cards: Array.isArray(turn.cards) ? (turn.cards as Card[]) : [],
      sources: Array.isArray(turn.sources) ? (turn.sources as Source[]).filter(isSource) : [],
      input: turn.input === "voice" ? "voice" : "text",
    };
  });
}

function isSource(value: unknown): value is Source {
  return isObject(value) && typeof value.factId === "string";
}

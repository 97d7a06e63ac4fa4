import { memo } from "react";
import { ErrorDetails } from "../lib/error-details";
import { AnswerCards, AnswerText, SourceList } from "./answer-parts";
import { fallbackSentence, modeLabels, refusalSentence } from "./ask-wording";
import { type Turn, visibleAnswer } from "./conversation-state";

interface AnswerTurnProps {
  turn: Turn;
  sourceHref: ((factId: string) => string) | null;
  factLabels?: ReadonlyMap<string, string> | undefined;
}

/**
 * One exchange: the question, then the answer as it streams in, then its mode, cards and sources.
 * Memoised: the reducer keeps every other turn's object as it is, so a streamed token re-renders only
 * the turn it belongs to, not the whole log.
 */
export const AnswerTurn = memo(function AnswerTurn({ turn, sourceHref, factLabels }: AnswerTurnProps) {
  const result = turn.result;
  const text = visibleAnswer(turn);
  const mode = result === null ? null : modeLabels[result.mode];

  return (
    <li className="turn" data-testid="turn" data-status={turn.status}>
      <div className="turn-question">
        <p className="turn-role">
          You{turn.input === "voice" ? <span className="muted"> (by voice)</span> : null}
        </p>
        <p data-testid="turn-question">{turn.question}</p>
      </div>
      <div className="turn-answer" data-testid="turn-answer">
        <p className="turn-role">Answer</p>
        {turn.status === "pending" ? (
          <p className="muted">{turn.input === "voice" ? "Listening to your question…" : "Thinking…"}</p>
        ) : null}
        {turn.status === "streaming" ? <AnswerText answer={text} sources={[]} sourceHref={null} /> : null}
        {turn.status === "failed" && turn.error !== null ? (
          <div className="notice notice-error" data-testid="turn-error" data-code={turn.error.code ?? ""}>
            <p>{turn.error.message}</p>
            <ErrorDetails code={turn.error.code} requestId={turn.error.requestId} />
          </div>
        ) : null}
        {turn.status === "done" && result !== null ? (
          result.refusal ? (
            <p className="answer-refusal" data-testid="answer-refusal" data-code={result.refusal.code}>
              {refusalSentence(result.refusal.code)}
            </p>
          ) : (
            <>
              <AnswerText answer={text} sources={result.sources} sourceHref={sourceHref} />
              <AnswerCards cards={result.cards} sourceHref={sourceHref} />
              <SourceList sources={result.sources} sourceHref={sourceHref} factLabels={factLabels} />
            </>
          )
        ) : null}
        {turn.status === "done" && mode !== null && result !== null && !result.refusal ? (
          <p className="answer-meta">
            <span
              className={`badge badge-mode-${result.mode}`}
              title={mode.description}
              data-testid="answer-mode"
            >
              {mode.label}
            </span>
            <span className="visually-hidden"> {mode.description}</span>
            {result.fallback ? (
              <span className="answer-fallback" data-testid="answer-fallback">
                {" "}
                {fallbackSentence(result.fallback)}
              </span>
            ) : null}
          </p>
        ) : null}
        {turn.speechUrl !== null ? (
          // The spoken answer plays once it arrives; the controls let the asker replay or stop it.
          // biome-ignore lint/a11y/useMediaCaption: it reads out the answer text shown just above.
          <audio
            className="answer-speech"
            src={turn.speechUrl}
            controls
            autoPlay
            data-testid="answer-speech"
          />
        ) : null}
      </div>
    </li>
  );
});

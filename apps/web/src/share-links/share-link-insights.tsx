import { describeError } from "../lib/describe-error";
import { formatCount } from "../lib/format";
import { ShareLinkActivity } from "./share-link-activity";
import { type QuestionCount, useShareLinkInsights } from "./share-links-api";

function QuestionList({ title, items, empty }: { title: string; items: QuestionCount[]; empty: string }) {
  return (
    <div className="insights-list">
      <h4>{title}</h4>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ol>
          {items.map((item, index) => (
            // The same question may be listed twice (unanswered turns are not grouped).
            <li key={`${index}-${item.question}`}>
              {item.question}
              {item.count > 1 ? (
                <span className="muted"> · asked {formatCount(item.count)} times</span>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/**
 * What visitors did through one link: visits and questions per day as a chart, the most frequent
 * questions and those it could not answer.
 */
export function ShareLinkInsights({ shareLinkId }: { shareLinkId: string }) {
  const insights = useShareLinkInsights(shareLinkId);
  if (insights.isPending) {
    return (
      <p className="muted" role="status">
        Loading questions…
      </p>
    );
  }
  if (insights.isError) {
    return (
      <p className="field-error" role="alert">
        The questions could not be loaded: {describeError(insights.error).message}
      </p>
    );
  }
  return (
    <div className="insights" data-testid="share-link-insights">
      <ShareLinkActivity activity={insights.data.activity} />
      <QuestionList title="Top questions" items={insights.data.topQuestions} empty="No questions yet." />
      <QuestionList
        title="Not answered"
        items={insights.data.unanswered}
        empty="Every question so far found an answer."
      />
    </div>
  );
}

import { useEffect } from "react";
import { useParams } from "react-router";
import { productName } from "../app/sections";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { ChatView } from "./chat-view";
import { exampleQuestions } from "./suggestions";
import { usePublicAskTransport, usePublicProfile } from "./use-ask-transports";

function codeOf(error: unknown): string | null {
  return describeError(error).code;
}

/**
 * A shared résumé (`/s/:token`), for anyone with the link and no account: the person's name and
 * headline, and the same conversation against `public.*`. A revoked, expired or mistyped link says so.
 */
export function PublicAskPage() {
  const { token = "" } = useParams();
  const transport = usePublicAskTransport(token);
  const profile = usePublicProfile(token);
  const name = profile.data?.name ?? null;

  useEffect(() => {
    document.title = name === null ? `Ask · ${productName}` : `Ask about ${name} · ${productName}`;
  }, [name]);

  if (profile.isPending) {
    return (
      <p className="muted" role="status">
        Opening the shared résumé…
      </p>
    );
  }
  if (profile.isError) {
    const code = codeOf(profile.error);
    if (code === "NOT_FOUND" || code === "VALIDATION_FAILED" || code === "FORBIDDEN") {
      return (
        <section aria-labelledby="share-gone-title" data-testid="share-invalid">
          <h1 id="share-gone-title">This link does not work</h1>
          <p>
            The link may have been revoked by the person who shared it, may have expired, or may be mistyped.
            Ask them for a new link.
          </p>
        </section>
      );
    }
    return (
      <section aria-labelledby="share-error-title">
        <h1 id="share-error-title">Shared résumé</h1>
        <ErrorNotice title="The shared résumé could not be opened." summary={describeError(profile.error)} />
        <button type="button" className="button" onClick={() => void profile.refetch()}>
          Try again
        </button>
      </section>
    );
  }

  return (
    <article aria-labelledby="share-title" data-testid="public-ask-page">
      <h1 id="share-title" data-testid="public-name">
        {name ?? "Shared résumé"}
      </h1>
      {profile.data.headline ? (
        <p className="lead" data-testid="public-headline">
          {profile.data.headline}
        </p>
      ) : null}
      <ChatView transport={transport} subject={name ?? "this person"} suggestions={exampleQuestions} />
    </article>
  );
}

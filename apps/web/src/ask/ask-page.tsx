import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link, useParams } from "react-router";
import { usePageSubject } from "../app/page-title";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";
import { ChatView } from "./chat-view";
import { profileFactLabels } from "./fact-labels";
import { exampleQuestions } from "./suggestions";
import { useMemberAskTransport } from "./use-ask-transports";

/**
 * "Ask this résumé" (`/profiles/:profileId/ask`): a conversation about one profile. Sources lead back to
 * the profile page with the cited fact highlighted; the session is kept for the tab, so coming back
 * from a source restores the conversation.
 */
export function AskPage() {
  const { profileId = "" } = useParams();
  const trpc = useTRPC();
  const profile = useQuery(trpc.profiles.byId.queryOptions({ profileId }));
  const transport = useMemberAskTransport(profileId);
  const name = profile.data?.name ?? null;
  usePageSubject(name);
  const factLabels = useMemo(
    () => (profile.data === undefined ? undefined : profileFactLabels(profile.data)),
    [profile.data],
  );

  const heading = (
    <>
      <p className="breadcrumb">
        <Link to={`/profiles/${profileId}`}>← {name ?? "Profile"}</Link>
      </p>
      <h1 id="ask-title">{name === null ? "Ask this résumé" : `Ask about ${name}`}</h1>
      {profile.data?.headline ? <p className="lead">{profile.data.headline}</p> : null}
    </>
  );

  return (
    <article aria-labelledby="ask-title" data-testid="ask-page">
      {profile.isError ? (
        <>
          {heading}
          <ErrorNotice
            title="This profile could not be loaded."
            summary={describeError(profile.error)}
            testId="ask-profile-error"
          />
        </>
      ) : (
        // The heading waits for the profile and the turns for the history; both appear in one paint.
        <ChatView
          transport={transport}
          subject={name ?? "this person"}
          suggestions={exampleQuestions}
          factLabels={factLabels}
          heading={heading}
          isHeadingPending={profile.isPending}
        />
      )}
    </article>
  );
}

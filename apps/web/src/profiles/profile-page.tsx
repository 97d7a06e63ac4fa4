import { skipToken, useQuery } from "@tanstack/react-query";
import { Fragment, lazy, Suspense } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { usePageSubject } from "../app/page-title";
import { hasRoleAtLeast } from "../auth/roles";
import { roleOf, useSession } from "../auth/session";
import { DocumentWarnings } from "../documents/document-warnings-list";
import { ExportPanel } from "../exports/export-panel";
import { describeError } from "../lib/describe-error";
import { ErrorDetails } from "../lib/error-details";
import { ErrorNotice } from "../lib/error-notice";
import { useReveal } from "../lib/use-reveal";
import { profileMatchPath } from "../match/paths";
import { ReviewToggle } from "../review/review-toggle";
import { SavedNotice } from "../review/saved-notice";
import { ShareLinksPanel } from "../share-links/share-links-panel";
import { useTRPC } from "../trpc/client";
import { ExperienceTimeline } from "./experience-timeline";
import { ProfileHeader } from "./profile-header";
import { ProfileLineage } from "./profile-lineage";
import { EducationSection, LanguagesSection, ProjectsSection, SkillsSection } from "./profile-sections";
import { orderedSections } from "./section-order";
import { useFactHighlight } from "./use-fact-highlight";
import { useProfileUpdate } from "./use-profile-update";
import "./profiles.css";

// Only members who open the review need it (and its styles): reading the profile does not load them.
const ReviewView = lazy(async () => ({ default: (await import("../review/review-view")).ReviewView }));

/**
 * The profile parsed from a résumé (`/profiles/:profileId`). Members correct mistakes in place; each
 * correction shows at once and is rolled back, with the reason, if the server refuses it; the last one
 * saved can be undone ("Saved the headline · Undo"). Anyone who can
 * read it can ask it questions; members share it by link. `#fact-<id>` highlights a fact an answer cited.
 */
export function ProfilePage() {
  const { profileId = "" } = useParams();
  const trpc = useTRPC();
  const me = useSession();
  const canEdit = hasRoleAtLeast(roleOf(me), "member");
  const profile = useQuery(trpc.profiles.byId.queryOptions({ profileId }));
  // The profile is the largest tree in the app: its first render runs in slices, so it does not block input.
  const isRevealed = useReveal(profile.data !== undefined);
  const shown = isRevealed ? profile.data : undefined;
  // The warnings live on the document the profile was read from; without them the page stays as it is.
  const documentId = profile.data?.documentId;
  const source = useQuery(
    trpc.documents.byId.queryOptions(documentId === undefined ? skipToken : { documentId }),
  );
  const update = useProfileUpdate(profileId);
  const highlightedFactId = useFactHighlight(shown !== undefined);
  usePageSubject(profile.data?.name);
  const [searchParams] = useSearchParams();
  const isReviewing = canEdit && searchParams.has("review");

  return (
    <article aria-labelledby="profile-title" data-testid="profile-page">
      <div className="profile-toolbar">
        <p className="breadcrumb">
          <Link to="/documents">← Documents</Link>
        </p>
        {/* Shown while the profile loads too (the links need only its id), so the row has its final
            height from the first paint and the breadcrumb does not move when the profile arrives. */}
        {profile.isError ? null : (
          <>
            <Link
              to={`/profiles/${profileId}/ask`}
              className="button button-primary"
              data-testid="ask-profile"
            >
              Ask this résumé
            </Link>
            <Link to={profileMatchPath(profileId)} className="button" data-testid="match-profile">
              Match against a posting
            </Link>
            {canEdit ? <ReviewToggle isReviewing={isReviewing} /> : null}
          </>
        )}
      </div>
      {highlightedFactId !== null && shown !== undefined ? (
        <p className="notice fact-highlight-note" role="status" data-testid="fact-highlight-note">
          The highlighted fact is the one the answer cited.{" "}
          <Link to={`/profiles/${profileId}/ask`}>Back to the conversation</Link>
        </p>
      ) : null}
      {profile.isPending || (profile.data !== undefined && !isRevealed) ? (
        <p className="muted profile-loading" role="status">
          Loading profile…
        </p>
      ) : null}
      {profile.isError ? (
        <>
          <h1 id="profile-title">Profile</h1>
          <ErrorNotice
            title="This profile could not be loaded."
            summary={describeError(profile.error)}
            testId="profile-error"
          />
        </>
      ) : null}
      <div aria-live="polite" data-testid="profile-save-status">
        {update.lastError !== null ? (
          <div className="notice notice-error" role="alert">
            <p className="notice-title">Your correction was not saved, so the previous value is back.</p>
            <p>{update.lastError.message}</p>
            <ErrorDetails code={update.lastError.code} requestId={update.lastError.requestId} />
            <button type="button" className="button button-small" onClick={update.clearError}>
              Dismiss
            </button>
          </div>
        ) : null}
        {update.isSaving ? <p className="muted">Saving…</p> : null}
        {!update.isSaving && !isReviewing ? <SavedNotice undo={update.undo} /> : null}
      </div>
      {shown !== undefined && isReviewing ? (
        <>
          <h1 id="profile-title">Review {shown.name ?? "this profile"}</h1>
          <Suspense
            fallback={
              <p className="muted profile-loading" role="status">
                Loading the review…
              </p>
            }
          >
            <ReviewView profile={shown} />
          </Suspense>
        </>
      ) : null}
      {shown !== undefined && !isReviewing ? (
        <>
          <ProfileHeader
            profile={shown}
            canEdit={canEdit}
            onSave={update.save}
            highlightedFactId={highlightedFactId}
          />
          <ProfileLineage profile={shown} />
          <DocumentWarnings warnings={source.data?.warnings} headingLevel="h2" />
          {orderedSections(shown.sectionOrder).map((section) => (
            <Fragment key={section}>
              {section === "experiences" ? (
                <ExperienceTimeline
                  experiences={shown.experiences}
                  canEdit={canEdit}
                  onSave={(experience) => update.save({ experiences: [experience] })}
                  highlightedFactId={highlightedFactId}
                />
              ) : section === "skills" ? (
                <SkillsSection
                  skills={shown.skills}
                  highlightedFactId={highlightedFactId}
                  tailoredOrder={shown.source === "tailored"}
                />
              ) : section === "education" ? (
                <EducationSection education={shown.education} highlightedFactId={highlightedFactId} />
              ) : (
                <ProjectsSection projects={shown.projects} highlightedFactId={highlightedFactId} />
              )}
            </Fragment>
          ))}
          <LanguagesSection
            profileId={shown.id}
            languages={shown.languages}
            highlightedFactId={highlightedFactId}
          />
          <ExportPanel profileId={profileId} />
          {canEdit ? <ShareLinksPanel profileId={profileId} /> : null}
        </>
      ) : null}
    </article>
  );
}

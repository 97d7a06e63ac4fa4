import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";
import { matchViewPath } from "./paths";

// The picker offers the newest profiles; a workspace with more can start from the profile page instead.
const pickerLimit = 100;

/**
 * Choose one of the workspace's profiles to score against posting `postingId`. The API has no profile
 * list, so the choices are the ready documents of `documents.list`, each named by its file.
 */
export function ProfilePicker({ postingId }: { postingId: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const documents = useQuery(trpc.documents.list.queryOptions({ limit: pickerLimit }));
  const [profileId, setProfileId] = useState("");
  const choices = (documents.data?.items ?? []).flatMap((document) =>
    document.status === "ready" && document.profileId !== null
      ? [{ profileId: document.profileId, filename: document.filename }]
      : [],
  );
  const selected = profileId === "" ? (choices[0]?.profileId ?? "") : profileId;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (selected !== "") void navigate(matchViewPath(postingId, selected));
  };

  if (documents.isPending) {
    return (
      <p className="muted" role="status">
        Loading profiles…
      </p>
    );
  }
  if (documents.isError) {
    return <ErrorNotice title="The profiles could not be loaded." summary={describeError(documents.error)} />;
  }
  if (choices.length === 0) {
    return (
      <p data-testid="profile-picker-empty">
        No profiles yet. <Link to="/documents">Upload a résumé</Link> to score it against this posting.
      </p>
    );
  }
  return (
    <form className="form form-inline profile-picker" onSubmit={onSubmit} data-testid="profile-picker">
      <div className="field">
        <label htmlFor="match-profile">Profile (from résumé)</label>
        <select id="match-profile" value={selected} onChange={(event) => setProfileId(event.target.value)}>
          {choices.map((choice) => (
            <option key={choice.profileId} value={choice.profileId}>
              {choice.filename}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button-primary" data-testid="match-profile-submit">
        Score this profile
      </button>
    </form>
  );
}

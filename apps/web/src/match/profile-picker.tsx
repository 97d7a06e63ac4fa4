import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { type FormEvent, useDeferredValue, useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { roleLine } from "../documents/person-cell";
import { describeError } from "../lib/describe-error";
import { ErrorNotice } from "../lib/error-notice";
import { useTRPC } from "../trpc/client";
import { matchViewPath } from "./paths";

// The picker offers the newest matching profiles; searching narrows a larger workspace down.
const pickerLimit = 50;

/**
 * Choose one of the workspace's profiles to score against posting `postingId`: each choice is a person
 * (name, current role) with the file as detail, and the search box finds people by name, role or skill
 * (`documents.list`'s full-text `query`, ready documents only). Radio buttons, so the keyboard and
 * screen readers treat it as the one-of-many choice it is.
 */
export function ProfilePicker({ postingId }: { postingId: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const ids = useId();
  const [search, setSearch] = useState("");
  const query = useDeferredValue(search.trim());
  const documents = useQuery(
    trpc.documents.list.queryOptions(
      { limit: pickerLimit, statuses: ["ready"], ...(query === "" ? {} : { query }) },
      { placeholderData: keepPreviousData },
    ),
  );
  const [profileId, setProfileId] = useState("");
  const choices = (documents.data?.items ?? []).flatMap((document) =>
    document.profileId === null
      ? []
      : [{ profileId: document.profileId, filename: document.filename, person: document.person }],
  );
  const selected = choices.some((choice) => choice.profileId === profileId)
    ? profileId
    : (choices[0]?.profileId ?? "");

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
  if (choices.length === 0 && query === "") {
    return (
      <p data-testid="profile-picker-empty">
        No profiles yet. <Link to="/documents">Upload a résumé</Link> to score it against this posting.
      </p>
    );
  }
  return (
    <form className="form profile-picker" onSubmit={onSubmit} data-testid="profile-picker">
      <div className="field">
        <label htmlFor={`${ids}-search`}>Find a person</label>
        <input
          id={`${ids}-search`}
          type="search"
          value={search}
          placeholder="Name, role or skill"
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <fieldset className="profile-choices">
        <legend>Profile to score</legend>
        {choices.length === 0 ? (
          <p className="muted" role="status" data-testid="profile-picker-none">
            No one matches “{query}”.
          </p>
        ) : (
          <ul className="profile-choice-list">
            {choices.map((choice) => {
              const role = roleLine(choice.person);
              return (
                <li key={choice.profileId}>
                  <label className="profile-choice" data-testid="profile-choice">
                    <input
                      type="radio"
                      name={`${ids}-profile`}
                      value={choice.profileId}
                      checked={choice.profileId === selected}
                      onChange={() => setProfileId(choice.profileId)}
                    />
                    <span className="profile-choice-text">
                      <span className="profile-choice-name">{choice.person?.name ?? "Name not found"}</span>
                      {role !== null ? <span className="profile-choice-role">{role}</span> : null}
                      <span className="muted profile-choice-file">{choice.filename}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
      </fieldset>
      <button
        type="submit"
        className="button button-primary"
        disabled={selected === ""}
        data-testid="match-profile-submit"
      >
        Score this profile
      </button>
    </form>
  );
}

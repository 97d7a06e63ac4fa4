import { useState } from "react";
import { factTargetProps } from "../ask/fact-anchors";
import type { ProfileView } from "../documents/types";
import { ExperienceEditor } from "./experience-editor";
import type { ExperiencePatch } from "./profile-patch";
import { formatDateRange, newestFirst } from "./year-month";

type Experience = ProfileView["experiences"][number];

interface ExperienceTimelineProps {
  experiences: readonly Experience[];
  canEdit: boolean;
  onSave: (patch: ExperiencePatch) => void;
  /** The fact a source link points at (`#fact-<id>`), shown highlighted. */
  highlightedFactId?: string | null;
}

/** Work history, newest first, with the role's dates, place, bullets and technologies. */
export function ExperienceTimeline({
  experiences,
  canEdit,
  onSave,
  highlightedFactId = null,
}: ExperienceTimelineProps) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const ordered = newestFirst(experiences);

  return (
    <section className="panel" aria-labelledby="experience-title" data-testid="profile-experience">
      <h2 id="experience-title">Experience</h2>
      {ordered.length === 0 ? <p className="muted">No experience found in this résumé.</p> : null}
      <ol className="timeline">
        {ordered.map((experience) => {
          const span = formatDateRange(experience.start, experience.end);
          return (
            <li
              key={experience.id}
              {...factTargetProps(experience.id, highlightedFactId, "timeline-item")}
              data-testid="experience-item"
            >
              {editingId === experience.id ? (
                <ExperienceEditor
                  experience={experience}
                  onSave={onSave}
                  onClose={() => setEditingId(null)}
                />
              ) : (
                <>
                  <div className="timeline-heading">
                    <h3>
                      <span data-testid="experience-title">{experience.title}</span>
                      <span className="muted"> at </span>
                      <span data-testid="experience-company">{experience.company}</span>
                    </h3>
                    {canEdit ? (
                      <button
                        type="button"
                        className="button-link"
                        onClick={() => setEditingId(experience.id)}
                      >
                        Edit
                        <span className="visually-hidden">
                          {" "}
                          {experience.title} at {experience.company}
                        </span>
                      </button>
                    ) : null}
                  </div>
                  <p className="timeline-meta">
                    {span === "" ? (
                      <span>Dates not given</span>
                    ) : (
                      <span data-testid="experience-dates">{span}</span>
                    )}
                    {experience.location !== null ? <span> · {experience.location}</span> : null}
                  </p>
                  {experience.bullets.length > 0 ? (
                    <ul className="timeline-bullets">
                      {experience.bullets.map((bullet, index) => (
                        // Bullets are free text and may repeat; their position is their identity.
                        <li key={index}>{bullet}</li>
                      ))}
                    </ul>
                  ) : null}
                  {experience.technologies.length > 0 ? (
                    <ul className="tag-list chip-list" aria-label="Technologies">
                      {experience.technologies.map((technology) => (
                        <li key={technology} className="chip">
                          {technology}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

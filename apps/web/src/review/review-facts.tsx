import type { ProfilePatch, ProfileView } from "../documents/types";
import { formatDateRange } from "../profiles/year-month";
import { type EntryField, EntryForm, type EntryValues, linesOf, textOrNull } from "./entry-form";
import type { ReviewSave } from "./use-review-save";

const roleFields: EntryField[] = [
  { name: "title", label: "Title", kind: "text", isRequired: true },
  { name: "company", label: "Company", kind: "text", isRequired: true },
  { name: "start", label: "Start", kind: "month" },
  { name: "end", label: "End", kind: "month" },
  { name: "current", label: "Works here now", kind: "current" },
  { name: "bullets", label: "What they did (one per line)", kind: "lines" },
];

const schoolFields: EntryField[] = [
  { name: "school", label: "School", kind: "text", isRequired: true },
  { name: "degree", label: "Degree", kind: "text" },
  { name: "field", label: "Field of study", kind: "text" },
  { name: "start", label: "Start", kind: "month" },
  { name: "end", label: "End", kind: "month" },
];

const projectFields: EntryField[] = [
  { name: "name", label: "Project name", kind: "text", isRequired: true },
  { name: "description", label: "Description", kind: "lines" },
  { name: "url", label: "Link", kind: "text" },
];

type Role = ProfileView["experiences"][number];

function roleValues(role: Role): EntryValues {
  return {
    title: role.title,
    company: role.company,
    start: role.start ?? "",
    end: role.end === "present" ? "" : (role.end ?? ""),
    current: role.end === "present",
    bullets: role.bullets.join("\n"),
  };
}

function roleOf(values: EntryValues) {
  return {
    title: String(values.title).trim(),
    company: String(values.company).trim(),
    start: textOrNull(values.start),
    end: values.current === true ? "present" : textOrNull(values.end),
    bullets: linesOf(values.bullets),
  };
}

/** `ids` with the entry at `index` moved by `step` (−1 up, +1 down). */
export function moved(ids: readonly string[], index: number, step: -1 | 1): string[] {
  const next = [...ids];
  const target = index + step;
  const [entry] = next.splice(index, 1);
  if (entry === undefined || target < 0 || target > ids.length - 1) return [...ids];
  next.splice(target, 0, entry);
  return next;
}

function EntryActions({
  index,
  count,
  name,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  name: string;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <>
      <button type="button" className="button button-small" disabled={index === 0} onClick={() => onMove(-1)}>
        Move up<span className="visually-hidden"> {name}</span>
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        Move down<span className="visually-hidden"> {name}</span>
      </button>
      <button type="button" className="button button-small button-danger-outline" onClick={onRemove}>
        Remove<span className="visually-hidden"> {name}</span>
      </button>
    </>
  );
}

/** Every role, editable in place (all fields and bullets), with moving, removing and adding roles. */
export function ReviewRoles({ profile, review }: { profile: ProfileView; review: ReviewSave }) {
  const ids = profile.experiences.map((role) => role.id);
  const save = (patch: ProfilePatch, label: string) => review.save(patch, label);
  return (
    <section className="panel review-section" aria-labelledby="review-roles-title" data-testid="review-roles">
      <h2 id="review-roles-title">Experience</h2>
      <ol className="review-entries">
        {profile.experiences.map((role, index) => {
          const name = `${role.title} at ${role.company}`;
          return (
            <li key={`${role.id}:${JSON.stringify(role)}`} id={`review-${role.id}`} data-testid="review-role">
              <EntryForm
                label={`Role: ${name}`}
                fields={roleFields}
                initial={roleValues(role)}
                submitLabel="Save role"
                source={`${role.title} ${role.company} ${formatDateRange(role.start, role.end)}`}
                onSubmit={(values) =>
                  save({ experiences: [{ id: role.id, ...roleOf(values) }] }, `Saved ${name}`)
                }
                actions={
                  <EntryActions
                    index={index}
                    count={ids.length}
                    name={name}
                    onMove={(step) =>
                      void save({ order: { experiences: moved(ids, index, step) } }, `Moved ${name}`)
                    }
                    onRemove={() => void save({ remove: { experiences: [role.id] } }, `Removed ${name}`)}
                  />
                }
              />
            </li>
          );
        })}
      </ol>
      <details className="review-add">
        <summary>Add a role</summary>
        <EntryForm
          label="New role"
          fields={roleFields}
          initial={{ title: "", company: "", start: "", end: "", current: false, bullets: "" }}
          submitLabel="Add role"
          onSubmit={(values) =>
            save({ add: { experiences: [roleOf(values)] } }, `Added ${String(values.title)}`)
          }
        />
      </details>
    </section>
  );
}

/** Schools and projects, editable, removable and addable. */
export function ReviewEducationAndProjects({
  profile,
  review,
}: {
  profile: ProfileView;
  review: ReviewSave;
}) {
  return (
    <>
      <section
        className="panel review-section"
        aria-labelledby="review-education-title"
        data-testid="review-education"
      >
        <h2 id="review-education-title">Education</h2>
        <ol className="review-entries">
          {profile.education.map((school) => (
            <li key={`${school.id}:${JSON.stringify(school)}`}>
              <EntryForm
                label={`School: ${school.school}`}
                fields={schoolFields}
                initial={{
                  school: school.school,
                  degree: school.degree ?? "",
                  field: school.field ?? "",
                  start: school.start ?? "",
                  end: school.end ?? "",
                }}
                submitLabel="Save school"
                source={[school.school, school.degree, school.field].filter(Boolean).join(" ")}
                onSubmit={(values) =>
                  review.save(
                    {
                      education: [
                        {
                          id: school.id,
                          school: String(values.school).trim(),
                          degree: textOrNull(values.degree),
                          field: textOrNull(values.field),
                          start: textOrNull(values.start),
                          end: textOrNull(values.end),
                        },
                      ],
                    },
                    `Saved ${school.school}`,
                  )
                }
                actions={
                  <button
                    type="button"
                    className="button button-small button-danger-outline"
                    onClick={() =>
                      void review.save({ remove: { education: [school.id] } }, `Removed ${school.school}`)
                    }
                  >
                    Remove<span className="visually-hidden"> {school.school}</span>
                  </button>
                }
              />
            </li>
          ))}
        </ol>
        <details className="review-add">
          <summary>Add a school</summary>
          <EntryForm
            label="New school"
            fields={schoolFields}
            initial={{ school: "", degree: "", field: "", start: "", end: "" }}
            submitLabel="Add school"
            onSubmit={(values) =>
              review.save(
                {
                  add: {
                    education: [
                      {
                        school: String(values.school).trim(),
                        degree: textOrNull(values.degree),
                        field: textOrNull(values.field),
                        start: textOrNull(values.start),
                        end: textOrNull(values.end),
                      },
                    ],
                  },
                },
                `Added ${String(values.school)}`,
              )
            }
          />
        </details>
      </section>
      <section
        className="panel review-section"
        aria-labelledby="review-projects-title"
        data-testid="review-projects"
      >
        <h2 id="review-projects-title">Projects</h2>
        <ol className="review-entries">
          {profile.projects.map((project) => (
            <li key={`${project.id}:${JSON.stringify(project)}`}>
              <EntryForm
                label={`Project: ${project.name}`}
                fields={projectFields}
                initial={{
                  name: project.name,
                  description: project.description ?? "",
                  url: project.url ?? "",
                }}
                submitLabel="Save project"
                source={`${project.name} ${project.description ?? ""}`}
                onSubmit={(values) =>
                  review.save(
                    {
                      projects: [
                        {
                          id: project.id,
                          name: String(values.name).trim(),
                          description: textOrNull(values.description),
                          url: textOrNull(values.url),
                        },
                      ],
                    },
                    `Saved ${project.name}`,
                  )
                }
                actions={
                  <button
                    type="button"
                    className="button button-small button-danger-outline"
                    onClick={() =>
                      void review.save({ remove: { projects: [project.id] } }, `Removed ${project.name}`)
                    }
                  >
                    Remove<span className="visually-hidden"> {project.name}</span>
                  </button>
                }
              />
            </li>
          ))}
        </ol>
        <details className="review-add">
          <summary>Add a project</summary>
          <EntryForm
            label="New project"
            fields={projectFields}
            initial={{ name: "", description: "", url: "" }}
            submitLabel="Add project"
            onSubmit={(values) =>
              review.save(
                {
                  add: {
                    projects: [
                      {
                        name: String(values.name).trim(),
                        description: textOrNull(values.description),
                        url: textOrNull(values.url),
                      },
                    ],
                  },
                },
                `Added ${String(values.name)}`,
              )
            }
          />
        </details>
      </section>
    </>
  );
}

import type { ProfileView } from "../documents/types";
import { RemoveButton } from "./entry-actions";
import { EntryForm } from "./entry-form";
import {
  projectFields,
  projectOf,
  projectValues,
  schoolFields,
  schoolOf,
  schoolValues,
} from "./entry-values";
import type { ReviewSave } from "./use-review-save";

/** Every school, editable in place, removable, and a form to add one. */
export function ReviewSchools({ profile, review }: { profile: ProfileView; review: ReviewSave }) {
  return (
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
              initial={schoolValues(school)}
              submitLabel="Save school"
              source={[school.school, school.degree, school.field].filter(Boolean).join(" ")}
              onSubmit={(values) =>
                review.save({ education: [{ id: school.id, ...schoolOf(values) }] }, `Saved ${school.school}`)
              }
              actions={
                <RemoveButton
                  name={school.school}
                  onRemove={() =>
                    void review.save({ remove: { education: [school.id] } }, `Removed ${school.school}`)
                  }
                />
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
            review.save({ add: { education: [schoolOf(values)] } }, `Added ${String(values.school)}`)
          }
        />
      </details>
    </section>
  );
}

/** Every project, editable in place, removable, and a form to add one. */
export function ReviewProjects({ profile, review }: { profile: ProfileView; review: ReviewSave }) {
  return (
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
              initial={projectValues(project)}
              submitLabel="Save project"
              source={`${project.name} ${project.description ?? ""}`}
              onSubmit={(values) =>
                review.save({ projects: [{ id: project.id, ...projectOf(values) }] }, `Saved ${project.name}`)
              }
              actions={
                <RemoveButton
                  name={project.name}
                  onRemove={() =>
                    void review.save({ remove: { projects: [project.id] } }, `Removed ${project.name}`)
                  }
                />
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
            review.save({ add: { projects: [projectOf(values)] } }, `Added ${String(values.name)}`)
          }
        />
      </details>
    </section>
  );
}

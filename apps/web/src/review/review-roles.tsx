import type { ProfilePatch, ProfileView } from "../documents/types";
import { formatDateRange } from "../profiles/year-month";
import { EntryActions } from "./entry-actions";
import { EntryForm } from "./entry-form";
import { moved, roleFields, roleOf, roleValues } from "./entry-values";
import type { ReviewSave } from "./use-review-save";

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

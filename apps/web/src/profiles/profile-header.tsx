import { factTargetProps } from "../ask/fact-anchors";
import type { ProfileView } from "../documents/types";
import { EditableText } from "./editable-text";
import { normaliseText, type ProfilePatchInput } from "./profile-patch";
import { safeHref } from "./safe-href";

interface ProfileHeaderProps {
  profile: ProfileView;
  canEdit: boolean;
  onSave: (patch: ProfilePatchInput) => void;
  highlightedFactId?: string | null;
}

function ReadOnly({ value }: { value: string | null }) {
  return value === null || value === "" ? <span className="muted">Not given</span> : <span>{value}</span>;
}

/** Name, headline, summary and contact details; each top-level field is editable in place for members. */
export function ProfileHeader({ profile, canEdit, onSave, highlightedFactId = null }: ProfileHeaderProps) {
  const name = profile.name ?? "Unnamed candidate";
  const contactFields = [
    { key: "email", label: "Email", type: "email", value: profile.contact.email, maxLength: 320 },
    { key: "phone", label: "Phone", type: "tel", value: profile.contact.phone, maxLength: 50 },
    { key: "location", label: "Location", type: "text", value: profile.contact.location, maxLength: 200 },
  ] as const;

  return (
    <header className="profile-header panel" data-testid="profile-header">
      {canEdit ? (
        <EditableText
          label="name"
          value={profile.name}
          maxLength={200}
          display={
            <h1 id="profile-title" data-testid="profile-name">
              {name}
            </h1>
          }
          onSave={(next) => onSave({ name: normaliseText(next) })}
          testId="edit-name"
        />
      ) : (
        <h1 id="profile-title" data-testid="profile-name">
          {name}
        </h1>
      )}
      <div className="profile-headline" data-testid="profile-headline">
        {canEdit ? (
          <EditableText
            label="headline"
            value={profile.headline}
            maxLength={300}
            onSave={(next) => onSave({ headline: normaliseText(next) })}
          />
        ) : (
          <ReadOnly value={profile.headline} />
        )}
      </div>
      <dl {...factTargetProps(`${profile.id}:contact`, highlightedFactId, "profile-contact")}>
        {contactFields.map((field) => (
          <div key={field.key}>
            <dt>{field.label}</dt>
            <dd>
              {canEdit ? (
                <EditableText
                  label={field.label.toLowerCase()}
                  type={field.type}
                  value={field.value}
                  onSave={(next) => onSave({ [field.key]: normaliseText(next) })}
                  maxLength={field.maxLength}
                />
              ) : (
                <ReadOnly value={field.value} />
              )}
            </dd>
          </div>
        ))}
        {profile.contact.links.length > 0 ? (
          <div>
            <dt>Links</dt>
            <dd>
              <ul className="tag-list">
                {profile.contact.links.map((link) => {
                  const href = safeHref(link);
                  return (
                    <li key={link}>
                      {href === null ? (
                        link
                      ) : (
                        <a href={href} rel="noopener noreferrer nofollow" target="_blank">
                          {link}
                        </a>
                      )}
                    </li>
                  );
                })}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      {profile.summary !== null || canEdit ? (
        <div {...factTargetProps(`${profile.id}:summary`, highlightedFactId, "profile-summary")}>
          <h2 className="visually-hidden">Summary</h2>
          {canEdit ? (
            <EditableText
              label="summary"
              value={profile.summary}
              maxLength={5000}
              onSave={(next) => onSave({ summary: normaliseText(next) })}
            />
          ) : (
            <p>{profile.summary}</p>
          )}
        </div>
      ) : null}
    </header>
  );
}

import { factTargetProps } from "../ask/fact-anchors";
import type { ProfileView } from "../documents/types";
import { safeHref } from "./safe-href";
import { categoryLabel, groupSkills, orderedSkills } from "./skill-groups";
import { formatDateRange, yearOnlyIfJanuary } from "./year-month";

/**
 * Skills grouped by taxonomy category, each shown by its canonical name — or, for a tailored version
 * (`tailoredOrder`), as one list in the order tailoring chose, most relevant to the posting first.
 */
export function SkillsSection({
  skills,
  highlightedFactId = null,
  tailoredOrder = false,
}: {
  skills: ProfileView["skills"];
  highlightedFactId?: string | null;
  tailoredOrder?: boolean;
}) {
  if (tailoredOrder && skills.length > 0) {
    return (
      <section className="panel" aria-labelledby="skills-title" data-testid="profile-skills">
        <h2 id="skills-title">Skills</h2>
        <p className="muted">In the order tailored for the posting, most relevant first.</p>
        <ol className="tag-list chip-list skill-order" data-testid="tailored-skill-order">
          {orderedSkills(skills).map((skill) => (
            <li
              key={skill.name}
              {...factTargetProps(skill.id, highlightedFactId, "chip")}
              title={`${categoryLabel(skill.category)}${skill.raw !== skill.name ? ` · written as “${skill.raw}”` : ""}`}
            >
              {skill.name}
            </li>
          ))}
        </ol>
      </section>
    );
  }
  const groups = groupSkills(skills);
  return (
    <section className="panel" aria-labelledby="skills-title" data-testid="profile-skills">
      <h2 id="skills-title">Skills</h2>
      {groups.length === 0 ? <p className="muted">No skills found in this résumé.</p> : null}
      <dl className="skill-groups">
        {groups.map((group) => (
          <div key={group.label} className="skill-group">
            <dt>{group.label}</dt>
            <dd>
              <ul className="tag-list chip-list">
                {group.skills.map((skill) => (
                  <li
                    key={skill.name}
                    {...factTargetProps(skill.id, highlightedFactId, "chip")}
                    title={skill.raw !== skill.name ? `Written as “${skill.raw}”` : undefined}
                  >
                    {skill.name}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function EducationSection({
  education,
  highlightedFactId = null,
}: {
  education: ProfileView["education"];
  highlightedFactId?: string | null;
}) {
  return (
    <section className="panel" aria-labelledby="education-title" data-testid="profile-education">
      <h2 id="education-title">Education</h2>
      {education.length === 0 ? <p className="muted">No education found in this résumé.</p> : null}
      <ul className="fact-list">
        {education.map((entry) => {
          const degree = [entry.degree, entry.field]
            .filter((part) => part !== null && part !== "")
            .join(", ");
          const span = formatDateRange(entry.start, entry.end, {
            start: yearOnlyIfJanuary(entry.start),
            end: yearOnlyIfJanuary(entry.end),
          });
          return (
            <li key={entry.id} {...factTargetProps(entry.id, highlightedFactId)}>
              <strong>{entry.school}</strong>
              {degree !== "" ? <span> — {degree}</span> : null}
              {span !== "" ? <span className="muted"> · {span}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ProjectsSection({
  projects,
  highlightedFactId = null,
}: {
  projects: ProfileView["projects"];
  highlightedFactId?: string | null;
}) {
  return (
    <section className="panel" aria-labelledby="projects-title" data-testid="profile-projects">
      <h2 id="projects-title">Projects</h2>
      {projects.length === 0 ? <p className="muted">No projects found in this résumé.</p> : null}
      <ul className="fact-list">
        {projects.map((project) => {
          const href = project.url === null ? null : safeHref(project.url);
          return (
            <li key={project.id} {...factTargetProps(project.id, highlightedFactId)}>
              <strong>
                {href === null ? (
                  project.name
                ) : (
                  <a href={href} rel="noopener noreferrer nofollow" target="_blank">
                    {project.name}
                  </a>
                )}
              </strong>
              {project.description !== null ? <p className="fact-detail">{project.description}</p> : null}
              {project.technologies.length > 0 ? (
                <ul className="tag-list chip-list" aria-label="Technologies">
                  {project.technologies.map((technology) => (
                    <li key={technology} className="chip">
                      {technology}
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Spoken languages with their levels as written; the section is one citable fact (`<profileId>:languages`). */
export function LanguagesSection({
  profileId,
  languages,
  highlightedFactId = null,
}: {
  profileId: string;
  languages: ProfileView["languages"];
  highlightedFactId?: string | null;
}) {
  if (languages.length === 0) return null;
  return (
    <section
      aria-labelledby="languages-title"
      data-testid="profile-languages"
      {...factTargetProps(`${profileId}:languages`, highlightedFactId, "panel")}
    >
      <h2 id="languages-title">Languages</h2>
      <ul className="tag-list chip-list">
        {languages.map((spoken) => (
          <li key={spoken.name} className="chip">
            {spoken.level ? `${spoken.name} (${spoken.level})` : spoken.name}
          </li>
        ))}
      </ul>
    </section>
  );
}

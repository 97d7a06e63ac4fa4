import { type FormEvent, useId, useState } from "react";
import type { ProfileView } from "../documents/types";
import type { ReviewSave } from "./use-review-save";

/** "French (C1)" → { name: "French", level: "C1" }; a line without a level in brackets has none. */
export function parseLanguageLine(line: string): { name: string; level: string | null } {
  const match = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(line.trim());
  if (match === null) return { name: line.trim(), level: null };
  const level = (match[2] ?? "").trim();
  return { name: (match[1] ?? "").trim(), level: level === "" ? null : level };
}

/** Skills (remove one, add one) and spoken languages (one per line, level in brackets). */
export function ReviewSkillsAndLanguages({ profile, review }: { profile: ProfileView; review: ReviewSave }) {
  const id = useId();
  const [newSkill, setNewSkill] = useState("");
  const [languages, setLanguages] = useState(
    profile.languages
      .map((spoken) => (spoken.level ? `${spoken.name} (${spoken.level})` : spoken.name))
      .join("\n"),
  );

  const addSkill = async (event: FormEvent) => {
    event.preventDefault();
    const name = newSkill.trim();
    if (name === "") return;
    if (await review.save({ add: { skills: [name] } }, `Added the skill ${name}`)) setNewSkill("");
  };
  const saveLanguages = (event: FormEvent) => {
    event.preventDefault();
    const list = languages
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map(parseLanguageLine)
      .filter((spoken) => spoken.name !== "");
    void review.save({ languages: list }, "Saved the languages");
  };

  return (
    <section
      className="panel review-section"
      aria-labelledby="review-skills-title"
      data-testid="review-skills"
    >
      <h2 id="review-skills-title">Skills</h2>
      <ul className="tag-list chip-list review-skill-list">
        {profile.skills.map((skill) => (
          <li key={skill.id} className="chip" data-source={skill.raw}>
            {skill.name}
            <button
              type="button"
              className="chip-remove"
              onClick={() =>
                void review.save({ remove: { skills: [skill.id] } }, `Removed the skill ${skill.name}`)
              }
            >
              <span aria-hidden="true">×</span>
              <span className="visually-hidden">Remove the skill {skill.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-edit" onSubmit={(event) => void addSkill(event)}>
        <label htmlFor={`${id}-skill`}>Add a skill</label>
        <input
          id={`${id}-skill`}
          value={newSkill}
          maxLength={100}
          onChange={(event) => setNewSkill(event.target.value)}
        />
        <button type="submit" className="button button-small">
          Add
        </button>
      </form>
      <h2 id={`${id}-languages-title`}>Languages</h2>
      <form className="entry-form" onSubmit={saveLanguages} aria-labelledby={`${id}-languages-title`}>
        <div className="field entry-wide">
          <label htmlFor={`${id}-languages`}>One per line, the level in brackets: “French (C1)”</label>
          <textarea
            id={`${id}-languages`}
            rows={3}
            value={languages}
            onChange={(event) => setLanguages(event.target.value)}
          />
        </div>
        <div className="actions entry-wide">
          <button type="submit" className="button button-small button-primary">
            Save languages
          </button>
        </div>
      </form>
    </section>
  );
}

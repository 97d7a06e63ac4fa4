interface LabelledProfile {
  id: string;
  experiences: ReadonlyArray<{ id: string; title: string; company: string }>;
  education: ReadonlyArray<{ id: string; school: string }>;
  projects: ReadonlyArray<{ id: string; name: string }>;
  skills: ReadonlyArray<{ id: string; name: string }>;
}

/**
 * A readable name for each fact of a profile. Stored turns (`chat.history`) keep only a source's fact id
 * and kind, so restored answers take their source labels from here.
 */
export function profileFactLabels(profile: LabelledProfile): ReadonlyMap<string, string> {
  const labels = new Map<string, string>([
    [`${profile.id}:summary`, "Summary"],
    [`${profile.id}:contact`, "Contact details"],
  ]);
  for (const entry of profile.experiences) labels.set(entry.id, `${entry.title} at ${entry.company}`);
  for (const entry of profile.education) labels.set(entry.id, entry.school);
  for (const entry of profile.projects) labels.set(entry.id, entry.name);
  for (const entry of profile.skills) labels.set(entry.id, entry.name);
  return labels;
}

import {
  applyChanges,
  extractRequirements,
  type MatchProfile,
  proposeChanges,
  scoreProfile,
  verifyChanges,
} from "./src/index";

const posting = `Backend Engineer
Requirements:
- 3+ years with Golang
- PostgreSQL
- Fluent English
Nice to have:
- k8s`;

const profile: MatchProfile = {
  id: "p1",
  name: "Ana",
  headline: null,
  summary: "Backend engineer. Fluent in English.",
  contact: { email: null, phone: null, location: null, links: [] },
  experiences: [
    {
      id: "e1",
      company: "Paylane",
      title: "Software Engineer",
      start: "2021-03",
      end: "present",
      location: null,
      bullets: ["Ran the book club", "Built payment services in Go on PostgreSQL"],
      technologies: ["Go", "PostgreSQL"],
    },
  ],
  education: [],
  projects: [],
  skills: [{ id: "s1", name: "Go", category: "language", raw: "Golang" }],
};

const today = new Date();
const requirements = extractRequirements(posting);
const score = scoreProfile(profile, requirements, { today });
const changes = proposeChanges(profile, requirements);
const invented = {
  id: "x1",
  path: "experiences/e1/bullets/1",
  action: "replace" as const,
  original: "Built payment services in Go on PostgreSQL",
  value: "Built payment services in Go on Kubernetes for 2 million users",
  reason: "LLM suggestion",
  requirementIds: [],
};
const applied = applyChanges(profile, [...changes, invented], { requirements, today });

const show = (label: string, value: unknown) =>
  process.stdout.write(`${label}: ${JSON.stringify(value, null, 2)}\n`);
show(
  "requirements",
  requirements.map(({ id, kind, weight, canonical, span }) => ({ id, kind, weight, canonical, span })),
);
show("score", { score: score.score, scorerVersion: score.scorerVersion, breakdown: score.breakdown });
show(
  "statuses",
  score.requirements.map(({ requirementId, status, evidence }) => ({ requirementId, status, evidence })),
);
show("proposed", changes);
show(
  "verifier on the invented change",
  verifyChanges(profile, [invented]).rejected.map(({ code, detail }) => ({ code, detail })),
);
show("applied", {
  bullets: applied.profile.experiences[0]?.bullets,
  scoreBefore: applied.scoreBefore,
  scoreAfter: applied.scoreAfter,
});

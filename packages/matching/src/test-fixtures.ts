import type { MatchProfile } from "./types";

/** A small profile for unit tests; override any field. */
export function testProfile(overrides: Partial<MatchProfile> = {}): MatchProfile {
  return {
    id: "p",
    name: "Ana",
    headline: "Backend engineer",
    summary: "Backend engineer building payment systems. Fluent in English.",
    contact: { email: null, phone: null, location: null, links: [] },
    experiences: [
      {
        id: "e1",
        company: "Paylane",
        title: "Senior Software Engineer",
        start: "2021-03",
        end: "present",
        location: null,
        bullets: [
          "Organised the office book club",
          "Built payment services in Go running on Kubernetes",
          "Cut p99 latency by 40% by redesigning PostgreSQL indexes",
          "Ran the summer party",
          "Migrated 30,000 customer records",
        ],
        technologies: ["Go", "Kubernetes", "PostgreSQL"],
      },
      {
        id: "e2",
        company: "Shopwise",
        title: "Software Engineer",
        start: "2018-01",
        end: "2021-06",
        location: null,
        bullets: ["Developed REST APIs in Python"],
        technologies: ["Python"],
      },
    ],
    education: [
      {
        id: "ed1",
        school: "TU Berlin",
        degree: "BSc",
        field: "Computer Science",
        start: "2014-10",
        end: "2017-09",
      },
    ],
    projects: [
      {
        id: "pr1",
        name: "Recipe app",
        description: "A recipe app in Vue.js",
        url: null,
        technologies: ["Vue.js"],
      },
      {
        id: "pr2",
        name: "Ledger",
        description: "A Go ledger on PostgreSQL",
        url: null,
        technologies: ["Go"],
      },
    ],
    skills: [
      { id: "s1", name: "Python", category: "language", raw: "Python" },
      { id: "s2", name: "Go", category: "language", raw: "Golang" },
      { id: "s3", name: "Kubernetes", category: "devops", raw: "k8s" },
    ],
    ...overrides,
  };
}

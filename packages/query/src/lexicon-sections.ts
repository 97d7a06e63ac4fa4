/**
 * Résumé sections a question can ask about without naming a role, school or technology, with the words a
 * question uses for each and the words that show it elsewhere on a résumé. Folded, matched as word prefixes
 * (see `lexicon.ts`). Pure data; `topics.ts` compiles it once.
 */
export const sections: ReadonlyArray<{
  key: SectionKey;
  label: string;
  asked: string[];
  evidence: string[];
}> = [
  {
    key: "publications",
    label: "publications",
    asked: ["publication", "publications", "papers", "paper", "published", "publish", "journal", "articles"],
    evidence: [
      "publication",
      "paper",
      "published",
      "journal",
      "proceedings",
      "icml",
      "neurips",
      "iclr",
      "cvpr",
    ],
  },
  {
    key: "awards",
    label: "awards",
    asked: [
      "award",
      "awards",
      "prize",
      "prizes",
      "honours",
      "honors",
      "fellowship",
      "won",
      "win",
      "medal",
      "competitions",
      "competition",
    ],
    evidence: [
      "award",
      "prize",
      "honour",
      "honor",
      "fellowship",
      "winner",
      "won ",
      "medal",
      "finalist",
      "grandmaster",
      "scholarship",
    ],
  },
  {
    key: "certifications",
    label: "certifications",
    asked: [
      "certified",
      "certification",
      "certifications",
      "certificate",
      "certificates",
      "licence",
      "license",
    ],
    evidence: ["certif", "licen", "accredit"],
  },
  {
    key: "teaching",
    label: "teaching",
    asked: [
      "teach",
      "teaches",
      "teaching",
      "taught",
      "lecture",
      "lectures",
      "lecturer",
      "tutor",
      "tutoring",
      "courses",
    ],
    evidence: ["teach", "taught", "lectur", "tutor", "course", "instructor", "teaching assistant"],
  },
  {
    key: "volunteering",
    label: "volunteering",
    asked: [
      "volunteer",
      "volunteers",
      "volunteering",
      "volunteered",
      "charity",
      "charities",
      "non-profit",
      "nonprofit",
      "pro bono",
      "community work",
    ],
    evidence: ["volunteer", "charit", "non-profit", "nonprofit", "ngo", "pro bono"],
  },
];

export type SectionKey = "publications" | "awards" | "certifications" | "teaching" | "volunteering";

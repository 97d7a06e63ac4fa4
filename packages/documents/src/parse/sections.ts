import type { ResumeLine } from "./lines";

export type SectionKind =
  | "summary"
  | "experience"
  | "education"
  | "projects"
  | "skills"
  | "languages"
  | "certifications"
  | "awards"
  | "publications"
  | "volunteering"
  | "other";

export interface Section {
  kind: SectionKind | "header";
  lines: ResumeLine[];
}

// Normalised heading texts (lowercase, "&" → "and", letters and spaces only).
const headings: Readonly<Record<Exclude<SectionKind, "other">, readonly string[]>> = {
  summary: [
    "summary",
    "professional summary",
    "career summary",
    "executive summary",
    "profile",
    "professional profile",
    "about",
    "about me",
    "objective",
    "career objective",
    "overview",
    "personal statement",
    "introduction",
    "perfil",
    "perfil profesional",
    "resumen",
    "sobre mi",
    "kurzprofil",
    "profil",
    "uber mich",
    "zusammenfassung",
    "a propos",
    "resume",
    "sobre mim",
    "resumo",
    "perfil profissional",
  ],
  experience: [
    "experience",
    "work experience",
    "professional experience",
    "relevant experience",
    "employment",
    "employment history",
    "work history",
    "career history",
    "career",
    "professional background",
    "experience and employment",
    "industry experience",
    "positions held",
    "work",
    "academic appointments",
    "academic positions",
    "appointments",
    "positions",
    "research experience",
    "teaching and research experience",
    "experiencia",
    "experiencia profesional",
    "experiencia laboral",
    "historial laboral",
    "historial profesional",
    "trayectoria profesional",
    "berufserfahrung",
    "berufliche erfahrung",
    "beruflicher werdegang",
    "praxiserfahrung",
    "berufspraxis",
    "berufstatigkeit",
    "werdegang",
    "experience professionnelle",
    "experiences professionnelles",
    "experiences",
    "parcours professionnel",
    "experiencia profissional",
    "experiencias profissionais",
    "historico profissional",
    "atuacao profissional",
    "trajetoria profissional",
  ],
  education: [
    "education",
    "academic background",
    "education and training",
    "qualifications",
    "academic qualifications",
    "education and certifications",
    "academics",
    "studies",
    "formacion",
    "formacion academica",
    "educacion",
    "estudios",
    "ausbildung",
    "bildung",
    "bildungsweg",
    "studium",
    "akademische ausbildung",
    "formation",
    "etudes",
    "diplomes",
    "formacao",
    "formacao academica",
    "escolaridade",
  ],
  projects: [
    "projects",
    "personal projects",
    "side projects",
    "selected projects",
    "key projects",
    "open source",
    "open source projects",
    "portfolio",
    "notable projects",
    "proyectos",
    "projekte",
    "projets",
    "projetos",
    "proyectos personales",
    "projets personnels",
    "projetos pessoais",
  ],
  skills: [
    "skills",
    "technical skills",
    "skills and tools",
    "core skills",
    "key skills",
    "technologies",
    "tech stack",
    "competencies",
    "core competencies",
    "tools",
    "expertise",
    "technical expertise",
    "skills and technologies",
    "tools and technologies",
    "technical proficiencies",
    "skills and expertise",
    "programming languages",
    "habilidades",
    "competencias",
    "conocimientos",
    "habilidades tecnicas",
    "kenntnisse",
    "fahigkeiten",
    "it kenntnisse",
    "technische kenntnisse",
    "kompetenzen",
    "competences",
    "competences techniques",
    "competencias tecnicas",
    "conhecimentos",
    "habilidades e competencias",
  ],
  languages: [
    "languages",
    "spoken languages",
    "language skills",
    "language proficiency",
    "idiomas",
    "lenguas",
    "conocimiento de idiomas",
    "sprachen",
    "sprachkenntnisse",
    "fremdsprachen",
    "langues",
    "langues parlees",
    "competences linguistiques",
    "linguas",
    "competencias linguisticas",
  ],
  certifications: [
    "certifications",
    "certificates",
    "certificate",
    "licenses and certifications",
    "licences and certifications",
    "certifications and licenses",
    "courses and certifications",
    "certifications and courses",
    "courses",
    "certificaciones",
    "certificados",
    "cursos",
    "cursos y certificaciones",
    "zertifikate",
    "zertifizierungen",
    "weiterbildung",
    "weiterbildungen",
    "certifications et formations",
    "certificats",
    "certificacoes",
    "cursos e certificacoes",
    "cursos e certificados",
  ],
  awards: [
    "awards",
    "honors",
    "honours",
    "honors and awards",
    "awards and honors",
    "awards and honours",
    "achievements",
    "prizes",
    "premios",
    "premios y reconocimientos",
    "reconocimientos",
    "auszeichnungen",
    "preise",
    "prix",
    "distinctions",
    "prix et distinctions",
    "premios e distincoes",
    "premiacoes",
  ],
  publications: [
    "publications",
    "selected publications",
    "publications and talks",
    "papers",
    "publicaciones",
    "articulos",
    "publikationen",
    "veroffentlichungen",
    "articles",
    "publicacoes",
    "artigos",
    "artigos publicados",
  ],
  volunteering: [
    "volunteering",
    "volunteer experience",
    "volunteer work",
    "voluntariado",
    "ehrenamt",
    "ehrenamtliches engagement",
    "benevolat",
    "engagement associatif",
    "trabalho voluntario",
  ],
};

const otherHeadings = [
  "interests",
  "hobbies",
  "references",
  "activities",
  "leadership",
  "patents",
  "talks",
  "conferences",
  "additional information",
  "docencia",
  "lehre",
  "lehrtatigkeit",
  "enseignement",
  "teaching",
  "interessen",
  "hobbys",
  "centres d interet",
  "intereses",
  "interesses",
  "referencias",
  "referenzen",
];

const kindByHeading = new Map<string, SectionKind>();
for (const [kind, texts] of Object.entries(headings) as Array<[SectionKind, readonly string[]]>) {
  for (const text of texts) kindByHeading.set(text, kind);
}
for (const text of otherHeadings) kindByHeading.set(text, "other");

function normaliseHeading(text: string): string {
  // Accents fold away ("Formación Académica" → "formacion academica"), so one spelling per heading.
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The section a line opens, if it is a heading ("EXPERIENCE", "Work History:", "## Skills & Tools"). */
export function headingKind(line: ResumeLine): SectionKind | null {
  if (line.isBullet || line.text.length > 40) return null;
  return kindByHeading.get(normaliseHeading(line.text)) ?? null;
}

/** Splits lines into the header (before the first heading) and the sections in order. */
export function splitSections(lines: readonly ResumeLine[]): Section[] {
  const sections: Section[] = [{ kind: "header", lines: [] }];
  for (const line of lines) {
    const kind = headingKind(line);
    if (kind !== null) sections.push({ kind, lines: [] });
    else sections.at(-1)?.lines.push(line);
  }
  return sections;
}

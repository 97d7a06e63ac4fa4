import type { CorpusLanguage } from "./locale";

/** Every word list a corpus résumé draws from: the dev split uses the lists below, the test split its own. */
export interface CorpusPools {
  people: readonly string[];
  companies: readonly string[];
  titles: Readonly<Record<CorpusLanguage, readonly string[]>>;
  academicTitles: Readonly<Record<CorpusLanguage, readonly string[]>>;
  schools: Readonly<Record<CorpusLanguage, readonly string[]>>;
  researchInstitutes: readonly string[];
  degrees: Readonly<Record<CorpusLanguage, ReadonlyArray<readonly [string, string]>>>;
  phdDegree: Readonly<Record<CorpusLanguage, readonly [string, string]>>;
  skills: readonly string[];
  projectNames: readonly string[];
  projectDescriptions: readonly string[];
  spokenLanguages: Readonly<Record<CorpusLanguage, ReadonlyArray<readonly [string, string]>>>;
  bulletTexts: readonly string[];
  cities: readonly string[];
  publication: (surname: string, year: number) => string;
  teaching: readonly string[];
  certifications: readonly string[];
}

// Invented people, organisations and wordings the corpus draws from. None of them appears in the
// fixtures the parser was first written with.

export const people = [
  "Helga Braun",
  "Tomás Ferreira",
  "Camille Dubois",
  "Lucía Martín Ortega",
  "Jonas Weber",
  "Aisha Bello",
  "Mateus Carvalho",
  "Inès Moreau",
  "Kenji Watanabe",
  "Sofía Ramírez",
  "Lena Hoffmann",
  "Rafael Nunes",
  "Chloé Lambert",
  "Diego Herrera",
  "Maren Schulz",
  "Beatriz Lima",
  "Olivier Garnier",
  "Nadia Haddad",
  "Paulo Mendes",
  "Elena Vidal",
  "Felix Richter",
  "Amélie Rousseau",
  "Joana Pires",
  "Carlos Navarro",
  "Greta Neumann",
  "Hugo Lefèvre",
  "Mariana Costa",
  "Pablo Serrano",
  "Ingrid Larsen",
  "Yusuf Demir",
  "Clara Becker",
  "Thiago Rocha",
  "Margaux Petit",
  "Andrés Molina",
  "Katrin Vogel",
  "Luana Ribeiro",
  "Étienne Fabre",
  "Valentina Cruz",
  "Moritz Krüger",
  "Priscila Araújo",
  "Samuel Okafor",
  "Marta Gil",
  "Anton Lehmann",
  "Renata Teixeira",
  "Julien Mercier",
  "Irene Campos",
  "Bastian Wolf",
  "Noor Rahman",
];

export const companies = [
  "Nordlicht Software GmbH",
  "Tidewater Payments Inc.",
  "Brisa Digital S.A.",
  "Vale Verde Tecnologia Ltda",
  "Lumière Conseil SARL",
  "Helvetia Data AG",
  "Blue Harbor Analytics LLC",
  "Kestrel Robotics Ltd",
  "Oakridge Health",
  "Mercado Solar",
  "Fjordline Logistics",
  "Quantia Labs",
  "Andes Cloud S.L.",
  "Rheinwerk Systems GmbH",
  "Atelier Numérique",
  "Porto Sensores Lda",
  "Northwind Traders",
  "Cobalt Mobility",
  "Sierra Finance S.A.",
  "Greenleaf Foods",
  "Polar Insights",
  "Baltic Shipping AG",
  "Orion Media Group",
  "Alpenblick Versicherung AG",
  "Ibérica Energía S.A.",
  "Carrefour Lumen SAS",
  "Cerrado Agro Ltda",
  "Kiwi Ledger Ltd",
  "Acme Corp",
  "Meridian Retail",
  "Tejo Ventures",
  "Sonnenfeld Automotive GmbH",
  "Pampa Seguros S.A.",
  "Bleu Horizon SAS",
  "Harbourline Freight Ltd",
];

export const titles: Readonly<Record<CorpusLanguage, readonly string[]>> = {
  en: [
    "Senior Software Engineer",
    "Backend Developer",
    "Data Scientist",
    "Engineering Manager",
    "DevOps Engineer",
    "Frontend Developer",
    "Machine Learning Engineer",
    "Technical Lead",
    "Site Reliability Engineer",
    "Data Analyst",
    "Product Manager",
    "Software Engineer",
  ],
  es: [
    "Ingeniera de Software",
    "Desarrollador Backend",
    "Científica de Datos",
    "Jefe de Proyecto",
    "Analista de Sistemas",
    "Arquitecto de Soluciones",
    "Desarrolladora Frontend",
    "Ingeniero DevOps",
  ],
  de: [
    "Softwareentwickler",
    "Senior Softwareentwicklerin",
    "Teamleiter Entwicklung",
    "Datenanalyst",
    "Systemadministrator",
    "Werkstudent Softwareentwicklung",
    "Projektleiterin",
    "Backend-Entwickler",
  ],
  fr: [
    "Ingénieur logiciel",
    "Développeuse backend",
    "Chef de projet",
    "Data scientist",
    "Architecte logiciel",
    "Consultant technique",
    "Ingénieure DevOps",
    "Développeur full-stack",
  ],
  pt: [
    "Engenheira de Software",
    "Desenvolvedor Backend",
    "Analista de Dados",
    "Gerente de Projetos",
    "Arquiteto de Software",
    "Cientista de Dados",
    "Desenvolvedora Frontend",
    "Engenheiro de Dados",
  ],
};

export const academicTitles: Readonly<Record<CorpusLanguage, readonly string[]>> = {
  en: ["Postdoctoral Researcher", "Assistant Professor", "Research Associate", "Lecturer"],
  es: ["Investigador Postdoctoral", "Profesora Titular", "Profesor Ayudante Doctor"],
  de: ["Wissenschaftlicher Mitarbeiter", "Juniorprofessorin", "Postdoktorand"],
  fr: ["Chercheur postdoctoral", "Maître de conférences", "Attachée temporaire d'enseignement"],
  pt: ["Pesquisador de Pós-Doutorado", "Professora Adjunta", "Professor Assistente"],
};

export const schools: Readonly<Record<CorpusLanguage, readonly string[]>> = {
  en: [
    "University of Edinburgh",
    "University of Toronto",
    "Imperial College London",
    "University of Melbourne",
  ],
  es: ["Universidad de Salamanca", "Universidad Politécnica de Madrid", "Universidad de Buenos Aires"],
  de: ["Technische Universität München", "Universität Heidelberg", "Hochschule Darmstadt", "RWTH Aachen"],
  fr: ["Université de Lyon", "École Polytechnique", "Université Paris-Saclay", "INSA Toulouse"],
  pt: [
    "Universidade de São Paulo",
    "Universidade do Porto",
    "Instituto Superior Técnico",
    "Universidade Federal de Minas Gerais",
  ],
};

export const researchInstitutes = [
  "Max Planck Institute for Informatics",
  "University of Cambridge",
  "Universidad de Granada",
  "Université de Strasbourg",
  "Universidade de Coimbra",
  "Karlsruher Institut für Technologie",
];

/** [degree, field] pairs as each language writes them. */
export const degrees: Readonly<Record<CorpusLanguage, ReadonlyArray<readonly [string, string]>>> = {
  en: [
    ["BSc", "Computer Science"],
    ["MSc", "Data Science"],
    ["BA", "Mathematics"],
    ["MEng", "Software Engineering"],
  ],
  es: [
    ["Grado", "Ingeniería Informática"],
    ["Máster", "Ciencia de Datos"],
    ["Licenciatura", "Matemáticas"],
  ],
  de: [
    ["B.Sc.", "Informatik"],
    ["M.Sc.", "Wirtschaftsinformatik"],
    ["Diplom", "Physik"],
  ],
  fr: [
    ["Master", "Informatique"],
    ["Licence", "Mathématiques"],
    ["Diplôme d'ingénieur", "Génie logiciel"],
  ],
  pt: [
    ["Bacharelado", "Ciência da Computação"],
    ["Mestrado", "Engenharia de Software"],
    ["Licenciatura", "Engenharia Informática"],
  ],
};

export const phdDegree: Readonly<Record<CorpusLanguage, readonly [string, string]>> = {
  en: ["PhD", "Computational Biology"],
  es: ["Doctorado", "Física Teórica"],
  de: ["Promotion", "Informatik"],
  fr: ["Doctorat", "Informatique"],
  pt: ["Doutorado", "Estatística"],
};

export const skills = [
  "TypeScript",
  "Python",
  "Go",
  "Java",
  "Kotlin",
  "PostgreSQL",
  "Kubernetes",
  "Docker",
  "Terraform",
  "AWS",
  "React",
  "Node.js",
  "Apache Kafka",
  "PyTorch",
  "Redis",
  "GraphQL",
  "Rust",
  "Scala",
  "Vue.js",
  "MongoDB",
  "Django",
  "Spring Boot",
  "Azure",
  "Figma",
  "pandas",
  "TensorFlow",
  "C++",
  "R",
];

export const projectNames = [
  "Tidepool",
  "Ledgerly",
  "Mapa Verde",
  "Wortschatz",
  "Carnet",
  "Orbita",
  "Quillmark",
  "Faro",
  "Stellwerk",
  "Marée",
  "Colmeia",
  "Lighthouse CI",
  "Papagaio",
  "Brückenbau",
  "Sextant",
];

export const projectDescriptions = [
  "open-source scheduler for batch jobs written in Go",
  "budgeting app for shared households built with React",
  "map of urban trees from open municipal data",
  "vocabulary trainer with spaced repetition",
  "offline-first notebook synced over CRDTs",
  "satellite pass predictor for amateur radio",
  "Markdown linter with autofix for technical docs",
  "tide-aware route planner for sailing clubs",
];

export const spokenLanguages: Readonly<Record<CorpusLanguage, ReadonlyArray<readonly [string, string]>>> = {
  en: [
    ["English", "native"],
    ["Spanish", "fluent"],
    ["German", "intermediate"],
    ["French", "basic"],
  ],
  es: [
    ["Español", "nativo"],
    ["Inglés", "avanzado"],
    ["Francés", "intermedio"],
    ["Portugués", "básico"],
  ],
  de: [
    ["Deutsch", "Muttersprache"],
    ["Englisch", "fließend"],
    ["Französisch", "Grundkenntnisse"],
    ["Spanisch", "gut"],
  ],
  fr: [
    ["Français", "langue maternelle"],
    ["Anglais", "courant"],
    ["Espagnol", "intermédiaire"],
    ["Allemand", "notions"],
  ],
  pt: [
    ["Português", "nativo"],
    ["Inglês", "fluente"],
    ["Espanhol", "intermediário"],
    ["Francês", "básico"],
  ],
};

export const bulletTexts = [
  "Cut p95 latency of the order service by 40% through query tuning",
  "Mentored four junior engineers and ran the weekly design review",
  "Migrated nightly batch jobs to event-driven pipelines",
  "Introduced contract tests between twelve services",
  "Built the reporting dashboard used by 300 analysts",
  "Reduced cloud spend by 25% with rightsizing and autoscaling",
];

export const cities = [
  "Berlin, Germany",
  "Lisbon, Portugal",
  "Madrid, Spain",
  "Lyon, France",
  "São Paulo, Brazil",
  "Toronto, Canada",
  "Munich, Germany",
  "Porto, Portugal",
];

/** The dev split's pools (the lists above, which the parser was tuned against). */
export const devPools: CorpusPools = {
  people,
  companies,
  titles,
  academicTitles,
  schools,
  researchInstitutes,
  degrees,
  phdDegree,
  skills,
  projectNames,
  projectDescriptions,
  spokenLanguages,
  bulletTexts,
  cities,
  publication: (surname, year) =>
    `${surname}, A. (${year}). Sparse priors for noisy gene networks. Journal of Computational Biology.`,
  teaching: ["Introduction to Statistics (undergraduate, 3 terms)"],
  certifications: ["AWS Certified Solutions Architect – Associate"],
};

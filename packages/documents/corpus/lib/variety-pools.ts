import type { CorpusPools } from "./pools";

// A second dev pool (issue 10, weak cells): more dev résumés in the layouts and engine the test split
// scores lowest on (Europass, "Title at Company", Chromium print), with people, organisations and titles
// neither the first dev pool nor the held-out pools use. Written before the first run with them; like
// every label, never edited to match output. Tuning on these is tuning on dev.

export const varietyPools: CorpusPools = {
  people: [
    "Ingrid Solberg",
    "Duarte Pimentel",
    "Margaux Fontaine",
    "Itziar Goikoetxea",
    "Ruben Vogt",
    "Ngozi Okafor",
    "Thiago Rezende",
    "Apolline Garnier",
    "Yusuke Mori",
    "Valentina Ibarra",
    "Kerstin Lange",
    "Otávio Paiva",
  ],
  companies: [
    "Nordlicht Versicherung AG",
    "Bluewater Analytics Inc.",
    "Cierzo Energía S.A.",
    "Jacarandá Digital Ltda",
    "Estuaire Conseil SARL",
    "Harbourside Health Trust",
    "Quillfeather Publishing Ltd",
    "Tannenhof Logistik GmbH",
    "Sable Ridge Partners LLP",
    "Aurora Fintech",
    "Montejo Hermanos",
    "Ribeira Software",
    "Kestrel Robotics",
    "Lumière Santé",
  ],
  titles: {
    en: [
      "Backend Developer",
      "Lead Data Scientist",
      "Site Reliability Engineer",
      "Technical Product Manager",
      "Solutions Architect",
      "Junior Software Engineer",
      "Head of Engineering",
    ],
    es: [
      "Desarrolladora Backend",
      "Jefe de Proyecto",
      "Arquitecto de Software",
      "Científica de Datos",
      "Técnico de Sistemas",
    ],
    de: [
      "Softwareentwickler",
      "Teamleiterin Backend",
      "Systemadministrator",
      "Projektleiter IT",
      "Datenanalystin",
    ],
    fr: [
      "Développeuse backend",
      "Chef de projet informatique",
      "Architecte logiciel",
      "Ingénieur DevOps",
      "Data scientist confirmée",
    ],
    pt: [
      "Desenvolvedora Back-end",
      "Gerente de Projetos",
      "Arquiteto de Soluções",
      "Cientista de Dados",
      "Engenheira de Software Júnior",
    ],
  },
  academicTitles: {
    en: ["Postdoctoral Researcher", "Assistant Professor"],
    es: ["Profesora Titular", "Investigador Postdoctoral"],
    de: ["Wissenschaftliche Mitarbeiterin", "Juniorprofessor"],
    fr: ["Maître de conférences", "Post-doctorante"],
    pt: ["Professor Adjunto", "Pesquisadora Visitante"],
  },
  schools: {
    en: ["University of Leeds", "University of Toronto"],
    es: ["Universidad de Zaragoza", "Universidad de Chile"],
    de: ["Universität Leipzig", "Hochschule München"],
    fr: ["Université de Lille", "INSA Lyon"],
    pt: ["Universidade do Porto", "Universidade Federal de Minas Gerais"],
  },
  researchInstitutes: ["Universität Heidelberg", "KU Leuven", "Universidad de Granada"],
  degrees: {
    en: [
      ["BSc", "Computer Science"],
      ["MSc", "Data Science"],
    ],
    es: [
      ["Licenciatura", "Informática"],
      ["Máster", "Ciencia de Datos"],
    ],
    de: [
      ["B.Sc.", "Informatik"],
      ["Diplom", "Wirtschaftsinformatik"],
    ],
    fr: [
      ["Diplôme d'ingénieur", "Informatique"],
      ["Master", "Réseaux"],
    ],
    pt: [
      ["Licenciatura", "Engenharia Informática"],
      ["Mestrado", "Ciência de Dados"],
    ],
  },
  phdDegree: {
    en: ["PhD", "Computational Linguistics"],
    es: ["Doctorado", "Física"],
    de: ["Promotion", "Informatik"],
    fr: ["Doctorat", "Chimie"],
    pt: ["Doutorado", "Estatística"],
  },
  skills: [
    "Rust",
    "Kotlin",
    "Vue.js",
    "Django",
    "Spark",
    "Airflow",
    "Redis",
    "GraphQL",
    "Terraform",
    "Ruby on Rails",
    "Scala",
    "Kafka",
  ],
  projectNames: ["Mistral", "Farol", "Zugvogel", "Colibri", "Sextant", "Marea"],
  projectDescriptions: [
    "open-source library for parsing train timetables",
    "browser extension that blocks tracking pixels",
    "volunteer rota planner for a food bank",
  ],
  spokenLanguages: {
    en: [
      ["English", "native"],
      ["German", "B2"],
      ["Spanish", "basic"],
    ],
    es: [
      ["Español", "nativo"],
      ["Inglés", "B2"],
      ["Francés", "básico"],
    ],
    de: [
      ["Deutsch", "Muttersprache"],
      ["Englisch", "C1"],
      ["Spanisch", "A2"],
    ],
    fr: [
      ["Français", "langue maternelle"],
      ["Anglais", "courant"],
      ["Espagnol", "B1"],
    ],
    pt: [
      ["Português", "nativo"],
      ["Inglês", "fluente"],
      ["Espanhol", "intermediário"],
    ],
  },
  bulletTexts: [
    "Cut cloud spend by a third by right-sizing clusters",
    "Built the on-call rotation and incident review process",
    "Migrated the monolith's payments module to a separate service",
    "Mentored four junior engineers",
  ],
  cities: ["Oslo, Norway", "Zaragoza, Spain", "Lille, France", "Porto, Portugal", "Leipzig, Germany"],
  publication: (surname, year) =>
    `${surname}, R. (${year}). Sparse attention for long clinical notes. Journal of Biomedical Informatics.`,
  teaching: ["Introduction to Programming (lab sessions, 3 semesters)"],
  certifications: ["AWS Certified Solutions Architect – Associate"],
};

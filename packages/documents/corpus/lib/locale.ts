/** The five languages the corpus is written in, and the words each layout prints in them. */
export const corpusLanguages = ["en", "es", "de", "fr", "pt"] as const;
export type CorpusLanguage = (typeof corpusLanguages)[number];

export interface Locale {
  headings: {
    summary: string;
    experience: string;
    education: string;
    skills: string;
    projects: string;
    languages: string;
    publications: string;
    teaching: string;
    certifications: string;
  };
  months: readonly string[];
  present: string;
  /** "Title at Company" connector. */
  at: string;
  /** "since 2021" (an ongoing role written with its start only). */
  since: string;
}

export const locales: Readonly<Record<CorpusLanguage, Locale>> = {
  en: {
    headings: {
      summary: "Summary",
      experience: "Work Experience",
      education: "Education",
      skills: "Skills",
      projects: "Projects",
      languages: "Languages",
      publications: "Publications",
      teaching: "Teaching",
      certifications: "Certifications",
    },
    months: [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ],
    present: "Present",
    at: "at",
    since: "Since",
  },
  es: {
    headings: {
      summary: "Perfil",
      experience: "Experiencia Profesional",
      education: "Formación Académica",
      skills: "Habilidades",
      projects: "Proyectos",
      languages: "Idiomas",
      publications: "Publicaciones",
      teaching: "Docencia",
      certifications: "Certificaciones",
    },
    months: [
      "enero",
      "febrero",
      "marzo",
      "abril",
      "mayo",
      "junio",
      "julio",
      "agosto",
      "septiembre",
      "octubre",
      "noviembre",
      "diciembre",
    ],
    present: "Actualidad",
    at: "en",
    since: "Desde",
  },
  de: {
    headings: {
      summary: "Profil",
      experience: "Berufserfahrung",
      education: "Ausbildung",
      skills: "Kenntnisse",
      projects: "Projekte",
      languages: "Sprachen",
      publications: "Publikationen",
      teaching: "Lehre",
      certifications: "Zertifikate",
    },
    months: [
      "Januar",
      "Februar",
      "März",
      "April",
      "Mai",
      "Juni",
      "Juli",
      "August",
      "September",
      "Oktober",
      "November",
      "Dezember",
    ],
    present: "heute",
    at: "bei",
    since: "seit",
  },
  fr: {
    headings: {
      summary: "Profil",
      experience: "Expérience professionnelle",
      education: "Formation",
      skills: "Compétences",
      projects: "Projets",
      languages: "Langues",
      publications: "Publications",
      teaching: "Enseignement",
      certifications: "Certifications",
    },
    months: [
      "janvier",
      "février",
      "mars",
      "avril",
      "mai",
      "juin",
      "juillet",
      "août",
      "septembre",
      "octobre",
      "novembre",
      "décembre",
    ],
    present: "aujourd'hui",
    at: "chez",
    since: "Depuis",
  },
  pt: {
    headings: {
      summary: "Perfil",
      experience: "Experiência Profissional",
      education: "Formação Acadêmica",
      skills: "Competências",
      projects: "Projetos",
      languages: "Idiomas",
      publications: "Publicações",
      teaching: "Docência",
      certifications: "Certificações",
    },
    months: [
      "janeiro",
      "fevereiro",
      "março",
      "abril",
      "maio",
      "junho",
      "julho",
      "agosto",
      "setembro",
      "outubro",
      "novembro",
      "dezembro",
    ],
    present: "atual",
    at: "na",
    since: "Desde",
  },
};

/**
 * The test split's own wordings: other headings, abbreviated month names, other words for "present" and
 * "since". No dev résumé prints them; they were written before the test split was first read with them.
 */
export const heldOutLocales: Readonly<Record<CorpusLanguage, Locale>> = {
  en: {
    headings: {
      summary: "About Me",
      experience: "Employment History",
      education: "Academic Background",
      skills: "Technical Toolbox",
      projects: "Side Projects",
      languages: "Language Skills",
      publications: "Selected Publications",
      teaching: "Teaching Experience",
      certifications: "Licenses & Certifications",
    },
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    present: "Now",
    at: "at",
    since: "From",
  },
  es: {
    headings: {
      summary: "Sobre mí",
      experience: "Trayectoria Profesional",
      education: "Estudios",
      skills: "Conocimientos Técnicos",
      projects: "Proyectos Personales",
      languages: "Lenguas",
      publications: "Artículos",
      teaching: "Experiencia Docente",
      certifications: "Cursos y Certificaciones",
    },
    months: ["ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.", "dic."],
    present: "la fecha",
    at: "en",
    since: "Desde",
  },
  de: {
    headings: {
      summary: "Über mich",
      experience: "Beruflicher Werdegang",
      education: "Studium",
      skills: "IT-Kenntnisse",
      projects: "Eigene Projekte",
      languages: "Sprachkenntnisse",
      publications: "Veröffentlichungen",
      teaching: "Lehrtätigkeit",
      certifications: "Weiterbildungen",
    },
    months: ["Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."],
    present: "aktuell",
    at: "bei der",
    since: "ab",
  },
  fr: {
    headings: {
      summary: "À propos",
      experience: "Parcours professionnel",
      education: "Diplômes",
      skills: "Compétences techniques",
      projects: "Réalisations",
      languages: "Langues parlées",
      publications: "Articles",
      teaching: "Activités d'enseignement",
      certifications: "Certificats",
    },
    months: [
      "janv.",
      "févr.",
      "mars",
      "avr.",
      "mai",
      "juin",
      "juil.",
      "août",
      "sept.",
      "oct.",
      "nov.",
      "déc.",
    ],
    present: "ce jour",
    at: "chez",
    since: "Depuis",
  },
  pt: {
    headings: {
      summary: "Sobre mim",
      experience: "Histórico Profissional",
      education: "Escolaridade",
      skills: "Conhecimentos",
      projects: "Projetos Pessoais",
      languages: "Línguas",
      publications: "Artigos Publicados",
      teaching: "Experiência Docente",
      certifications: "Cursos e Certificados",
    },
    months: ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
    present: "o momento",
    at: "na",
    since: "Desde",
  },
};

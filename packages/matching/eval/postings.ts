import type { MatchStatus, RequirementKind, RequirementWeight } from "../src/index";

/**
 * A labelled requirement. `tech` stands for `skill` or `tool` (the split follows the taxonomy category,
 * so the label only names the technology, in any spelling the taxonomy knows). Typed kinds match on
 * `canonical` (years also on `minYears`); `responsibility` and untyped skills match when the extracted
 * text contains `quote`.
 */
export interface GoldRequirement {
  key: string;
  kind: Exclude<RequirementKind, "skill" | "tool"> | "tech" | "skill-text";
  weight: RequirementWeight;
  canonical?: string | null;
  quote?: string;
  minYears?: number;
}

export interface LabelledPosting {
  id: string;
  split: "dev" | "test";
  text: string;
  requirements: GoldRequirement[];
  /** Profile id → requirement key → status. */
  statuses: Record<string, Record<string, MatchStatus>>;
}

const t = (key: string, weight: RequirementWeight, canonical = key): GoldRequirement => ({
  key,
  kind: "tech",
  weight,
  canonical,
});
const duty = (key: string, quote: string): GoldRequirement => ({
  key,
  kind: "responsibility",
  weight: "nice",
  quote,
});
const years = (key: string, weight: RequirementWeight, minYears: number, canonical: string | null = null) =>
  ({ key, kind: "years", weight, minYears, canonical }) as GoldRequirement;
const degree = (key: string, canonical: string): GoldRequirement => ({
  key,
  kind: "degree",
  weight: "must",
  canonical,
});
const language = (key: string, weight: RequirementWeight, canonical: string): GoldRequirement => ({
  key,
  kind: "language",
  weight,
  canonical,
});
const cert = (key: string, weight: RequirementWeight, canonical: string): GoldRequirement => ({
  key,
  kind: "certification",
  weight,
  canonical,
});

/** Ten postings × two profiles, labelled before the first run; dev = p1–p5, test = p6–p10. */
export const postings: LabelledPosting[] = [
  {
    id: "p1",
    split: "dev",
    text: `Senior Backend Engineer — Payments

About us
We build go-to-market tooling for online shops. Remote-friendly, great benefits.

What you'll do
- Design and run Go services on Kubernetes
- Mentor engineers and lead code reviews

Requirements
- 5+ years of professional software engineering experience
- Strong experience with Golang
- Solid knowledge of PostgreSQL
- Fluent English

Nice to have
- Terraform
- Experience with Kafka`,
    requirements: [
      duty("d1", "Design and run Go services on Kubernetes"),
      duty("d2", "Mentor engineers and lead code reviews"),
      t("Go", "must"),
      t("Kubernetes", "nice"),
      years("y", "must", 5),
      t("PostgreSQL", "must"),
      language("en", "must", "English"),
      t("Terraform", "nice"),
      t("Kafka", "nice"),
    ],
    statuses: {
      A: {
        d1: "met",
        d2: "met",
        Go: "met",
        Kubernetes: "met",
        y: "met",
        PostgreSQL: "met",
        en: "met",
        Terraform: "met",
        Kafka: "missing",
      },
      B: {
        d1: "missing",
        d2: "missing",
        Go: "missing",
        Kubernetes: "missing",
        y: "met",
        PostgreSQL: "missing",
        en: "met",
        Terraform: "missing",
        Kafka: "missing",
      },
    },
  },
  {
    id: "p2",
    split: "dev",
    text: "Lumen Media is hiring a Frontend Engineer. You will build accessible interfaces in React and TypeScript and help our designers turn Figma files into components. We expect at least 3 years of experience in frontend development and a good eye for accessibility. Experience with GraphQL is a plus, and ideally you have written end-to-end tests with Cypress or Playwright. Spanish language skills would be great.",
    requirements: [
      duty("d1", "build accessible interfaces"),
      t("React", "must"),
      t("TypeScript", "must"),
      t("Figma", "must"),
      years("y", "must", 3),
      { key: "a11y", kind: "skill-text", weight: "must", quote: "accessibility" },
      t("GraphQL", "nice"),
      t("Cypress", "nice"),
      t("Playwright", "nice"),
      language("es", "nice", "Spanish"),
    ],
    statuses: {
      B: {
        d1: "met",
        React: "met",
        TypeScript: "met",
        Figma: "met",
        y: "met",
        a11y: "met",
        GraphQL: "met",
        Cypress: "met",
        Playwright: "missing",
        es: "met",
      },
      E: {
        d1: "missing",
        React: "missing",
        TypeScript: "missing",
        Figma: "missing",
        y: "partial",
        a11y: "missing",
        GraphQL: "missing",
        Cypress: "missing",
        Playwright: "missing",
        es: "met",
      },
    },
  },
  {
    id: "p3",
    split: "dev",
    text: `Data Engineer (m/w/d)

Deine Aufgaben:
- Aufbau und Betrieb von Datenpipelines mit Apache Spark und Airflow
- Modellierung unseres Data Warehouse in Snowflake

Dein Profil:
- Mindestens 3 Jahre Berufserfahrung im Data Engineering
- Sehr gute Kenntnisse in Python und SQL
- Abgeschlossenes Studium der Informatik, Mathematik oder vergleichbar
- Fließend Deutsch und gute Englischkenntnisse

Wünschenswert:
- Erfahrung mit dbt
- Kenntnisse in Kafka

Wir bieten:
- 30 Tage Urlaub und flexible Arbeitszeiten`,
    requirements: [
      duty("d1", "Aufbau und Betrieb von Datenpipelines"),
      duty("d2", "Modellierung unseres Data Warehouse"),
      t("Spark", "nice"),
      t("Airflow", "nice"),
      t("Snowflake", "nice"),
      years("y", "must", 3),
      t("Python", "must"),
      t("SQL", "must"),
      degree("deg", "bachelor"),
      language("de", "must", "German"),
      language("en", "must", "English"),
      t("dbt", "nice"),
      t("Kafka", "nice"),
    ],
    statuses: {
      C: {
        d1: "met",
        d2: "met",
        Spark: "met",
        Airflow: "met",
        Snowflake: "met",
        y: "met",
        Python: "met",
        SQL: "met",
        deg: "met",
        de: "missing",
        en: "met",
        dbt: "met",
        Kafka: "missing",
      },
      A: {
        d1: "missing",
        d2: "missing",
        Spark: "missing",
        Airflow: "missing",
        Snowflake: "missing",
        y: "met",
        Python: "met",
        SQL: "met",
        deg: "met",
        de: "met",
        en: "met",
        dbt: "missing",
        Kafka: "missing",
      },
    },
  },
  {
    id: "p4",
    split: "dev",
    text: `PLATFORM ENGINEER

RESPONSIBILITIES
* Operate our Kubernetes clusters on AWS
* Build and maintain CI/CD pipelines
* Own incident response and on-call rotations

REQUIREMENTS
* 4+ years in DevOps or SRE roles
* Hands-on Terraform and Kubernetes experience
* Linux administration and Bash scripting
* CKA certification required

BONUS
* Prometheus and Grafana
* Experience with Ansible
* AWS Certified Solutions Architect Associate`,
    requirements: [
      duty("d1", "Operate our Kubernetes clusters on AWS"),
      duty("d2", "Build and maintain CI/CD pipelines"),
      duty("d3", "Own incident response and on-call rotations"),
      t("Kubernetes", "must"),
      t("AWS", "nice"),
      t("CI/CD", "nice"),
      years("y", "must", 4),
      t("Terraform", "must"),
      t("Linux", "must"),
      t("Bash", "must"),
      cert("cka", "must", "CKA"),
      t("Prometheus", "nice"),
      t("Grafana", "nice"),
      t("Ansible", "nice"),
      cert("awscert", "nice", "AWS Certified Solutions Architect Associate"),
    ],
    statuses: {
      D: {
        d1: "met",
        d2: "met",
        d3: "met",
        Kubernetes: "met",
        AWS: "met",
        "CI/CD": "met",
        y: "met",
        Terraform: "met",
        Linux: "met",
        Bash: "met",
        cka: "met",
        Prometheus: "met",
        Grafana: "met",
        Ansible: "met",
        awscert: "missing",
      },
      F: {
        d1: "missing",
        d2: "missing",
        d3: "missing",
        Kubernetes: "missing",
        AWS: "missing",
        "CI/CD": "missing",
        y: "missing",
        Terraform: "missing",
        Linux: "missing",
        Bash: "missing",
        cka: "missing",
        Prometheus: "missing",
        Grafana: "missing",
        Ansible: "missing",
        awscert: "missing",
      },
    },
  },
  {
    id: "p5",
    split: "dev",
    text: `Desarrollador/a Java Junior

Funciones:
- Desarrollar microservicios con Spring Boot
- Escribir pruebas unitarias

Requisitos:
- Grado en Ingeniería Informática o similar
- Experiencia con Java y MySQL
- Inglés nivel B2

Se valorará:
- Conocimientos de Docker
- Experiencia con Kubernetes`,
    requirements: [
      duty("d1", "Desarrollar microservicios con Spring Boot"),
      duty("d2", "Escribir pruebas unitarias"),
      t("Spring Boot", "nice"),
      degree("deg", "bachelor"),
      t("Java", "must"),
      t("MySQL", "must"),
      language("en", "must", "English"),
      t("Docker", "nice"),
      t("Kubernetes", "nice"),
    ],
    statuses: {
      E: {
        d1: "met",
        d2: "met",
        "Spring Boot": "met",
        deg: "met",
        Java: "met",
        MySQL: "met",
        en: "met",
        Docker: "met",
        Kubernetes: "missing",
      },
      F: {
        d1: "missing",
        d2: "missing",
        "Spring Boot": "missing",
        deg: "partial",
        Java: "missing",
        MySQL: "partial",
        en: "met",
        Docker: "met",
        Kubernetes: "missing",
      },
    },
  },
  {
    id: "p6",
    split: "test",
    text: `## Senior .NET Developer

We are a logistics company modernising our warehouse platform.

### Must have
- 6+ years of C# development
- ASP.NET Core and Entity Framework
- Microsoft Azure
- Master's degree in Computer Science or Electrical Engineering

### Nice to have
- C++17 for our legacy scanners
- Azure certification (AZ-204)
- French is a plus`,
    requirements: [
      t(".NET", "must"),
      years("y", "must", 6, "C#"),
      t("C#", "must"),
      t("ASP.NET Core", "must"),
      t("Entity Framework", "must"),
      t("Azure", "must"),
      degree("deg", "master"),
      t("C++", "nice"),
      cert("az", "nice", "AZ-204"),
      language("fr", "nice", "French"),
    ],
    statuses: {
      F: {
        ".NET": "met",
        y: "met",
        "C#": "met",
        "ASP.NET Core": "met",
        "Entity Framework": "met",
        Azure: "met",
        deg: "met",
        "C++": "met",
        az: "met",
        fr: "met",
      },
      A: {
        ".NET": "missing",
        y: "missing",
        "C#": "missing",
        "ASP.NET Core": "missing",
        "Entity Framework": "missing",
        Azure: "missing",
        deg: "partial",
        "C++": "missing",
        az: "missing",
        fr: "missing",
      },
    },
  },
  {
    id: "p7",
    split: "test",
    text: "Machine Learning Engineer. Join our team to ship recommendation models to production. A PhD or MSc in Statistics, Mathematics or Computer Science is required. You must have 4 years of experience with Python and hands-on work with PyTorch or TensorFlow. Experience with Spark is a plus. Fluent Dutch is preferred.",
    requirements: [
      t("Machine Learning", "must"),
      duty("d1", "ship recommendation models to production"),
      degree("deg", "master"),
      years("y", "must", 4, "Python"),
      t("Python", "must"),
      t("PyTorch", "must"),
      t("TensorFlow", "must"),
      t("Spark", "nice"),
      language("nl", "nice", "Dutch"),
    ],
    statuses: {
      C: {
        "Machine Learning": "missing",
        d1: "missing",
        deg: "met",
        y: "met",
        Python: "met",
        PyTorch: "missing",
        TensorFlow: "missing",
        Spark: "met",
        nl: "met",
      },
      A: {
        "Machine Learning": "missing",
        d1: "missing",
        deg: "partial",
        y: "partial",
        Python: "met",
        PyTorch: "missing",
        TensorFlow: "missing",
        Spark: "missing",
        nl: "missing",
      },
    },
  },
  {
    id: "p8",
    split: "test",
    text: `Développeur Frontend (H/F)

Vos missions :
- Développer des interfaces en React et TypeScript
- Collaborer avec l'équipe design

Profil recherché :
- 2 ans d'expérience minimum en développement web
- Maîtrise de JavaScript, HTML et CSS
- Anglais courant

Serait un plus :
- Expérience avec Vue.js
- Connaissance de GraphQL`,
    requirements: [
      duty("d1", "Développer des interfaces en React et TypeScript"),
      duty("d2", "Collaborer avec l'équipe design"),
      t("React", "nice"),
      t("TypeScript", "nice"),
      years("y", "must", 2),
      t("JavaScript", "must"),
      t("HTML", "must"),
      t("CSS", "must"),
      language("en", "must", "English"),
      t("Vue.js", "nice"),
      t("GraphQL", "nice"),
    ],
    statuses: {
      B: {
        d1: "met",
        d2: "met",
        React: "met",
        TypeScript: "met",
        y: "met",
        JavaScript: "met",
        HTML: "missing",
        CSS: "partial",
        en: "met",
        "Vue.js": "met",
        GraphQL: "met",
      },
      E: {
        d1: "missing",
        d2: "missing",
        React: "missing",
        TypeScript: "missing",
        y: "met",
        JavaScript: "missing",
        HTML: "missing",
        CSS: "missing",
        en: "met",
        "Vue.js": "missing",
        GraphQL: "missing",
      },
    },
  },
  {
    id: "p9",
    split: "test",
    text: `Engenheiro(a) de Dados

Requisitos:
- Experiência com Python, SQL e Apache Airflow
- Inglês avançado

Diferenciais:
- Snowflake ou BigQuery
- Certificação AWS`,
    requirements: [
      t("Python", "must"),
      t("SQL", "must"),
      t("Airflow", "must"),
      language("en", "must", "English"),
      t("Snowflake", "nice"),
      t("BigQuery", "nice"),
      cert("aws", "nice", "AWS"),
    ],
    statuses: {
      C: {
        Python: "met",
        SQL: "met",
        Airflow: "met",
        en: "met",
        Snowflake: "met",
        BigQuery: "missing",
        aws: "missing",
      },
      D: {
        Python: "met",
        SQL: "missing",
        Airflow: "missing",
        en: "met",
        Snowflake: "missing",
        BigQuery: "missing",
        aws: "missing",
      },
    },
  },
  {
    id: "p10",
    split: "test",
    text: `Site Reliability Engineer – Berlin
Your role: keep our payment platform reliable and fast.
Must have: Kubernetes, Prometheus, Go or Python, 3+ years on call for production systems.
Nice to have: Terraform, PostgreSQL tuning, German language skills (B1 or better).
Benefits: 30 days of vacation, 5,000 EUR learning budget.`,
    requirements: [
      duty("d1", "keep our payment platform reliable and fast"),
      t("Kubernetes", "must"),
      t("Prometheus", "must"),
      t("Go", "must"),
      t("Python", "must"),
      years("y", "must", 3),
      t("Terraform", "nice"),
      t("PostgreSQL", "nice"),
      language("de", "nice", "German"),
    ],
    statuses: {
      D: {
        d1: "met",
        Kubernetes: "met",
        Prometheus: "met",
        Go: "missing",
        Python: "met",
        y: "met",
        Terraform: "met",
        PostgreSQL: "missing",
        de: "met",
      },
      A: {
        d1: "partial",
        Kubernetes: "met",
        Prometheus: "missing",
        Go: "met",
        Python: "met",
        y: "met",
        Terraform: "met",
        PostgreSQL: "met",
        de: "met",
      },
    },
  },
];

import { cert, degree, duty, type LabelledPosting, language, t, years } from "./labels";

/** The held-out test split (reported, never tuned on): p6–p10, labelled before the first run. */
export const testPostings: LabelledPosting[] = [
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

import { cert, degree, duty, type LabelledPosting, language, t, years } from "./labels";

/** The dev split (tuning allowed): p1–p5, labelled before the first run. */
export const devPostings: LabelledPosting[] = [
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
];

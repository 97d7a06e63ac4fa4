import { describe, expect, it } from "vitest";
import { findTechnologies, technologyNames } from "./index";

const names = (text: string) => technologyNames(text);

describe("findTechnologies: real résumé phrases", () => {
  it.each([
    [
      "Built Go microservices on Kubernetes with PostgreSQL and Redis.",
      ["Go", "Microservices", "Kubernetes", "PostgreSQL", "Redis"],
    ],
    [
      "Migrated the monolith from Java 8 to Kotlin and Spring Boot on AWS (EKS, RDS, S3).",
      ["Java", "Kotlin", "Spring Boot", "AWS", "Amazon EKS", "Amazon RDS", "Amazon S3"],
    ],
    [
      "Wrote C++/C# tooling and .NET services; maintained ASP.NET MVC apps.",
      ["C++", "C#", ".NET", "ASP.NET"],
    ],
    [
      "Node.js, TypeScript, React.js and Next.js front to back",
      ["Node.js", "TypeScript", "React", "Next.js"],
    ],
    ["Skills: Go, Rust, Swift, C, R", ["Go", "Rust", "Swift", "C", "R"]],
    [
      "Languages: JS, TS, Python; Tools: k8s, Terraform, Helm",
      ["JavaScript", "TypeScript", "Python", "Kubernetes", "Terraform", "Helm"],
    ],
    ["Statistical modelling in Python and R, dashboards in Tableau", ["Python", "R", "Tableau"]],
    ["Experience with Julia and MATLAB for numerical work", ["Julia", "MATLAB"]],
    [
      "Deployed Helm charts via Argo CD and GitHub Actions (CI/CD)",
      ["Helm", "Argo CD", "GitHub Actions", "CI/CD"],
    ],
    [
      "ETL in PySpark on Databricks, orchestrated with Airflow; dbt models on Snowflake",
      ["ETL", "PySpark", "Databricks", "Apache Airflow", "dbt", "Snowflake"],
    ],
    [
      "Mobile: Swift/SwiftUI on iOS and Kotlin with Jetpack Compose on Android; React Native for the admin app",
      ["Swift", "SwiftUI", "iOS", "Kotlin", "Jetpack Compose", "Android", "React Native"],
    ],
    ["Tested with Jest, Cypress and Playwright; load tests in k6", ["Jest", "Cypress", "Playwright", "k6"]],
    ["Ruby on Rails and Sidekiq, later Elixir/Phoenix", ["Ruby on Rails", "Sidekiq", "Elixir", "Phoenix"]],
    [
      "Worked in an Agile/Scrum team practising TDD and code reviews",
      ["Agile", "Scrum", "Test-Driven Development", "Code Review"],
    ],
    [
      "Using Spring and Hibernate against Oracle DB and MS SQL Server",
      ["Spring", "Hibernate", "Oracle Database", "SQL Server"],
    ],
    ["Wrote PL/SQL and T-SQL stored procedures", ["PL/SQL", "T-SQL"]],
    [
      "Trained PyTorch and scikit-learn models (NLP, computer vision) served with FastAPI",
      ["PyTorch", "scikit-learn", "Natural Language Processing", "Computer Vision", "FastAPI"],
    ],
    ["Backend: golang, gRPC, Kafka, Cassandra", ["Go", "gRPC", "Apache Kafka", "Cassandra"]],
    ["RESTful APIs and GraphQL gateways in NestJS", ["REST", "GraphQL", "NestJS"]],
    [
      "GCP (BigQuery, Pub/Sub, Cloud Run) and Azure Functions",
      ["Google Cloud", "Google BigQuery", "Google Pub/Sub", "Cloud Run", "Azure Functions"],
    ],
  ])("%s", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it("reports raw text and exact offsets for every mention", () => {
    const text = "Led k8s rollout; C# and C++ services; Node.js APIs.";
    const mentions = findTechnologies(text);
    expect(mentions.map((mention) => [mention.raw, mention.name])).toEqual([
      ["k8s", "Kubernetes"],
      ["C#", "C#"],
      ["C++", "C++"],
      ["Node.js", "Node.js"],
    ]);
    for (const mention of mentions) expect(text.slice(mention.start, mention.end)).toBe(mention.raw);
  });

  it("prefers the longest spelling where spellings overlap", () => {
    expect(names("Spring Boot, React Native, ASP.NET Core, Google Cloud Platform")).toEqual([
      "Spring Boot",
      "React Native",
      "ASP.NET",
      "Google Cloud",
    ]);
  });

  it("finds mentions across a line break inside a multi-word name", () => {
    expect(names("Deep experience with Spring\nBoot and SQL\nServer")).toEqual(["Spring Boot", "SQL Server"]);
  });

  it("keeps every occurrence in findTechnologies and one name per technology in technologyNames", () => {
    const text = "Python, python, PYTHON and py3";
    expect(findTechnologies(text)).toHaveLength(4);
    expect(technologyNames(text)).toEqual(["Python"]);
  });
});

describe("findTechnologies: false-positive guards", () => {
  it.each([
    "Let's go to the market together.",
    "Go to market strategy for three product lines.",
    "Owned the go-to-market plan and the Go-live checklist.",
    "Swift delivery of features to enterprise customers.",
    "Spring 2019 internship at a bank.",
    "Chef de partie at a Michelin-starred restaurant.",
    "Met weekly with Julia and Ruby from finance.",
    "Julia Roberts, Ruby Chen and Crystal Lee (references).",
    "Led the R&D group and the R&R programme.",
    "Joined a Series C startup as a C-level advisor.",
    "I react quickly to incidents and rest on weekends.",
    "Each node in the graph stores the rest of the path.",
    "Excel at stakeholder management; express ideas clearly.",
    "At the helm of a 12-person team with a lean budget.",
    "Reviewed windows of opportunity and the spring roadmap.",
    "Puppet show volunteer; salt and pepper; sketch artist.",
    "Contact: jane@golang.dev, https://github.com/rust-lang/rust, @kubernetes",
    "John R. Smith",
    "Vitamin C and grade C results",
  ])("finds nothing in %j", (text) => {
    expect(findTechnologies(text)).toEqual([]);
  });

  it("does not find Java inside JavaScript, C inside C++/CI, or Go inside Google", () => {
    expect(names("JavaScript")).toEqual(["JavaScript"]);
    expect(names("C++ and CI pipelines")).toEqual(["C++"]);
    expect(names("Google, Gopher, Going, Rusty, Swiftly")).toEqual([]);
  });

  it("requires the exact case for abbreviations", () => {
    expect(names("Added 500 ml of water; the ts of the file")).toEqual([]);
    expect(names("Applied ML to ranking; TS everywhere")).toEqual(["Machine Learning", "TypeScript"]);
  });

  it("accepts a contextual form only in a technology context", () => {
    expect(names("Go services behind Envoy")).toEqual(["Go"]);
    expect(names("Rust programming for embedded devices")).toEqual(["Rust"]);
    expect(names("Proficient in Rust")).toEqual(["Rust"]);
    expect(names("Rust on the old bridge")).toEqual([]);
    expect(names("Helm charts for every service")).toEqual(["Helm"]);
    expect(names("Excel dashboards, later Power BI")).toEqual(["Excel", "Power BI"]);
  });
});

describe("findTechnologies: hostile input", () => {
  // Each of these took seconds to minutes with an unbounded e-mail mask or per-mention line scans;
  // the default test timeout is the guard.
  it("stays linear on one huge word, a run of @, and a long single-line list", () => {
    expect(findTechnologies("a".repeat(500_000))).toEqual([]);
    expect(findTechnologies("x@".repeat(200_000))).toEqual([]);
    expect(findTechnologies("Go, Rust and Python. ".repeat(20_000))).toHaveLength(60_000);
    expect(technologyNames("Skills: Go, Rust, Python\n".repeat(20_000))).toEqual(["Go", "Rust", "Python"]);
  });
});

import type { MatchProfile } from "../src/index";

type Experience = MatchProfile["experiences"][number];

function profile(
  id: string,
  name: string,
  summary: string | null,
  experiences: Array<Omit<Experience, "id" | "location">>,
  education: { degree: string; field: string; school: string; start: string; end: string },
  skills: string[],
): MatchProfile {
  return {
    id,
    name,
    headline: null,
    summary,
    contact: { email: null, phone: null, location: null, links: [] },
    experiences: experiences.map((item, index) => ({ ...item, id: `${id}-e${index + 1}`, location: null })),
    education: [
      {
        id: `${id}-ed1`,
        school: education.school,
        degree: education.degree,
        field: education.field,
        start: education.start as MatchProfile["education"][number]["start"],
        end: education.end as MatchProfile["education"][number]["end"],
      },
    ],
    projects: [],
    skills: skills.map((skill, index) => ({
      id: `${id}-s${index + 1}`,
      name: skill,
      category: "other",
      raw: skill,
    })),
  };
}

/** Six labelled profiles (written before the first evaluation run). */
export const profiles: Record<string, MatchProfile> = {
  A: profile(
    "A",
    "Ana Backend",
    "Backend engineer with nine years of experience building payment systems. Fluent in English and German.",
    [
      {
        company: "Paylane GmbH",
        title: "Senior Software Engineer",
        start: "2021-03",
        end: "present",
        bullets: [
          "Built payment services in Go running on Kubernetes",
          "Cut p99 latency by 40% by redesigning PostgreSQL indexes",
          "Mentored four engineers and led code reviews",
          "Organised the office book club",
        ],
        technologies: ["Go", "Kubernetes", "PostgreSQL", "gRPC"],
      },
      {
        company: "Shopwise",
        title: "Software Engineer",
        start: "2017-06",
        end: "2021-02",
        bullets: [
          "Developed REST APIs in Python and Django",
          "Migrated 30,000 customer records to PostgreSQL",
          "On-call for production incidents",
        ],
        technologies: ["Python", "Django", "PostgreSQL", "Docker", "AWS"],
      },
    ],
    { degree: "BSc", field: "Computer Science", school: "TU Berlin", start: "2013-10", end: "2017-05" },
    ["Go", "Kubernetes", "PostgreSQL", "Python", "Docker", "AWS", "Terraform", "English", "German"],
  ),
  B: profile(
    "B",
    "Ben Frontend",
    "Frontend engineer focused on accessible interfaces. Native Spanish speaker, fluent English.",
    [
      {
        company: "Lumen Media",
        title: "Frontend Engineer",
        start: "2020-01",
        end: "present",
        bullets: [
          "Built a design system in React and TypeScript used by 12 teams",
          "Improved Lighthouse performance score from 60 to 95",
          "Wrote end-to-end tests with Cypress",
        ],
        technologies: ["React", "TypeScript", "Cypress", "Next.js"],
      },
      {
        company: "Agentur Blau",
        title: "Web Developer",
        start: "2018-04",
        end: "2019-12",
        bullets: ["Built marketing sites with Vue.js and Sass", "Worked with designers on accessibility"],
        technologies: ["Vue.js", "JavaScript", "Sass"],
      },
    ],
    { degree: "B.A.", field: "Media Design", school: "HAW Hamburg", start: "2014-10", end: "2018-03" },
    ["React", "TypeScript", "JavaScript", "Vue.js", "Cypress", "GraphQL", "Figma", "English", "Spanish"],
  ),
  C: profile(
    "C",
    "Chen Data",
    null,
    [
      {
        company: "Northwind Analytics",
        title: "Data Engineer",
        start: "2019-09",
        end: "present",
        bullets: [
          "Built batch pipelines with Apache Spark and Airflow",
          "Modelled the warehouse in Snowflake with dbt",
          "Reduced pipeline cost by 35%",
        ],
        technologies: ["Python", "Apache Spark", "Apache Airflow", "Snowflake", "dbt", "SQL"],
      },
      {
        company: "RetailCo",
        title: "Data Analyst",
        start: "2017-01",
        end: "2019-08",
        bullets: ["Built dashboards in Tableau", "Wrote SQL reports for finance"],
        technologies: ["SQL", "Tableau", "Python"],
      },
    ],
    {
      degree: "MSc",
      field: "Statistics",
      school: "University of Amsterdam",
      start: "2015-09",
      end: "2017-08",
    },
    ["Python", "SQL", "Apache Spark", "Airflow", "Snowflake", "dbt", "Tableau", "pandas", "English", "Dutch"],
  ),
  D: profile(
    "D",
    "Dana DevOps",
    "Certified Kubernetes Administrator (CKA). Fluent German and English.",
    [
      {
        company: "CloudNine",
        title: "Site Reliability Engineer",
        start: "2022-01",
        end: "present",
        bullets: [
          "Run 40 Kubernetes clusters on AWS with Terraform",
          "Built CI/CD pipelines in GitHub Actions",
          "Led incident response and postmortems",
        ],
        technologies: ["Kubernetes", "AWS", "Terraform", "GitHub Actions", "Prometheus"],
      },
      {
        company: "Stadtwerke Nord",
        title: "Systems Administrator",
        start: "2016-05",
        end: "2021-12",
        bullets: [
          "Automated Linux server provisioning with Ansible",
          "Maintained monitoring with Prometheus and Grafana",
        ],
        technologies: ["Linux", "Ansible", "Prometheus", "Grafana", "Bash"],
      },
    ],
    {
      degree: "Diplom",
      field: "Informatik",
      school: "Universität Hamburg",
      start: "2010-10",
      end: "2016-03",
    },
    [
      "Kubernetes",
      "AWS",
      "Terraform",
      "Ansible",
      "Linux",
      "Prometheus",
      "Grafana",
      "Bash",
      "Python",
      "German",
      "English",
    ],
  ),
  E: profile(
    "E",
    "Eva Junior",
    "Java developer. Spanish native, English B2.",
    [
      {
        company: "Banco Sol",
        title: "Junior Java Developer",
        start: "2024-09",
        end: "present",
        bullets: ["Maintained Spring Boot microservices", "Wrote unit tests with JUnit"],
        technologies: ["Java", "Spring Boot", "JUnit", "MySQL"],
      },
      {
        company: "Banco Sol",
        title: "Intern",
        start: "2024-03",
        end: "2024-08",
        bullets: ["Built internal tools in Java"],
        technologies: ["Java"],
      },
    ],
    {
      degree: "Licenciatura",
      field: "Ingeniería Informática",
      school: "Universidad de Sevilla",
      start: "2020-09",
      end: "2024-06",
    },
    ["Java", "Spring Boot", "MySQL", "Git", "Docker", "Spanish", "English"],
  ),
  F: profile(
    "F",
    "Farid Dotnet",
    "Software developer; fluent French and English. AZ-204 certified.",
    [
      {
        company: "Contoso Logistics",
        title: "Software Developer",
        start: "2018-02",
        end: "present",
        bullets: [
          "Developed warehouse APIs in C# and ASP.NET Core",
          "Moved 12 services to Azure",
          "Worked with SQL Server and Entity Framework",
        ],
        technologies: ["C#", ".NET", "ASP.NET Core", "Azure", "SQL Server"],
      },
      {
        company: "Siemens",
        title: "C++ Developer",
        start: "2014-01",
        end: "2018-01",
        bullets: ["Wrote embedded firmware in C++17"],
        technologies: ["C++"],
      },
    ],
    {
      degree: "M.Sc.",
      field: "Electrical Engineering",
      school: "RWTH Aachen",
      start: "2008-10",
      end: "2013-09",
    },
    ["C#", ".NET", "C++", "Azure", "SQL Server", "Docker", "English", "French"],
  ),
};

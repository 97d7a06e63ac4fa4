import { parseResumeHeuristic } from "@vitae/documents";
import type { Profile } from "@vitae/documents/profile";
import { anaSouza, marcusLee, priyaRaman, type ResumeSource } from "@vitae/documents/testing";

// A fixture résumé as the product stores it: its text run through the same parser ingest uses.
function storedProfile(source: ResumeSource): Profile {
  const text = source.lines
    .map((line) => (line.kind === "bullet" ? `${source.bulletMark} ${line.text}` : line.text))
    .join("\n");
  return parseResumeHeuristic(text);
}

/** A German profile with umlauts, ß and Polish/Czech names, ending in a current role. */
export const germanProfile: Profile = {
  name: "Jürgen Weiß-Łukasiewicz",
  headline: "Softwarearchitekt für Zahlungssysteme",
  summary:
    "Über zwölf Jahre Erfahrung mit verteilten Systemen in München, Köln und Düsseldorf. Schwerpunkt: Ausfallsicherheit, Datenqualität und Teamführung.",
  contact: {
    email: "juergen.weiss@example.de",
    phone: "+49 89 1234 5678",
    location: "München, Deutschland",
    links: ["https://jürgen-weiß.example.de", "github.com/jweiss"],
  },
  experiences: [
    {
      company: "Bayerische Zahlungsverkehr GmbH",
      title: "Leitender Softwarearchitekt",
      start: "2021-04",
      end: "present",
      location: "München",
      bullets: [
        "Führte die Migration des Abrechnungssystems von Java-Monolith zu Go-Diensten auf Kubernetes.",
        "Senkte die Latenz der Überweisungsprüfung um 63 % durch Caching mit Redis.",
      ],
      technologies: ["Go", "Kubernetes", "Redis"],
    },
    {
      company: "Škoda Digital s.r.o.",
      title: "Senior Softwareentwickler",
      start: "2017-09",
      end: "2021-03",
      location: "Praha",
      bullets: [
        "Entwickelte Dienste für Fahrzeugdaten mit Kafka und PostgreSQL; Größenordnung: 2 Mrd. Ereignisse täglich.",
      ],
      technologies: ["Apache Kafka", "PostgreSQL"],
    },
    {
      company: "Café Crème Systèmes SA",
      title: "Software Engineer",
      start: "2013-02",
      end: "2017-08",
      location: "Genève",
      bullets: [
        "Baute die Bestell-App für 140 Filialen in Zürich, Lausanne und Genève.",
        "Einführung von Terraform-Pipelines.",
      ],
      technologies: ["Terraform"],
    },
  ],
  education: [
    {
      school: "Technische Universität München",
      degree: "MSc",
      field: "Informatik",
      start: "2010-01",
      end: "2013-01",
    },
  ],
  projects: [
    {
      name: "ledger-prüfer",
      description: "Prüft doppelte Buchführung in Go.",
      url: "https://github.com/jweiss/ledger-pruefer",
      technologies: ["Go"],
    },
  ],
  skills: [
    { name: "Go", category: "language", raw: "Go" },
    { name: "Java", category: "language", raw: "Java" },
    { name: "Kubernetes", category: "devops", raw: "Kubernetes" },
    { name: "PostgreSQL", category: "database", raw: "PostgreSQL" },
    { name: "Deutsch (Muttersprache)", category: "other", raw: "Deutsch (Muttersprache)" },
  ],
};

/** The fixture résumés of `@vitae/documents` as stored profiles, and the German one. */
export const roundTripProfiles: ReadonlyArray<{ id: string; profile: Profile }> = [
  { id: anaSouza.id, profile: storedProfile(anaSouza) },
  { id: marcusLee.id, profile: storedProfile(marcusLee) },
  { id: priyaRaman.id, profile: storedProfile(priyaRaman) },
  { id: "juergen-weiss", profile: germanProfile },
];

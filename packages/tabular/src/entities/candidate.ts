import { common } from "./shared-fields";
import { type EntityDefinition, entitySchema, field } from "./types";

/** A job applicant as an ATS exports them. */
export const candidateEntity: EntityDefinition = entitySchema.parse({
  name: "candidate",
  version: 1,
  label: "Candidate",
  xml: { root: "Candidates", record: "Candidate" },
  fields: [
    field(
      "candidateId",
      "string",
      {
        en: "candidate id|applicant id|candidate number|candidate ref|id",
        es: "id candidato|id del candidato|código candidato|referencia candidato",
        de: "bewerber-id|bewerbernummer|kandidaten-id",
        fr: "référence candidat|id candidat|numéro candidat|identifiant candidat",
        pt: "id do candidato|código do candidato|id candidato",
      },
      { required: true, unique: true, format: { maxLength: 64 } },
    ),
    common.firstName(),
    common.lastName(),
    { ...common.email(), required: true, unique: true },
    common.phone(),
    field("source", "string", {
      en: "source|candidate source|channel|origin|referral source",
      es: "fuente|origen|canal",
      de: "quelle|herkunft|kanal|bewerbungskanal",
      fr: "source|origine|canal",
      pt: "origem|fonte|canal",
    }),
    field("appliedDate", "date", {
      en: "applied on|applied date|application date|date applied|applied at",
      es: "fecha de candidatura|fecha de postulación|fecha de aplicación",
      de: "bewerbungsdatum|beworben am|eingang",
      fr: "date de candidature|candidature le|postulé le",
      pt: "data da inscrição|data de candidatura|data da candidatura|inscrito em",
    }),
    field("positionId", "string", {
      en: "job id|requisition id|req id|position id|job code|requisition",
      es: "vacante|id vacante|puesto solicitado|código de vacante",
      de: "stellen-id|stelle|ausschreibung|stellennummer",
      fr: "offre|référence offre|poste visé|id poste",
      pt: "vaga|código da vaga|id da vaga",
    }),
    field(
      "stage",
      "enum",
      {
        en: "stage|current stage|pipeline stage|status|application status",
        es: "etapa|fase|estado|estado de la candidatura",
        de: "phase|status|bewerbungsstatus|stufe",
        fr: "étape|statut|phase|statut de la candidature",
        pt: "etapa|etapa do processo|fase|status",
      },
      {
        format: {
          values: [
            {
              value: "applied",
              synonyms: ["applied", "new", "nuevo", "neu", "nouveau", "novo", "inscrito", "candidatura"],
            },
            {
              value: "screening",
              synonyms: [
                "screening",
                "phone screen",
                "review",
                "cribado",
                "preselección",
                "vorauswahl",
                "présélection",
                "triagem",
              ],
            },
            {
              value: "interview",
              synonyms: [
                "interview",
                "onsite",
                "entrevista",
                "vorstellungsgespräch",
                "interview",
                "entretien",
              ],
            },
            { value: "offer", synonyms: ["offer", "oferta", "angebot", "offre", "proposta"] },
            {
              value: "hired",
              synonyms: ["hired", "contratado", "contratada", "eingestellt", "embauché", "recruté"],
            },
            {
              value: "rejected",
              synonyms: [
                "rejected",
                "declined",
                "rechazado",
                "descartado",
                "abgelehnt",
                "refusé",
                "reprovado",
              ],
            },
          ],
        },
      },
    ),
    common.location(),
    field("linkedinUrl", "url", {
      en: "linkedin|linkedin url|linkedin profile",
      es: "perfil de linkedin|linkedin",
      de: "linkedin-profil|linkedin",
      fr: "profil linkedin|linkedin",
      pt: "perfil do linkedin|linkedin",
    }),
    field("resumeUrl", "url", {
      en: "resume|resume link|resume url|cv|cv link",
      es: "cv|currículum|enlace cv",
      de: "lebenslauf|cv|lebenslauf-link",
      fr: "cv|lien cv|curriculum",
      pt: "currículo|cv|link do currículo",
    }),
    field("expectedSalary", "number", {
      en: "expected salary|desired salary|salary expectation|salary expectations",
      es: "expectativa salarial|salario deseado|pretensión salarial",
      de: "gehaltsvorstellung|gehaltswunsch",
      fr: "prétentions salariales|salaire souhaité|prétention salariale",
      pt: "pretensão salarial|expectativa salarial",
    }),
    common.currency(),
    field("availableFrom", "date", {
      en: "available from|availability|start availability|notice period end",
      es: "disponibilidad|disponible desde",
      de: "verfügbar ab|eintrittstermin",
      fr: "disponibilité|disponible à partir de",
      pt: "disponibilidade|disponível a partir de",
    }),
    common.skills(),
  ],
});

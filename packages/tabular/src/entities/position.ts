import { common, employmentTypeValues } from "./shared-fields";
import { type EntityDefinition, entitySchema, field } from "./types";

/** An open or planned position (a requisition). */
export const positionEntity: EntityDefinition = entitySchema.parse({
  name: "position",
  version: 1,
  label: "Position (requisition)",
  xml: { root: "Positions", record: "Position" },
  fields: [
    field(
      "positionId",
      "string",
      {
        en: "requisition id|requisition code|req id|position id|job id|job code|requisition number",
        es: "id vacante|código de vacante|id de requisición|id puesto",
        de: "stellen-id|stellennummer|anforderungs-id|ausschreibungsnummer",
        fr: "référence du poste|id poste|numéro de réquisition|référence offre",
        pt: "código da vaga|id da vaga|número da requisição",
      },
      { required: true, unique: true, format: { maxLength: 64 } },
    ),
    field(
      "title",
      "string",
      {
        en: "title|job title|posting title|position title|role",
        es: "título|título de la vacante|puesto|nombre del puesto",
        de: "stellentitel|titel|stellenbezeichnung|jobtitel",
        fr: "intitulé|intitulé du poste|titre du poste|titre de l'offre",
        pt: "título da vaga|título|cargo|nome da vaga",
      },
      { required: true, format: { maxLength: 200 } },
    ),
    common.department(),
    common.location(),
    field("hiringManagerId", "string", {
      en: "hiring manager|hiring manager id|recruiting manager|requisition owner",
      es: "responsable de contratación|gerente contratante|responsable de la vacante",
      de: "einstellender manager|verantwortliche führungskraft|hiring manager",
      fr: "manager recruteur|responsable du recrutement",
      pt: "gestor responsável|gestor da vaga|gestor contratante",
    }),
    field(
      "status",
      "enum",
      {
        en: "status|requisition status|job status|posting status",
        es: "estado|estatus|estado de la vacante",
        de: "status|stellenstatus",
        fr: "statut|état du poste",
        pt: "status|situação|situação da vaga",
      },
      {
        format: {
          values: [
            {
              value: "open",
              synonyms: ["open", "opened", "abierta", "abierto", "offen", "ouvert", "ouverte", "aberta"],
            },
            {
              value: "on_hold",
              synonyms: [
                "on hold",
                "paused",
                "en pausa",
                "pausiert",
                "en attente",
                "suspendu",
                "congelada",
                "pausada",
              ],
            },
            {
              value: "filled",
              synonyms: ["filled", "cubierta", "besetzt", "pourvu", "pourvue", "preenchida"],
            },
            {
              value: "closed",
              synonyms: [
                "closed",
                "cancelled",
                "cerrada",
                "geschlossen",
                "fermé",
                "fermée",
                "fechada",
                "cancelada",
              ],
            },
          ],
        },
      },
    ),
    field("openings", "number", {
      en: "openings|headcount|number of openings|positions|vacancies",
      es: "número de vacantes|plazas|vacantes",
      de: "anzahl stellen|anzahl|planstellen",
      fr: "nombre de postes|postes ouverts",
      pt: "quantidade de vagas|número de vagas|vagas",
    }),
    field(
      "employmentType",
      "enum",
      {
        en: "employment type|job type|contract type|time type",
        es: "tipo de contrato|tipo de jornada|jornada",
        de: "beschäftigungsart|vertragsart",
        fr: "type de contrat",
        pt: "regime|tipo de contrato|tipo de contratação",
      },
      { format: { values: employmentTypeValues } },
    ),
    field("salaryMin", "number", {
      en: "salary min|comp min|minimum salary|salary from|pay range min|min salary",
      es: "salario mínimo|salario desde|rango salarial mínimo",
      de: "gehalt von|mindestgehalt|gehalt min",
      fr: "salaire minimum|salaire min|fourchette basse",
      pt: "salário mínimo|faixa salarial mínima|salário de",
    }),
    field("salaryMax", "number", {
      en: "salary max|comp max|maximum salary|salary to|pay range max|max salary",
      es: "salario máximo|salario hasta|rango salarial máximo",
      de: "gehalt bis|höchstgehalt|gehalt max",
      fr: "salaire maximum|salaire max|fourchette haute",
      pt: "salário máximo|faixa salarial máxima|salário até",
    }),
    common.currency(),
    field("openedDate", "date", {
      en: "opened date|open date|date opened|created date|posted date",
      es: "fecha de apertura|fecha de publicación",
      de: "eröffnet am|erstellt am|veröffentlicht am|ausschreibungsdatum",
      fr: "date d'ouverture|date de publication|ouvert le",
      pt: "data de abertura|aberta em|data de publicação",
    }),
    field("targetStartDate", "date", {
      en: "target start date|desired start date|target start",
      es: "fecha de incorporación deseada|fecha de inicio prevista",
      de: "gewünschtes eintrittsdatum|startdatum",
      fr: "date de prise de poste|date de début souhaitée",
      pt: "data de início prevista|início previsto",
    }),
    field("closedDate", "date", {
      en: "closed date|date closed|filled date",
      es: "fecha de cierre",
      de: "geschlossen am|besetzt am",
      fr: "date de clôture|fermé le",
      pt: "data de fechamento|fechada em",
    }),
    field("remote", "boolean", {
      en: "remote|remote ok|remote allowed|is remote",
      es: "remoto|teletrabajo",
      de: "remote|homeoffice|mobiles arbeiten",
      fr: "télétravail|à distance",
      pt: "remoto|home office|trabalho remoto",
    }),
  ],
  constraints: [{ kind: "dateOrder", start: "openedDate", end: "closedDate" }],
});

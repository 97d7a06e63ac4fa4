import { common } from "./shared-fields";
import { type EntityDefinition, entitySchema, field } from "./types";

/** An organisational unit; `parentDepartmentId` builds the tree and must exist in the same file. */
export const departmentEntity: EntityDefinition = entitySchema.parse({
  name: "department",
  version: 1,
  label: "Department",
  xml: { root: "Departments", record: "Department" },
  fields: [
    field(
      "departmentId",
      "string",
      {
        en: "department id|dept id|dept code|department code|org unit id|unit code|id",
        es: "id departamento|código de departamento|código de área",
        de: "abteilungs-id|abteilungsnummer|abteilungscode|org-einheit-id",
        fr: "code service|id département|code département",
        pt: "código do departamento|id do departamento|código do setor",
      },
      { required: true, unique: true, format: { maxLength: 64 } },
    ),
    field(
      "name",
      "string",
      {
        en: "department name|name|dept name|unit name",
        es: "nombre del departamento|nombre|denominación",
        de: "bezeichnung|abteilungsname|name",
        fr: "nom du service|libellé|nom",
        pt: "nome do departamento|nome|descrição",
      },
      { required: true, format: { maxLength: 200 } },
    ),
    field("parentDepartmentId", "string", {
      en: "parent department|parent dept code|parent id|parent department id|parent unit",
      es: "departamento padre|departamento superior|área superior",
      de: "übergeordnete abteilung|übergeordnete einheit|parent",
      fr: "service parent|département parent|service de rattachement",
      pt: "departamento pai|departamento superior|setor superior",
    }),
    field("managerId", "string", {
      en: "manager id|head of department|department head|manager|head",
      es: "responsable|jefe de departamento|director",
      de: "leitung|abteilungsleiter|leiter|verantwortlich",
      fr: "responsable|chef de service|directeur",
      pt: "gestor|responsável|chefe do departamento",
    }),
    common.costCenter(),
    common.location(),
  ],
  constraints: [{ kind: "reference", field: "parentDepartmentId", target: "departmentId" }],
});

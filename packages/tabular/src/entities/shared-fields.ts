import { field } from "./types";

/** Enum values shared by several entities (one home: employee and position both use them). */
export const employmentTypeValues = [
  {
    value: "full_time",
    synonyms: [
      "full time",
      "full-time",
      "ft",
      "fulltime",
      "salaried ft",
      "tiempo completo",
      "completa",
      "vollzeit",
      "temps plein",
      "tempo integral",
      "permanent",
      "indefinido",
      "cdi",
      "clt",
    ],
  },
  {
    value: "part_time",
    synonyms: [
      "part time",
      "part-time",
      "pt",
      "hourly pt",
      "tiempo parcial",
      "parcial",
      "teilzeit",
      "temps partiel",
      "meio periodo",
    ],
  },
  {
    value: "contractor",
    synonyms: [
      "contract",
      "contractor",
      "freelance",
      "consultant",
      "contratista",
      "freiberufler",
      "prestataire",
      "pj",
      "autonomo",
    ],
  },
  {
    value: "temporary",
    synonyms: ["temp", "temporary", "fixed term", "temporal", "befristet", "cdd", "temporario"],
  },
  {
    value: "intern",
    synonyms: [
      "intern",
      "internship",
      "becario",
      "practicas",
      "praktikant",
      "stagiaire",
      "estagiario",
      "apprentice",
      "azubi",
      "alternant",
    ],
  },
];

/** Fields most entities share; each call returns a fresh definition so entities may override options. */
export const common = {
  firstName: () =>
    field(
      "firstName",
      "string",
      {
        en: "first name|given name|forename|legal first name|fname|first",
        es: "nombre|nombres|nombre de pila|primer nombre",
        de: "vorname|vornamen",
        fr: "prénom|prenom",
        pt: "nome|primeiro nome|prenome",
      },
      { required: true, format: { maxLength: 100 } },
    ),
  lastName: () =>
    field(
      "lastName",
      "string",
      {
        en: "last name|surname|family name|legal last name|lname|last",
        es: "apellido|apellidos|primer apellido|apellido paterno",
        de: "nachname|familienname|zuname",
        fr: "nom|nom de famille|nom de naissance",
        pt: "sobrenome|apelido|último nome|ultimo nome",
      },
      { required: true, format: { maxLength: 100 } },
    ),
  email: () =>
    field(
      "email",
      "email",
      {
        en: "email|e-mail|email address|personal email|home email|private email|mail",
        es: "correo|correo electrónico|email personal|correo personal",
        de: "e-mail|e-mail-adresse|private e-mail|email privat",
        fr: "courriel|adresse e-mail|adresse email|email personnel|mail personnel",
        pt: "e-mail|email pessoal|endereço de email|correio eletrônico",
      },
      { format: { maxLength: 254 } },
    ),
  phone: () =>
    field(
      "phone",
      "phone",
      {
        en: "phone|phone number|telephone|tel|work phone|business phone|home phone|contact number",
        es: "teléfono|telefono|número de teléfono|tel fijo",
        de: "telefon|telefonnummer|tel|telefon geschäftlich|rufnummer",
        fr: "téléphone|telephone|numéro de téléphone|tél|téléphone fixe",
        pt: "telefone|número de telefone|fone",
      },
      { format: { hint: "Converted to E.164 with the import's default country" } },
    ),
  location: () =>
    field("location", "string", {
      en: "location|work location|office|site|work site|branch|workplace",
      es: "ubicación|ubicacion|sede|centro de trabajo|oficina|sucursal",
      de: "standort|arbeitsort|niederlassung|büro|betriebsstätte",
      fr: "site|lieu de travail|établissement|bureau|localisation",
      pt: "local|localização|local de trabalho|filial|unidade|escritório",
    }),
  department: () =>
    field(
      "department",
      "string",
      {
        en: "department|dept|division|team|org unit|organization|business unit|supervisory organization",
        es: "departamento|área|area|gerencia|división|unidad organizativa",
        de: "abteilung|organisationseinheit|bereich|team|org einheit",
        fr: "département|departement|service|direction|équipe|unité organisationnelle",
        pt: "departamento|área|setor|divisão|equipe|unidade organizacional",
      },
      { format: { maxLength: 200 } },
    ),
  currency: () =>
    field(
      "currency",
      "string",
      {
        en: "currency|currency code|pay currency|salary currency",
        es: "moneda|divisa",
        de: "währung|waehrung",
        fr: "devise|monnaie",
        pt: "moeda",
      },
      { format: { pattern: "[A-Za-z]{3}", hint: "ISO 4217 code, e.g. EUR" } },
    ),
  costCenter: () =>
    field("costCenter", "string", {
      en: "cost center|cost centre|cost center code|cc",
      es: "centro de coste|centro de costo|centro de costos",
      de: "kostenstelle|kst",
      fr: "centre de coûts|centre de coût|centre analytique",
      pt: "centro de custo|centro de custos",
    }),
  skills: () =>
    field(
      "skills",
      "list",
      {
        en: "skills|competencies|skill set|tags",
        es: "habilidades|competencias|aptitudes",
        de: "fähigkeiten|kompetenzen|kenntnisse",
        fr: "compétences|competences|savoir-faire",
        pt: "competências|habilidades|conhecimentos",
      },
      { xml: { element: "Skills", item: "Skill" } },
    ),
};

/**
 * Word lists for questions the taxonomy does not cover: spoken languages, industries and résumé sections
 * (publications, awards, certifications, teaching). Terms are folded (lower case, no diacritics) and match
 * as word prefixes, so "bank" finds "banks" and "banking". Pure data; `topics.ts` compiles it once.
 */

/** Spoken languages, each with its names in the résumé languages we read (en, de, es, fr, pt, it, nl). */
export const spokenLanguages: ReadonlyArray<readonly [string, ...string[]]> = [
  ["English", "englisch", "ingles", "anglais", "inglese", "engels"],
  ["German", "deutsch", "aleman", "alemao", "allemand", "tedesco", "duits"],
  ["French", "franzosisch", "frances", "francais", "francese", "frans"],
  ["Spanish", "spanisch", "espanol", "espanhol", "castellano", "espagnol", "spagnolo", "spaans"],
  ["Portuguese", "portugiesisch", "portugues", "portugais", "portoghese", "portugees"],
  ["Italian", "italienisch", "italiano", "italien", "italiaans"],
  ["Dutch", "niederlandisch", "nederlands", "neerlandais", "holandes"],
  ["Mandarin", "chinese", "chinesisch", "chino", "chines", "chinois", "cantonese"],
  ["Japanese", "japanisch", "japones", "japonais"],
  ["Korean", "koreanisch", "coreano"],
  ["Hindi"],
  ["Tamil"],
  ["Bengali"],
  ["Urdu"],
  ["Punjabi"],
  ["Arabic", "arabisch", "arabe"],
  ["Russian", "russisch", "ruso", "russo", "russe"],
  ["Polish", "polnisch", "polaco", "polonais"],
  ["Turkish", "turkisch", "turco", "turc"],
  ["Greek", "griechisch", "griego", "grego"],
  ["Swedish", "schwedisch", "sueco"],
  ["Danish", "danisch", "danes"],
  ["Norwegian", "norwegisch", "noruego"],
  ["Finnish", "finnisch"],
  ["Ukrainian", "ukrainisch", "ucraniano"],
  ["Czech", "tschechisch"],
  ["Romanian", "rumanisch", "rumano"],
  ["Hungarian", "ungarisch"],
  ["Hebrew", "hebraisch"],
  ["Persian", "farsi"],
  ["Swahili"],
  ["Igbo"],
  ["Yoruba"],
  ["Hausa"],
  ["Catalan", "katalanisch", "catalan"],
  ["Vietnamese"],
  ["Thai"],
  ["Indonesian", "bahasa"],
  ["Tagalog", "filipino"],
];

/** Industries: words a question uses for one, and the words that show it on a résumé. */
export const industries: ReadonlyArray<{ label: string; asked: string[]; evidence: string[] }> = [
  {
    label: "healthcare",
    asked: ["health", "healthcare", "medical", "medicine", "hospital", "clinical", "pharma"],
    evidence: ["health", "hospital", "clinic", "medic", "patient", "pharma", "nurs", "intensive care"],
  },
  {
    label: "rail and transport",
    asked: ["rail", "railway", "train", "transport", "mobility", "logistics"],
    evidence: ["rail", "train", "mobility", "transport", "logistic", "timetable", "fahrplan"],
  },
  { label: "insurance", asked: ["insurance", "insurer", "insurtech"], evidence: ["insur", "versicher"] },
  {
    label: "telecommunications",
    asked: ["telecom", "telecoms", "telecommunication", "telecommunications", "telco"],
    evidence: ["telecom", "telekom", "telco", "network-provisioning", "mobile network"],
  },
  { label: "banking", asked: ["bank", "banks", "banking"], evidence: ["bank", "lending", "loan"] },
  {
    label: "finance",
    asked: ["finance", "financial", "fintech", "fin-tech"],
    evidence: ["financ", "fintech", "bank", "payment", "pagamento", "credit", "ifrs", "audit", "trading"],
  },
  {
    label: "payments",
    asked: ["payment", "payments"],
    evidence: ["payment", "pagamento", "point-of-sale", "pix"],
  },
  {
    label: "e-commerce",
    asked: ["e-commerce", "ecommerce", "marketplace", "marketplaces", "online retail", "online shop"],
    evidence: ["e-commerce", "ecommerce", "marketplace", "checkout", "webshop", "online shop"],
  },
  {
    label: "retail",
    asked: ["retail", "retailer", "retailers"],
    evidence: ["retail", "store", "e-commerce"],
  },
  {
    label: "fashion",
    asked: ["fashion", "apparel", "clothing"],
    evidence: ["fashion", "apparel", "cloth", "luxury"],
  },
  {
    label: "travel",
    asked: ["travel", "tourism", "hospitality", "hotel", "hotels"],
    evidence: ["travel", "hotel", "flight", "airline", "touris", "hospitality"],
  },
  {
    label: "music and media",
    asked: ["music", "streaming", "media", "entertainment", "podcast", "podcasts"],
    evidence: ["music", "podcast", "playlist", "streaming", "media"],
  },
  {
    label: "consulting",
    asked: ["consulting", "consultancy", "consultancies", "advisory"],
    evidence: ["consult", "advisory"],
  },
  { label: "gaming", asked: ["gaming", "games", "video games"], evidence: ["game", "gaming"] },
  {
    label: "energy",
    asked: ["energy", "utilities", "renewables", "oil and gas"],
    evidence: ["energy", "utilit", "renewable", "solar", "wind farm", "oil"],
  },
  {
    label: "the public sector",
    asked: ["government", "public sector", "public administration"],
    evidence: ["government", "ministry", "public sector", "municipal", "federal"],
  },
  {
    label: "automotive",
    asked: ["automotive", "car industry", "carmaker"],
    evidence: ["automotive", "vehicle", "car-"],
  },
  {
    label: "audit and accounting",
    asked: ["audit", "auditing", "accounting"],
    evidence: ["audit", "accounting", "ifrs"],
  },
];

/** Résumé sections a question can ask about without naming a role, school or technology. */
export const sections: ReadonlyArray<{
  key: SectionKey;
  label: string;
  asked: string[];
  evidence: string[];
}> = [
  {
    key: "publications",
    label: "publications",
    asked: ["publication", "publications", "papers", "paper", "published", "publish", "journal", "articles"],
    evidence: [
      "publication",
      "paper",
      "published",
      "journal",
      "proceedings",
      "icml",
      "neurips",
      "iclr",
      "cvpr",
    ],
  },
  {
    key: "awards",
    label: "awards",
    asked: [
      "award",
      "awards",
      "prize",
      "prizes",
      "honours",
      "honors",
      "fellowship",
      "won",
      "win",
      "medal",
      "competitions",
      "competition",
    ],
    evidence: [
      "award",
      "prize",
      "honour",
      "honor",
      "fellowship",
      "winner",
      "won ",
      "medal",
      "finalist",
      "grandmaster",
      "scholarship",
    ],
  },
  {
    key: "certifications",
    label: "certifications",
    asked: [
      "certified",
      "certification",
      "certifications",
      "certificate",
      "certificates",
      "licence",
      "license",
    ],
    evidence: ["certif", "licen", "accredit"],
  },
  {
    key: "teaching",
    label: "teaching",
    asked: [
      "teach",
      "teaches",
      "teaching",
      "taught",
      "lecture",
      "lectures",
      "lecturer",
      "tutor",
      "tutoring",
      "courses",
    ],
    evidence: ["teach", "taught", "lectur", "tutor", "course", "instructor", "teaching assistant"],
  },
];

export type SectionKey = "publications" | "awards" | "certifications" | "teaching";

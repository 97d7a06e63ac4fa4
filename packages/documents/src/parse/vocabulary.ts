// Words that make a phrase a job title rather than an organisation, in English, Spanish, German, French
// and Portuguese. `\b` is ASCII-only, so word edges are letter lookarounds.
const titleWord = new RegExp(
  `(?<!\\p{L})(?:${[
    "engineer(?:ing)?|developer|programmer|architect|manager|director|lead|head|intern|internship|analyst|scientist|designer|consultant|specialist|administrator|admin|officer|president|vp|cto|ceo|cfo|coo|founder|co-founder|cofounder|owner|partner|associate|assistant|coordinator|technician|researcher|professor|lecturer|teacher|tutor|trainee|apprentice|sre|devops|principal|staff|senior|junior|sr|jr|contractor|freelancer?|editor|writer|strategist|advisor|executive|representative|fellow|product owner|scrum master|postdoc(?:toral)?",
    "ingenier[oa]|desarrollador(?:a)?|cient[íi]fic[oa]|jef[ea]|analista|arquitect[oa]|directora?|gerente|consultora?|investigadora?|profesora?|becari[oa]|t[ée]cnic[oa]|responsable|coordinadora?|programadora?|administradora?|especialista|diseñadora?|ayudante|titular",
    "werkstudent(?:in)?|praktikant(?:in)?|mitarbeiter(?:in)?|postdoktorand(?:in)?|doktorand(?:in)?|wissenschaftler(?:in)?|juniorprofessor(?:in)?|gesch[äa]ftsf[üu]hrer(?:in)?|teamleiter(?:in)?|projektleiter(?:in)?",
    "ing[ée]nieure?|d[ée]veloppeu(?:r|se)|chef|architecte|consultante?|chercheu(?:r|se)|ma[îi]tre de conf[ée]rences|directeur|directrice|charg[ée]e?|stagiaire|attach[ée]e?|enseignante?|analyste|technicien(?:ne)?",
    "engenheir[oa]|desenvolvedora?|gerente|arquitet[oa]|cientista|pesquisadora?|estagi[áa]ri[oa]|coordenadora?|diretora?",
  ].join("|")})(?!\\p{L})` +
    // German compounds: "Softwareentwicklerin", "Backend-Entwickler", "Datenanalyst", "Systemadministrator".
    "|(?<!\\p{L})\\p{L}{0,24}?(?:entwickler|leiter|analyst|administrator|berater|ingenieur|architekt|referent|manager|designer)(?:in|innen)?(?!\\p{L})",
  "iu",
);

const wordsPattern = (alternatives: readonly string[]) =>
  new RegExp(`(?<!\\p{L})(?:${alternatives.join("|")})\\.?(?!\\p{L})`, "iu");

// Legal forms: the strongest sign of an organisation ("Nordlicht Software GmbH", "Brisa Digital S.A.").
const legalForm = wordsPattern([
  "inc|llc|ltd|limited|gmbh|corp|corporation|plc|ag|bv|nv|kg|se|sarl|sas|ltda|lda|spa|srl|oy|ab",
  "s\\.a|sa|s\\.l|sl|s\\.a\\.s|s\\.r\\.l",
]);
const institution = wordsPattern([
  "universidad|universidade|universit[äa]t|universit[ée]|universit[àa]|university|institut[eo]?|[ée]cole|hochschule|college|insa|rwth",
]);
// Words common in organisation names (weaker: "Software" is also in "Software Engineer").
const organisationWord = wordsPattern([
  "company|co|group|labs?|technologies|technology|solutions|systems|software|studios?|bank|agency|partners|holdings|ventures|consulting|health|foods|payments|logistics|retail|mobility|digital|media|networks",
  "grupo|groupe|banco|banque|versicherung|energ[íi]a|tecnologia|sistemas|soluciones|conseil|automotive|freight|shipping|analytics|insights|traders|robotics|seguros|agro|sensores|cloud|finance",
]);

/** Whether a phrase reads as a job title ("Senior Data Engineer", "Softwareentwicklerin", "Chef de projet"). */
export function looksLikeTitle(text: string): boolean {
  return titleWord.test(text);
}

/**
 * How much a phrase reads as a title rather than an organisation: title words count 2, a legal form
 * −3, an institution −2, an organisation word −1. Positive: a title; negative: an organisation.
 */
export function titleLeaning(text: string): number {
  return (
    2 * Number(titleWord.test(text)) -
    3 * Number(legalForm.test(text)) -
    2 * Number(institution.test(text)) -
    Number(organisationWord.test(text))
  );
}

// Words that make a phrase a job title rather than an organisation.
const titleWord =
  /\b(?:engineer(?:ing)?|developer|programmer|architect|manager|director|lead|head|intern|internship|analyst|scientist|designer|consultant|specialist|administrator|admin|officer|president|vp|cto|ceo|cfo|coo|founder|co-founder|cofounder|owner|partner|associate|assistant|coordinator|technician|researcher|professor|lecturer|teacher|tutor|trainee|apprentice|sre|devops|principal|staff|senior|junior|sr|jr|contractor|freelancer?|editor|writer|strategist|advisor|executive|representative|fellow|product owner|scrum master)\b/i;

// Words that make a phrase an organisation.
const companyWord =
  /\b(?:inc|llc|ltd|gmbh|corp|corporation|company|co|group|labs?|technologies|technology|solutions|systems|software|studios?|bank|university|agency|partners|holdings|ventures|consulting|health|foods|payments|logistics|retail|mobility|digital|media|networks|s\.a|sa|plc|ag|bv)\b\.?/i;

/** Whether a phrase reads as a job title ("Senior Data Engineer", "Web Development Intern"). */
export function looksLikeTitle(text: string): boolean {
  return titleWord.test(text);
}

/** Whether a phrase reads as an organisation ("Casa Digital", "Lakeshore Bank", "Acme Inc."). */
export function looksLikeCompany(text: string): boolean {
  return companyWord.test(text);
}

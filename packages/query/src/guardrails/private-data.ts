/**
 * Requests for private data: sensitive attributes a résumé assistant must never speculate about or
 * reveal, and personal details of anyone other than the profile's owner (managers, family, references,
 * other candidates). The owner's published contact details (email, phone, city, links) are not private:
 * they are on the résumé, and the `contact` intent answers them.
 */
const sensitiveAttribute =
  /\b(ssn|social security|passport (number|no|id)|national (id|insurance)|tax (id|number)|credit card|bank (account|details)|iban|routing number|passwords?|pin code|login credentials|medical|health (conditions?|issues?|problems?|records?|history)|diagnos(is|es|ed)|disabilit\w*|pregnan\w*|religio\w*|sexual orientation|political (views?|affiliation|party)|votes? for|criminal (record|history)|arrest\w*|home address|street address|date of birth|birth ?date|birthday|how old|(his|her|their) age|marital status|married|divorced|ethnicity|race|salary|how much (does|did|do) (he|she|they) (make|earn|get paid)|net worth|immigration status)\b/;

const otherPeople =
  /\b(his|her|their|the candidate's|[a-z]+'s) (former |previous |current |old |ex-?)?(manager|boss|supervisor|co-?workers?|colleagues?|team ?mates?|wife|husband|spouse|partner|girlfriend|boyfriend|ex|mother|father|mom|dad|parents|siblings?|brother|sister|family|kids|children|references?|referees?|clients?|customers?|landlord|neighbou?rs?|friends?)\b|\b(other (candidates|applicants|users|people|profiles|résumés|resumes)|someone else|everyone else|all (users|candidates|profiles)|(his|her|their) references)\b/;

const personalDetail =
  /\b(names?|phone|number|e-?mail|address|contact|lives?|living|salary|personal|details|info|information|who (is|was|were|are)|whos|who's|résumés?|resumes?|profiles?|cvs?|data|socials?|linkedin|instagram|facebook)\b/;

const bulkAccess =
  /\b(list|show|dump|export|give me|download)\b.{0,20}\b(all|every|other)\b.{0,15}\b(users|profiles|résumés|resumes|candidates|accounts|workspaces|records|database|tables)\b|\b(dump|export) (the )?(database|db|tables)\b/;

export function detectPrivateDataRequest(folded: string): { reason: string } | null {
  if (sensitiveAttribute.test(folded)) return { reason: "sensitive-attribute" };
  if (bulkAccess.test(folded)) return { reason: "bulk-access" };
  if (otherPeople.test(folded) && personalDetail.test(folded)) return { reason: "third-party" };
  return null;
}

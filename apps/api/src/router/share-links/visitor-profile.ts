import type { ProfileView } from "@vitae/db";

/** What stands in for a contact detail that a link does not share, wherever else the résumé repeats it. */
const hiddenMark = "[contact hidden]";

function scrub<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === "string") {
    // split/join: linear, and no secret is ever read as a pattern.
    return secrets.reduce((text, secret) => text.split(secret).join(hiddenMark), value as string) as T;
  }
  if (Array.isArray(value)) return value.map((item) => scrub(item, secrets)) as T;
  if (value instanceof Date || value === null || typeof value !== "object") return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrub(item, secrets)])) as T;
}

/**
 * The profile as a share link without contact details may show it: no email, phone or links in the
 * contact block, and those exact values replaced wherever else the résumé repeats them (a summary that
 * ends with the email). The city stays: it answers "where is she based?", not "how do I reach her?".
 * This is the data the Ask pipeline receives, so neither basic mode nor the LLM can answer what it
 * never saw.
 */
function withoutContact(profile: ProfileView): ProfileView {
  const { email, phone, links } = profile.contact;
  // Elsewhere only values long enough to be unmistakable are replaced; the contact block is always emptied.
  const secrets = [email, phone, ...links].filter(
    (value): value is string => value !== null && value.trim().length >= 5,
  );
  const scrubbed = scrub(profile, secrets);
  return { ...scrubbed, contact: { ...scrubbed.contact, email: null, phone: null, links: [] } };
}

/** The profile a visitor of a link sees: whole when the link shows contact details, redacted otherwise. */
export function visitorProfile(link: { showContact: boolean }, profile: ProfileView): ProfileView {
  return link.showContact ? profile : withoutContact(profile);
}

/**
 * What a share link shows, in the panel's words. The server enforces it (docs/ask-contracts.md): with
 * contact details off, the owner's email, phone and links never reach the questions a visitor asks.
 */
export function visitorSees(showContact: boolean): { shown: string; withheld: string } {
  const always =
    "the name and headline, and answers drawn from this profile’s summary, experience, education, projects, skills and city";
  return showContact
    ? {
        shown: `${always}, and the email, phone number and links on the résumé`,
        withheld: "the document itself and anything else in this workspace",
      }
    : {
        shown: always,
        withheld:
          "the email, phone number and links on the résumé, the document itself and anything else in this workspace",
      };
}

/** Every share link expires; these are the spans offered (the API allows 1–365 days, 30 by default). */
export const shareLinkExpiryChoices: ReadonlyArray<{ value: number; label: string }> = [
  { value: 7, label: "In 7 days" },
  { value: 30, label: "In 30 days" },
  { value: 90, label: "In 90 days" },
  { value: 365, label: "In 1 year" },
];

export const defaultShareLinkExpiryDays = 30;

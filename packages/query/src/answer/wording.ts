/** Small grammar helpers shared by the templates. */

export function joinList(items: string[], conjunction = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  if (items.length === 2) return `${items[0]} ${conjunction} ${items[1]}`;
  return `${items.slice(0, -1).join(", ")}, ${conjunction} ${items[items.length - 1]}`;
}

export function cite(...ids: string[]): string {
  return ids.map((id) => `[${id}]`).join("");
}

export function article(word: string): string {
  return /^(?:[aeio]|u(?!ni|s)|hon|mba|msc|ms\b|ma\b|mfa)/i.test(word) ? "an" : "a";
}

/** A stable pick among phrasings, so the same question reads the same but answers do not all sound alike. */
export function pick<T>(options: readonly T[], seed: number): T {
  return options[Math.abs(seed) % options.length] as T;
}

export function seedOf(text: string): number {
  let hash = 0;
  for (let index = 0; index < text.length; index += 1) hash = (hash * 31 + text.charCodeAt(index)) | 0;
  return hash;
}

export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "";
  const capitalised = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** "Led the migration to Kafka." → "led the migration to Kafka" for use inside a sentence. */
export function clause(bullet: string): string {
  const trimmed = bullet.trim().replace(/[.;]+$/, "");
  return /^[A-Z][a-z]/.test(trimmed) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

/** "Frontend Developer at N26", or "Frontend Developer (freelance)" when the employer is the person. */
export function roleAt(title: string, company: string): string {
  return /^(freelance|self[- ]employed|independent|contractor)$/i.test(company.trim())
    ? `${title} (${company.trim().toLowerCase()})`
    : `${title} at ${company}`;
}

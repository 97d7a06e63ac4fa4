export type ApiKeyStatus = "active" | "expired" | "revoked";

/** Revocation wins over expiry: a revoked key says so even after its expiry date has passed. */
export function apiKeyStatus(
  key: { revokedAt: string | Date | null; expiresAt: string | Date | null },
  now: Date = new Date(),
): ApiKeyStatus {
  if (key.revokedAt !== null) return "revoked";
  if (key.expiresAt !== null && new Date(key.expiresAt).getTime() <= now.getTime()) return "expired";
  return "active";
}

export const apiKeyStatusLabels: Record<ApiKeyStatus, string> = {
  active: "Active",
  expired: "Expired",
  revoked: "Revoked",
};

/** Expiry choices offered when creating a key; the empty value means the key never expires. */
export const expiryChoices: ReadonlyArray<{ value: string; label: string }> = [
  { value: "", label: "Never" },
  { value: "7", label: "In 7 days" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In 1 year" },
];

/**
 * How a key is recognised in lists: keys are `vk_<prefix>_<secret>` (see `@vitae/auth`) and the API
 * stores the bare prefix, so show the key's visible start followed by an ellipsis for the secret.
 */
export function keyHint(prefix: string): string {
  return prefix.startsWith("vk_") ? `${prefix}…` : `vk_${prefix}_…`;
}

import { type Scope, scopes } from "../auth/roles";

/** How a key's permissions are chosen: two ready-made sets, or scope by scope. */
export type ScopePreset = "read-only" | "full-access" | "custom";

/**
 * The ready-made sets, derived from the contract's scope list (never a copy of it): read-only is every
 * `…:read` scope, full access is every scope. A scope added to `@vitae/contracts` joins them by its name.
 */
export const presetScopes: Readonly<Record<Exclude<ScopePreset, "custom">, readonly Scope[]>> = {
  "read-only": scopes.filter((scope) => scope.endsWith(":read")),
  "full-access": scopes,
};

export const scopePresetChoices: ReadonlyArray<{ value: ScopePreset; label: string; hint: string }> = [
  {
    value: "read-only",
    label: "Read-only",
    hint: "Reads documents, profiles, postings, members, usage and the audit log. Changes nothing.",
  },
  {
    value: "full-access",
    label: "Full access",
    hint: "Everything an admin can do in this workspace, except creating more keys.",
  },
  { value: "custom", label: "Custom", hint: "Pick exactly what the key may do." },
];

function sameScopes(a: readonly Scope[], b: readonly Scope[]): boolean {
  return a.length === b.length && a.every((scope) => b.includes(scope));
}

/** Which preset a set of scopes is (order and duplicates aside); anything else is custom. */
export function presetOf(selected: readonly string[]): ScopePreset {
  const unique = [...new Set(selected)] as Scope[];
  if (sameScopes(unique, presetScopes["full-access"])) return "full-access";
  if (sameScopes(unique, presetScopes["read-only"])) return "read-only";
  return "custom";
}

/** A key's permissions in a few words for lists: the preset's name, or how many permissions it has. */
export function describeKeyScopes(selected: readonly string[]): string {
  const preset = presetOf(selected);
  if (preset === "read-only") return "Read-only";
  if (preset === "full-access") return "Full access";
  const count = new Set(selected).size;
  return count === 1 ? "Custom: 1 permission" : `Custom: ${count} permissions`;
}

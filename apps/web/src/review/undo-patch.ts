import type { ProfilePatch, ProfileView } from "../documents/types";

/**
 * How to put a profile back as it was before a saved correction, computed from the profile before and
 * after it (so it works for any patch: edits, removals, additions, a new order). A fact removed by the
 * correction comes back as a new fact (new id) at its old place: `then` builds the second request that
 * restores the order once the first has given the new ids. A skill that comes back keeps its name; its
 * taxonomy link and category are not restored.
 */
export interface UndoPlan {
  patch: ProfilePatch;
  then: ((restored: ProfileView) => ProfilePatch | null) | null;
}

type Kind = "experiences" | "education" | "projects" | "skills";
const kinds: Kind[] = ["experiences", "education", "projects", "skills"];
const topLevel = ["name", "headline", "summary"] as const;
const contactFields = ["email", "phone", "location"] as const;

// The fields `profiles.update` edits by id, per kind (technologies of a role are the parser's).
const editable = {
  experiences: ["company", "title", "start", "end", "location", "bullets"],
  education: ["school", "degree", "field", "start", "end"],
  projects: ["name", "description", "url", "technologies"],
} as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> | null {
  const changes: Record<string, unknown> = {};
  for (const field of fields) if (!same(before[field], after[field])) changes[field] = before[field];
  return Object.keys(changes).length === 0 ? null : { id: before.id, ...changes };
}

function readd(kind: Kind, fact: ProfileView[Kind][number]): unknown {
  if (kind === "skills") return (fact as ProfileView["skills"][number]).name;
  const { id: _id, ...values } = fact as { id: string } & Record<string, unknown>;
  if (kind === "experiences") {
    const { technologies: _t, ...rest } = values;
    return rest;
  }
  return values;
}

/** The undo plan taking `after` back to `before`; null when nothing differs. */
export function undoPlan(before: ProfileView, after: ProfileView): UndoPlan | null {
  const patch: ProfilePatch = {};
  const mutable = patch as Record<string, unknown>;
  for (const field of topLevel) if (!same(before[field], after[field])) mutable[field] = before[field];
  for (const field of contactFields) {
    if (!same(before.contact[field], after.contact[field])) mutable[field] = before.contact[field];
  }
  if (!same(before.languages, after.languages)) patch.languages = before.languages;

  const reordersLater: Kind[] = [];
  for (const kind of kinds) {
    const beforeFacts = before[kind] as Array<{ id: string } & Record<string, unknown>>;
    const afterFacts = after[kind] as Array<{ id: string } & Record<string, unknown>>;
    const afterIds = new Set(afterFacts.map((fact) => fact.id));
    const beforeIds = new Set(beforeFacts.map((fact) => fact.id));
    const added = afterFacts.filter((fact) => !beforeIds.has(fact.id)).map((fact) => fact.id);
    const removed = beforeFacts.filter((fact) => !afterIds.has(fact.id));
    if (added.length > 0) patch.remove = { ...patch.remove, [kind]: added };
    if (removed.length > 0) {
      patch.add = {
        ...patch.add,
        [kind]: removed.map((fact) => readd(kind, fact as ProfileView[Kind][number])),
      };
      reordersLater.push(kind);
    }
    if (kind !== "skills") {
      const edits = beforeFacts
        .filter((fact) => afterIds.has(fact.id))
        .map((fact) => {
          const now = afterFacts.find((other) => other.id === fact.id) ?? fact;
          return changedFields(fact, now as Record<string, unknown>, editable[kind]);
        })
        .filter((edit) => edit !== null);
      if (edits.length > 0) mutable[kind] = edits;
    }
    const keptBefore = beforeFacts.filter((fact) => afterIds.has(fact.id)).map((fact) => fact.id);
    const keptAfter = afterFacts.filter((fact) => beforeIds.has(fact.id)).map((fact) => fact.id);
    if (removed.length === 0 && !same(keptBefore, keptAfter))
      patch.order = { ...patch.order, [kind]: keptBefore };
  }
  if (Object.keys(patch).length === 0) return null;

  const then =
    reordersLater.length === 0
      ? null
      : (restored: ProfileView): ProfilePatch | null => {
          const order: NonNullable<ProfilePatch["order"]> = {};
          for (const kind of reordersLater) {
            const beforeFacts = before[kind] as Array<{ id: string }>;
            const restoredIds = (restored[kind] as Array<{ id: string }>).map((fact) => fact.id);
            const kept = new Set(beforeFacts.map((fact) => fact.id));
            // The facts added back are the ones with ids the profile did not have before, in order.
            const fresh = restoredIds.filter((id) => !kept.has(id));
            let next = 0;
            order[kind] = beforeFacts.map((fact) =>
              restoredIds.includes(fact.id) ? fact.id : (fresh[next++] ?? fact.id),
            );
          }
          return { order };
        };
  return { patch, then };
}

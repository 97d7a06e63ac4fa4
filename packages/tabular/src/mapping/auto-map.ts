import type { EntityDefinition, FieldDefinition } from "../entities/types";
import type { ColumnProfile } from "../profile/profile-columns";
import { type IndexedName, indexEntity, indexLearned } from "./field-index";
import { fingerprintHeaders } from "./fingerprint";
import { containsTokens, nameSimilarity, normaliseName, tokens } from "./normalize";
import { valueFit, valueOnlyGuess } from "./value-signals";

/** How a mapping was decided (closed list). */
export const mappingSources = [
  "memory",
  "exact",
  "learned",
  "alias",
  "contains",
  "fuzzy",
  "values",
  "llm",
  "manual",
  "none",
] as const;
export type MappingSource = (typeof mappingSources)[number];

/** A field a column could map to, with the confidence (0–1) and the reason in plain words. */
export interface FieldCandidate {
  field: string;
  confidence: number;
  reason: string;
}

/** The decision for one column: a field or `null` (abstained), always with a confidence and a reason. */
export interface ColumnMapping {
  column: string;
  columnIndex: number;
  field: string | null;
  confidence: number;
  reason: string;
  source: MappingSource;
  /** The next-best fields for this column, best first (at most three). */
  alternatives: FieldCandidate[];
}

/** A mapping confirmed by an operator earlier, stored by the API under the header fingerprint. */
export interface RememberedMapping {
  fingerprint: string;
  mapping: ReadonlyArray<{ column: string; field: string | null }>;
}

/** Inputs of `mapColumns`; everything is data, nothing is fetched. */
export interface MapColumnsInput {
  entity: EntityDefinition;
  columns: ReadonlyArray<{ name: string; profile?: ColumnProfile }>;
  /** Header → field pairs confirmed in earlier imports of this workspace (for this entity). */
  learnedAliases?: ReadonlyArray<{ header: string; field: string }>;
  /** Used as-is (confidence 1) when its fingerprint equals this file's header fingerprint. */
  remembered?: RememberedMapping;
  /** Below this confidence a column is left unmapped (default 0.6). */
  threshold?: number;
}

const languageNames: Readonly<Record<string, string>> = {
  en: "English",
  es: "Spanish",
  de: "German",
  fr: "French",
  pt: "Portuguese",
};

interface Scored {
  columnIndex: number;
  field: FieldDefinition;
  confidence: number;
  reason: string;
  source: MappingSource;
  /** The name evidence alone, before value evidence adjusted it. */
  nameConfidence: number;
}

type NameScore = Omit<Scored, "columnIndex" | "field" | "nameConfidence">;

function scoreName(
  header: string,
  headerTokens: string[],
  normalised: string,
  name: IndexedName,
): NameScore | undefined {
  // "LinkedIn" splits to "linked in", "E-Mail" to "e mail": compare without spaces too.
  if (
    normalised === name.normalised ||
    normalised.replaceAll(" ", "") === name.normalised.replaceAll(" ", "")
  ) {
    if (name.source === "learned")
      return {
        confidence: 0.98,
        source: "learned",
        reason: `"${header}" was mapped to this field in an earlier import in this workspace`,
      };
    if (name.source === "alias")
      return {
        confidence: 0.95,
        source: "alias",
        reason: `"${header}" is a known ${languageNames[name.language ?? "en"]} name for this field`,
      };
    return { confidence: 1, source: "exact", reason: `"${header}" is this field's name` };
  }
  if (containsTokens(headerTokens, name.tokens)) {
    const coverage = name.tokens.length / headerTokens.length;
    const atEnd = headerTokens.slice(-name.tokens.length).join(" ") === name.tokens.join(" ") ? 0.03 : 0;
    return {
      confidence: 0.7 + 0.2 * coverage + atEnd,
      source: "contains",
      reason: `"${header}" contains "${name.raw}"`,
    };
  }
  const similarity = nameSimilarity(normalised, name.normalised, headerTokens, name.tokens);
  // Jaro-Winkler rewards shared prefixes, so single words need more ("kennziffer" / "kenntnisse").
  const isSingleWord = headerTokens.length <= 1 && name.tokens.length <= 1;
  if (similarity < (isSingleWord ? 0.9 : 0.86)) return undefined;
  return {
    confidence: similarity * 0.88,
    source: "fuzzy",
    reason: `"${header}" resembles "${name.raw}" (${Math.round(similarity * 100)}% similar)`,
  };
}

/** Every field's best score for one column, name evidence adjusted by value evidence. */
function scoreColumn(
  columnIndex: number,
  header: string,
  profile: ColumnProfile | undefined,
  input: MapColumnsInput,
  learned: Map<string, IndexedName[]>,
): Scored[] {
  const normalised = normaliseName(header);
  const headerTokens = tokens(normalised);
  const scored: Scored[] = [];
  for (const { field, names } of indexEntity(input.entity)) {
    let best: NameScore | undefined;
    for (const name of [...(learned.get(field.name) ?? []), ...names]) {
      const score = normalised.length > 0 ? scoreName(header, headerTokens, normalised, name) : undefined;
      if (score && (!best || score.confidence > best.confidence)) best = score;
    }
    const fit = valueFit(profile, field);
    const nameConfidence = best?.confidence ?? 0;
    if (!best) {
      const guess = valueOnlyGuess(profile, field);
      if (guess > 0) best = { confidence: guess, source: "values", reason: fit.note ?? "values fit" };
    } else if (best.source !== "learned" && fit.note) {
      best = { ...best, confidence: best.confidence + fit.delta, reason: `${best.reason}; ${fit.note}` };
    }
    if (best && best.confidence > 0.3)
      scored.push({
        columnIndex,
        field,
        ...best,
        nameConfidence,
        confidence: Math.min(1, Math.max(0, best.confidence)),
      });
  }
  return withSiblingEmails(scored, profile, input.entity).sort((a, b) => b.confidence - a.confidence);
}

/**
 * A generic "Email" header says nothing about whose address it is; the values do. So an email field
 * that no name matched inherits its sibling's name score (minus 0.1), and value evidence (personal vs
 * corporate domains) decides between them.
 */
function withSiblingEmails(
  scored: Scored[],
  profile: ColumnProfile | undefined,
  entity: EntityDefinition,
): Scored[] {
  if (profile?.kind !== "email") return scored;
  const named = scored.filter((entry) => entry.field.type === "email" && entry.source !== "values");
  const best = named.sort((a, b) => b.nameConfidence - a.nameConfidence)[0];
  if (!best) return scored;
  const result = scored.filter((entry) => entry.field.type !== "email" || entry.source !== "values");
  for (const { field } of indexEntity(entity)) {
    if (field.type !== "email" || field.name === best.field.name) continue;
    const fit = valueFit(profile, field);
    const inherited = Math.min(1, best.nameConfidence - 0.1 + fit.delta);
    const existing = result.findIndex((entry) => entry.field.name === field.name);
    if (existing >= 0 && (result[existing] as Scored).confidence >= inherited) continue;
    if (existing >= 0) result.splice(existing, 1);
    const reason = `${best.reason.replace(/; .*$/, "")}; ${fit.note ?? "an email column"}`;
    result.push({
      columnIndex: best.columnIndex,
      field,
      confidence: inherited,
      nameConfidence: inherited,
      source: best.source,
      reason,
    });
  }
  return result;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Maps a file's columns onto an entity's fields. A remembered mapping whose fingerprint matches is
 * used as-is at confidence 1. Otherwise an ensemble scores every column/field pair — exact name,
 * workspace-learned alias, multilingual alias, alias contained in the header, fuzzy name (Jaro-Winkler
 * on normalised tokens), adjusted by what the values look like — and assigns one-to-one, greedily by
 * confidence (a column that loses its best field to a stronger column falls back to its next one).
 * Columns whose best remaining candidate is under `threshold` are left unmapped (abstained).
 */
export function mapColumns(input: MapColumnsInput): ColumnMapping[] {
  const threshold = input.threshold ?? 0.6;
  const headers = input.columns.map((column) => column.name);
  const known = new Set(input.entity.fields.map((field) => field.name));
  if (input.remembered && input.remembered.fingerprint === fingerprintHeaders(headers)) {
    const byColumn = new Map(
      input.remembered.mapping.map((entry) => [normaliseName(entry.column), entry.field]),
    );
    return headers.map((column, columnIndex) => {
      const field = byColumn.get(normaliseName(column)) ?? null;
      const isKnown = field !== null && known.has(field);
      return {
        column,
        columnIndex,
        field: isKnown ? field : null,
        confidence: 1,
        reason: "Remembered: a file with the same headers was mapped this way before",
        source: "memory",
        alternatives: [],
      };
    });
  }
  const learned = indexLearned(input.learnedAliases ?? []);
  const perColumn = input.columns.map((column, index) =>
    scoreColumn(index, column.name, column.profile, input, learned),
  );
  const ranked = perColumn
    .flat()
    .sort((a, b) => b.confidence - a.confidence || a.columnIndex - b.columnIndex);
  const takenFields = new Map<string, Scored>();
  const chosen = new Map<number, Scored>();
  for (const candidate of ranked) {
    if (candidate.confidence < threshold) break;
    if (chosen.has(candidate.columnIndex) || takenFields.has(candidate.field.name)) continue;
    chosen.set(candidate.columnIndex, candidate);
    takenFields.set(candidate.field.name, candidate);
  }
  return input.columns.map((column, columnIndex) => {
    const candidates = perColumn[columnIndex] ?? [];
    const pick = chosen.get(columnIndex);
    const alternatives = candidates
      .filter((candidate) => candidate.field.name !== pick?.field.name)
      .slice(0, 3)
      .map((candidate) => ({
        field: candidate.field.name,
        confidence: round(candidate.confidence),
        reason: candidate.reason,
      }));
    if (pick) {
      const runnerUp = candidates.find((candidate) => candidate.field.name !== pick.field.name);
      // Two fields nearly tied for one header ("Email": personal or work?) is doubt worth showing.
      const isTied = runnerUp !== undefined && pick.confidence - runnerUp.confidence < 0.03;
      return {
        column: column.name,
        columnIndex,
        field: pick.field.name,
        confidence: round(isTied ? pick.confidence * 0.85 : pick.confidence),
        reason: isTied ? `${pick.reason}; nearly tied with ${runnerUp.field.label}` : pick.reason,
        source: pick.source,
        alternatives,
      };
    }
    const best = candidates[0];
    const lostTo = best ? takenFields.get(best.field.name) : undefined;
    let reason = "No field name, alias or value pattern matched this column";
    if (best && lostTo && best.confidence >= threshold)
      reason = `Best match ${best.field.label} went to "${input.columns[lostTo.columnIndex]?.name}" (stronger match)`;
    else if (best)
      reason = `No confident match (best: ${best.field.label}, ${Math.round(best.confidence * 100)}%)`;
    return {
      column: column.name,
      columnIndex,
      field: null,
      confidence: round(best ? 1 - best.confidence : 1),
      reason,
      source: "none",
      alternatives,
    };
  });
}

import { type Evidence, industriesShownBy, languagesIn, type Topic, topicEvidence } from "../topics";
import { type AnswerContext, type DraftAnswer, firstName, possessive } from "./context";
import { cite, clause, joinList, roleAt, sentence } from "./wording";

const maxItems = 6;

function quote(piece: Evidence): string {
  return `“${piece.text.replace(/[.;]+$/, "")}”`;
}

/** One piece as a sentence: a bullet with its role, a school or project line, or a quoted summary line. */
function line(piece: Evidence, name: string): string {
  if (piece.role) {
    const text = piece.text.replace(/[.;]+$/, "");
    if (text === `${piece.role.title} at ${piece.role.company}`)
      return sentence(`${roleAt(piece.role.title, piece.role.company)} ${cite(piece.factId)}`);
    return sentence(`At ${piece.role.company}, ${name} ${clause(text)} ${cite(piece.factId)}`);
  }
  if (piece.kind === "summary") return sentence(`${quote(piece)} ${cite(piece.factId)}`);
  return sentence(`${piece.text.replace(/[.;]+$/, "")} ${cite(piece.factId)}`);
}

function cited(pieces: Evidence[]): string[] {
  return [...new Set(pieces.map((piece) => piece.factId))];
}

function answerLanguages(
  topic: Extract<Topic, { kind: "languages" }>,
  pieces: Evidence[],
  name: string,
): DraftAnswer {
  const owner = possessive(name);
  if (pieces.length === 0)
    return { text: `${owner} résumé doesn't list the languages ${name} speaks.`, citedFactIds: [] };
  // The parsed Languages section reads as a list; otherwise the résumé lines that name languages are quoted.
  const parsed = pieces.filter((piece) => piece.kind === "languages");
  const shown = parsed.length > 0 ? parsed : pieces;
  const listed = new Set(shown.flatMap((piece) => languagesIn(piece.text)));
  const quoted =
    parsed.length > 0
      ? `${joinList(parsed.map((piece) => piece.text))} ${cite(parsed[0]?.factId ?? "")}`
      : pieces.map((piece) => `${quote(piece)} ${cite(piece.factId)}`).join(" ");
  const missing = topic.asked.filter((language) => !listed.has(language));
  const found = topic.asked.filter((language) => listed.has(language));
  const lead =
    topic.asked.length === 0
      ? `${owner} résumé lists these languages:`
      : missing.length === 0
        ? `Yes — ${owner} résumé lists ${joinList(found)}:`
        : found.length > 0
          ? `${owner} résumé lists ${joinList(found)} but doesn't mention ${joinList(missing, "or")}:`
          : `${owner} résumé doesn't mention ${joinList(missing, "or")}. The languages it lists:`;
  return { text: `${lead} ${quoted}.`.replace(/\.\s*\./g, "."), citedFactIds: cited(shown) };
}

/** Experience pieces grouped per role: the role line when only it matched, else its matching bullets. */
function perRole(pieces: Evidence[], name: string): string[] {
  const lines: string[] = [];
  const roles = new Map<string, Evidence[]>();
  for (const piece of pieces) roles.set(piece.factId, [...(roles.get(piece.factId) ?? []), piece]);
  for (const group of roles.values()) {
    const bullets = group.filter(
      (piece) => piece.role && piece.text !== `${piece.role.title} at ${piece.role.company}`,
    );
    const first = group[0];
    if (!first) continue;
    if (bullets.length === 0 || !first.role) {
      lines.push(line(first, name));
      continue;
    }
    const points = bullets.slice(0, 2).map((piece) => clause(piece.text.replace(/[.;]+$/, "")));
    lines.push(
      sentence(
        `As ${roleAt(first.role.title, first.role.company)}, ${name} ${joinList(points)} ${cite(first.factId)}`,
      ),
    );
  }
  return lines;
}

/**
 * Basic-mode answers for topic questions (see `detectTopic`): only what the matching résumé text says,
 * each piece cited; when nothing matches, a plain "the résumé doesn't mention …" — never every role.
 */
export function answerTopic(context: AnswerContext, topic: Topic): DraftAnswer {
  const name = firstName(context.profile);
  const owner = possessive(name);
  const evidence = topicEvidence(context.profile, topic);
  // "Which industries…" is about where the person worked: roles and the summary, not schools or projects.
  const pieces =
    topic.kind === "industry" && topic.generic
      ? evidence.filter((piece) => piece.kind === "experience" || piece.kind === "summary")
      : evidence;
  if (topic.kind === "languages") return answerLanguages(topic, pieces, name);
  if (topic.kind === "quantity") {
    if (pieces.length === 0)
      return { text: `${owner} résumé doesn't give a figure for that.`, citedFactIds: [] };
    const shown = pieces.slice(0, 2);
    return { text: shown.map((piece) => line(piece, name)).join(" "), citedFactIds: cited(shown) };
  }
  const shownIndustries = topic.kind === "industry" && topic.generic ? industriesShownBy(pieces) : [];
  const label =
    topic.kind === "industry" ? joinList(topic.generic ? shownIndustries : topic.labels, "or") : topic.label;
  if (pieces.length === 0 || (topic.kind === "industry" && topic.generic && shownIndustries.length === 0)) {
    if (topic.kind === "industry" && topic.generic)
      return { text: `${owner} résumé doesn't say which industries ${name} worked in.`, citedFactIds: [] };
    const what = topic.kind === "industry" ? `work in ${label}` : `any ${label}`;
    return { text: `${owner} résumé doesn't mention ${what}.`, citedFactIds: [] };
  }
  const roles = pieces.filter((piece) => piece.role);
  // A role that shows the industry is the answer; the summary alone only when no role does.
  const others = pieces.filter((piece) => !piece.role && (roles.length === 0 || piece.kind !== "summary"));
  const shown = [...roles, ...others];
  const lines = [...perRole(roles, name), ...others.map((piece) => line(piece, name))].slice(0, maxItems);
  const lead =
    topic.kind === "industry"
      ? topic.generic
        ? `${owner} résumé shows work in ${joinList(shownIndustries)}:`
        : `Related to ${label} on ${owner} résumé:`
      : `${label.charAt(0).toUpperCase()}${label.slice(1)} on ${owner} résumé:`;
  const text = `${lead} ${lines.join(" ")}`;
  return { text, citedFactIds: cited(shown).filter((id) => text.includes(cite(id))) };
}

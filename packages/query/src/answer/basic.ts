import {
  answerAvailability,
  answerContact,
  answerEducation,
  answerFit,
  answerProjects,
  answerSkillOverview,
  answerSummary,
} from "./basic-profile";
import { answerTopic } from "./basic-topics";
import { answerExperience, answerTechnologies, answerTimeline } from "./basic-work";
import { type AnswerContext, type DraftAnswer, describeDates, firstName, possessive } from "./context";
import { joinList, pick, seedOf } from "./wording";

function answerNothing(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  if (context.isMore) {
    return {
      text: "That's everything the résumé has on this — nothing I haven't already shown you.",
      citedFactIds: [],
    };
  }
  if (context.missingTechnologies.length > 0) {
    return {
      text: `${possessive(name)} résumé doesn't mention ${joinList(context.missingTechnologies, "or")}.`,
      citedFactIds: [],
    };
  }
  const period = describeDates(context.dates);
  if (period) {
    return {
      text: `I couldn't find anything on ${possessive(name)} résumé ${period} that answers this.`,
      citedFactIds: [],
    };
  }
  return { text: `I couldn't find that on ${possessive(name)} résumé.`, citedFactIds: [] };
}

/** "What did she use there?": the technologies of the focused jobs or projects. */
function answerStackOf(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  const lines: string[] = [];
  const cited: string[] = [];
  for (const fact of context.facts) {
    if (fact.technologies.length === 0 || !fact.entity) continue;
    const where = fact.kind === "project" ? `For ${fact.entity}` : `At ${fact.entity}`;
    lines.push(`${where}, ${name} used ${joinList(fact.technologies.slice(0, 10))} [${fact.id}].`);
    cited.push(fact.id);
  }
  if (lines.length === 0) return { text: "The résumé doesn't list technologies for that.", citedFactIds: [] };
  return { text: lines.join(" "), citedFactIds: cited };
}

/**
 * Basic mode: a templated answer built only from the selected facts, citing each fact it uses as
 * `[factId]`. Deterministic for a given question, so it can be cached and tested.
 */
export function basicAnswer(context: AnswerContext): DraftAnswer {
  const name = firstName(context.profile);
  const seed = seedOf(context.question);
  switch (context.intent) {
    case "greeting":
      return {
        text: pick(
          [
            `Hi! I can answer questions about ${possessive(name)} experience, skills, education and projects. What would you like to know?`,
            `Hello! Ask me anything about ${possessive(name)} résumé — roles, technologies, studies or projects.`,
          ],
          seed,
        ),
        citedFactIds: [],
      };
    case "meta":
      return {
        text: `I'm an assistant for ${possessive(name)} résumé. I answer only from what the résumé says and cite the parts I use, so you can check them. Try asking about roles, technologies, education or projects.`,
        citedFactIds: [],
      };
    case "out-of-scope":
      return {
        text: `I'm not sure how that relates to ${possessive(name)} résumé. I can tell you about experience, skills, education and projects.`,
        citedFactIds: [],
      };
    default:
      break;
  }
  if (context.topic) return answerTopic(context, context.topic);
  if (context.facts.length === 0) {
    if (context.intent === "availability") return answerAvailability(context);
    if (context.intent === "contact") return answerContact(context);
    return answerNothing(context);
  }
  switch (context.intent) {
    case "skills":
      if (context.technologies.length > 0) return answerTechnologies(context);
      return context.facts.some((fact) => fact.kind === "skill")
        ? answerSkillOverview(context)
        : answerStackOf(context);
    case "experience":
      return context.technologies.length > 0 && context.facts.some((fact) => fact.kind !== "experience")
        ? answerTechnologies(context)
        : answerExperience(context);
    case "education":
      return answerEducation(context);
    case "projects":
      return answerProjects(context);
    case "contact":
      return answerContact(context);
    case "summary":
      return answerSummary(context);
    case "timeline":
      return answerTimeline(context);
    case "fit-for-role":
      return answerFit(context);
    default:
      return answerAvailability(context);
  }
}

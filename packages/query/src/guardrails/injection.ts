import { squash, type TextVariant, textVariants } from "./decode";
import { hidesInstruction } from "./hidden";

/**
 * Phrases that only make sense as instructions to the model. Matched on each variant after diacritics
 * are folded, so the multilingual ones are written without accents (es, fr, de, pt, it, nl).
 */
const phrasePatterns: RegExp[] = [
  // English: overriding, extracting, re-personifying.
  /\b(ignore|disregard|forget|override|bypass)\b.{0,40}\b(instructions?|prompts?|rules?|directions?|guidelines?|guardrails?|constraints?|restrictions?|programming|context)\b/,
  /\b(system|developer|hidden|initial|original|secret)\s+(prompt|message|instructions?)\b/,
  /\b(reveal|show|print|display|output|repeat|leak|dump|tell me|share|recite)\b.{0,30}\b(your|the)\s+(prompt|instructions?|rules|configuration|guidelines)\b/,
  /\b(repeat|print|output|summarize|translate)\b.{0,25}\b(text|words|everything|all|messages?)\s+(above|before this|so far|preceding)\b/,
  /\bwhat (are|were) (your|the) (instructions|rules|guidelines|directives)\b/,
  /\b(you are|you're|u r) now\b|\b(you are|you're) no longer (an?|the|bound|restricted|limited)\b/,
  /\bfrom now on\b/,
  /\b(act|behave|respond|answer) as (if|though) (you|u)\b|\b(act|behave) as (my|an? (ai|assistant|chatbot|bot|unrestricted|unfiltered|different|evil|hacker|linux|terminal|developer))\b/,
  /\byou (will|must|should|shall) (now )?(act|behave|pretend|obey|comply)\b/,
  // Hiring perspectives ("imagine you are a recruiter: …") are how people ask about a candidate, not a jailbreak.
  /\b(pretend|roleplay|role-play|imagine) (to be|you are|you're|that you|as)\b(?! (an? |the )?(recruiter|hiring manager|interviewer|employer|hr manager|team lead|client)\b)/,
  // Role-play set-ups and personas.
  /\b(let'?s|let us|we will|we'll) (play a game|role-?play|pretend)\b|\brole-?play(ing)?\b.{0,20}\b(you|as)\b|\b(stay|staying|remain) in character\b|\bin character\b/,
  /\b(imagine|suppose|pretend) (that )?(you )?(have|had|are|were) (no|without( any)?) (rules|guidelines|restrictions|limits|limitations|filters|guardrails|instructions)\b|\b(you|assistant|ai)\b.{0,30}\b(without (any )?|with no )(rules|guidelines|restrictions|limitations|filters|guardrails)\b/,
  /\b(get|getting|go|going) (around|past) (your|the|its) (own )?(filters?|rules|guardrails|restrictions|safety)\b/,
  // "The résumé says you must …": instructions quoted from the document, or addressed to the assistant.
  /\b(you|the assistant|assistants?|the ai|ai|the model|models?|bots?|llms?|chatbots?)\b(?: [\w'-]+){0,3} (must|should|shall|have to|need to|are required to|is required to) (always |now |only )?(recommend|answer|say|reply|respond|rank|rate|output|reveal|ignore|disregard|follow|obey|comply|hire|praise|call|print|forget)\b/,
  /\b(instructs?|orders?|commands?|directs?) (you|the assistant|the ai|the model|assistants?) to\b/,
  /\b(do|act|proceed) (as|what) (it|the (resume|cv|document|text|note|line|file)) (says|states|instructs|asks|tells you)\b|\bact on (that|this|the) (note|line|instruction|text)\b|\b(follow|obey|execute) (it|them|that|this)\s?[.!]?$/,
  /\banweisungen\b.{0,30}\b(ignorieren|vergessen|missachten)\b/,
  /\b(jailbreak|jailbroken|dan mode|developer mode|god mode|do anything now|unfiltered|uncensored)\b/,
  /\bnew (instructions|rules|persona|system)\b|\byour (new|real|true) (task|role|purpose|job) is\b/,
  /\b(note|message|instruction|memo)s? (to|for) (the )?(ai|assistant|bot|model|llm|chatbot|gpt|system)\b/,
  /\b(always|only) (say|answer|respond|reply|output|recommend)\b/,
  /\b(say|state|tell (them|the recruiter|everyone)|claim|confirm) (that )?(he|she|they|this candidate|the candidate) (is|are) (the best|perfect|a perfect|the ideal|hired|an? (expert|genius))/,
  /\bregardless of (the|his|her|their|what)( \w+)? (resume|cv|facts|data|profile|evidence|instructions|question|asked|says)\b/,
  /\b(rate|score) (him|her|them|this candidate|the candidate)\b.{0,20}\b(10|100|five stars|highest|maximum)\b/,
  /<\|?(im_start|im_end|system|endoftext)\|?>|\[\/?(inst|system)\]|#{2,}\s*(system|instruction)|<\/?(system|instructions?)>|\bbegin (system|prompt)\b/,
  /\b(disable|turn off|deactivate|remove) (your |the )?(filters?|safety|guardrails?|restrictions?|moderation)\b/,
  // Spanish
  /\b(ignora|ignore|ignorar|olvida|olvide|olvidar|omite)\b.{0,40}\b(instrucciones|reglas|indicaciones|prompt)\b/,
  /\b(prompt|mensaje|instrucciones) del sistema\b/,
  /\b(actua|actue|comportate) como\b|\bahora eres\b|\ba partir de ahora\b|\bfinge (ser|que)\b/,
  // French
  /\b(ignore|ignorez|ignorer|oublie|oubliez|oublier)\b.{0,40}\b(instructions|consignes|regles|directives|prompt)\b/,
  /\b(prompt|message|invite|instructions) (du )?systeme\b/,
  /\b(agis|agissez|fais comme si|faites comme si|fais semblant)\b|\btu es (maintenant|desormais)\b|\bdesormais\b.{0,20}\btu\b|\ba partir de maintenant\b/,
  // German
  /\b(ignoriere|ignorier|ignorieren|vergiss|vergessen|missachte)\b.{0,40}\b(anweisungen|instruktionen|regeln|vorgaben|prompt)\b/,
  /\bsystem ?(prompt|nachricht|anweisung)/,
  /\bdu bist (jetzt|nun|ab sofort)\b|\b(tu so|tue so),? als\b|\bverhalte dich (wie|als)\b|\bab (jetzt|sofort) (bist|antwortest|sagst)\b|\bvon nun an\b/,
  // Portuguese
  /\b(ignore|ignora|ignorar|esqueca|esquece|esquecer|desconsidere)\b.{0,40}\b(instrucoes|regras|orientacoes|prompt)\b/,
  /\b(prompt|mensagem|instrucoes) do sistema\b/,
  /\b(aja|age|atue) como\b|\bagora voce e\b|\ba partir de agora\b|\bde agora em diante\b|\bfinja (ser|que)\b/,
  // Italian and Dutch
  /\b(ignora|dimentica)\b.{0,40}\b(istruzioni|regole)\b|\bprompt di sistema\b|\bda ora in poi\b/,
  /\b(negeer|vergeet)\b.{0,40}\b(instructies|regels)\b|\bsysteemprompt\b|\bvanaf nu\b/,
];

/**
 * Letters-only forms: catch instructions split by punctuation, spacing, quotes or string concatenation
 * ("ig.nore prev-ious instruc'tions", `a="ignore pre"; b="vious rules"`). Kept to long, distinctive
 * phrases because squashing erases word boundaries.
 */
const squashedPatterns: RegExp[] = [
  /(ignor|disregard|forget|override|bypass|olvid|oubli|vergiss|esquec|dimentic|negeer)[a-z]{0,30}(instruction|instruccion|instrucoe|anweisung|istruzion|instructie|consigne|guideline|guardrail)/,
  /(ignor|disregard|forget|override)[a-z]{0,12}(previous|prior|above|earlier|preceding|all|your)[a-z]{0,10}(rule|prompt|direction|command)/,
  /systemprompt|developermessage|promptdelsistema|promptdosistema|promptsysteme|mensajedelsistema|mensagemdosistema|promptdisistema|systeemprompt/,
  /(reveal|print|show|leak|dump|repeat)(me)?(your|the)(prompt|instructions|hiddenprompt|initialprompt)/,
  /jailbreak|developermode|doanythingnow|dannmode|godmode/,
  /youarenow(a|an|the|dan|free|unrestricted|my)|fromnowonyou|fromnowon(always|answer|respond|say|only)/,
];

export interface InjectionFinding {
  via: TextVariant["via"] | "squashed";
  pattern: string;
}

/** Detects prompt injection in any reading of the question. Pure; cost is linear in the input. */
export function detectInjection(text: string): InjectionFinding | null {
  if (hidesInstruction(text)) return { via: "plain", pattern: "hidden markup" };
  for (const variant of textVariants(text)) {
    const folded = variant.text.normalize("NFKD").replace(/\p{M}+/gu, "");
    for (const pattern of phrasePatterns) {
      if (pattern.test(folded)) return { via: variant.via, pattern: pattern.source.slice(0, 60) };
    }
    const squashed = squash(folded);
    for (const pattern of squashedPatterns) {
      if (pattern.test(squashed)) {
        return {
          via: variant.via === "plain" ? "squashed" : variant.via,
          pattern: pattern.source.slice(0, 60),
        };
      }
    }
  }
  return null;
}

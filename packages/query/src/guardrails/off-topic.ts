/**
 * Asks that have nothing to do with the profile: general knowledge, chores for the assistant, news,
 * entertainment. Phrase-level on purpose: a single topic word is not enough ("did she work on weather
 * forecasting?" is a fair question for a meteorology engineer).
 */
const offTopicPatterns: RegExp[] = [
  /\b(what'?s|what is|how'?s|how is) the weather\b|\bweather (forecast|today|tomorrow|like in|in [a-z]+ (today|tomorrow))\b|\bwill it rain\b/,
  /\brecipes?\b.{0,20}\b(for|of|to)\b|\bhow (do i|to|do you) (cook|bake|make (a |an )?(cake|pizza|pasta|bread|soup|cocktail))\b/,
  /\bwho won\b|\b(score|result) of (the|last night'?s) (game|match)\b|\b(world cup|super bowl|champions league|nba|premier league)\b/,
  /\bcapital (city )?of\b|\bhow (tall|far|big|old) is (the|mount|mt)\b|\bpopulation of\b|\bspeed of light\b/,
  /\b(write|compose|generate|create)( me)? (a|an|some)( \w+)? (poem|song|story|essay|haiku|limerick|joke|novel|screenplay|rap)\b|\btell me a (joke|story)\b/,
  /\b(write|generate|give me|create)( me)? (a |an |some )?(python |javascript |java |sql |bash |typescript )?(code|function|script|program|regex|query|class) (to|that|for|which)\b/,
  /\bsolve (this|the|for|my)\b|\bwhat is \d+ ?[-+*/x] ?\d+|\b(integral|derivative) of\b|\bmy (homework|assignment)\b/,
  /\btranslate (this|the following|into|to) /,
  /\b(stock|share) (price|tips?|market)\b|\b(bitcoin|crypto|ethereum) (price|worth)\b|\bshould i (buy|sell|invest)\b/,
  /\bwho (is|was) the (president|prime minister|king|queen|pope|ceo of (apple|google|microsoft|amazon|tesla))\b|\belection\b|\bpolitics\b/,
  /\bhoroscope\b|\bzodiac\b|\bmeaning of life\b|\blottery\b/,
  /\b(recommend|suggest)( me)? (a |some )?(movies?|films?|books?|restaurants?|series|shows?|songs?|games?|hotels?|flights?)\b|\bbest (restaurants?|movies?|pizza|hotels?)\b/,
  /\bhow (do|can) i (fix|install|configure|reset|unlock) my\b|\bbook (a|me a) (flight|table|hotel)\b/,
  /\b(explain|what is|what are) (quantum|black holes?|photosynthesis|the theory of relativity|inflation|the meaning)\b/,
  /\b(clima|tiempo) (en|de hoy)\b|\breceta (de|para)\b|\bm[eé]t[eé]o\b|\bwetter\b|\brezept (fur|für)\b|\btempo (em|hoje)\b|\breceita de\b/,
];

export function detectOffTopic(folded: string): { reason: string } | null {
  for (const pattern of offTopicPatterns) {
    if (pattern.test(folded)) return { reason: pattern.source.slice(0, 40) };
  }
  return null;
}

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

/**
 * A question about the person or the résumé is never general help, whatever else it asks: "what's the
 * difference between her two roles?", "explain the gap in 2019".
 */
const aboutThePerson =
  /\b(he|she|they|him|her|them|his|hers|their|candidate|applicant|resume|cv|profile|career|role|roles|job|jobs|gap|degree|experience)\b/;

/** General technical help: asked for the asker ("how do I…", "my app"), not about the person. */
const technicalHelpPatterns: RegExp[] = [
  /\bhow (do|can|should|would) (i|we|you|one) (\w+ ){0,2}(reverse|implement|fix|debug|install|configure|optimi[sz]e|sort|parse|compile|center|centre|solve|refactor|deploy|dockerize|containeri[sz]e)\b/,
  /\b(explain|describe)\b(?: (to me|me|please))? (how|what|why|the (concept|difference|idea)|\w+ (works?|descent|learning|networking|algorithms?|patterns?))\b|\bexplain\b.{0,40}\bto me\b/,
  /\bdifference between\b|\bwhat does \w+ (mean|stand for)\b|\bhow (does|do) (\w+ ){1,3}works?\b/,
  /\b(write|give|create|generate|show)( me)? (a|an|some|the)( [\w-]+){0,3} (module|function|script|program|query|class|component|dockerfile|pipeline|regex|config|snippet|template|algorithm)\b/,
  /\b(help|assist) me\b.{0,20}\b(debug|fix|solve|write|install|configure|deploy|learn)\b|\b(debug|fix) (this|my)\b/,
  /\bmy (app|code|project|server|laptop|computer|database|website|site|repo|cluster|query|script|build|homework)\b/,
];

/** Recommendations about places: a place word with a "good/best/where can I" frame. */
const placeWords =
  /\b(restaurants?|cafes?|coffee( shops?)?|bars?|pubs?|hotels?|hostels?|gyms?|museums?|pizza|sushi|brunch|bakery|bakeries|food|neighbou?rhoods?|districts?|apartments?|flats?|beaches|nightlife|things to do|sights|attractions|dentists?|hairdressers?|barbers?)\b/;
const recommendationFrame =
  /\b(good|best|nice|great|cheap|top|recommend\w*|suggest\w*|where (can|should|could) (i|we)|should (i|we) (live|stay|go|eat|visit)|near (me|here|the)|any good)\b/;

export function detectOffTopic(folded: string): { reason: string } | null {
  for (const pattern of offTopicPatterns) {
    if (pattern.test(folded)) return { reason: pattern.source.slice(0, 40) };
  }
  if (aboutThePerson.test(folded)) return null;
  for (const pattern of technicalHelpPatterns) {
    if (pattern.test(folded)) return { reason: `technical help: ${pattern.source.slice(0, 30)}` };
  }
  if (placeWords.test(folded) && recommendationFrame.test(folded)) return { reason: "local recommendation" };
  return null;
}

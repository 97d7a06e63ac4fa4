const units: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};
const scales: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  k: 1e3,
  m: 1e6,
  bn: 1e9,
  b: 1e9,
};

// Digits with "," / "." / thin or plain space grouping, an optional decimal part, an optional scale
// ("30k", "1.5 million") and an optional percent. Every quantifier is bounded.
const numeral =
  /(?<![\p{L}\p{N}])(\d{1,3}(?:[,\u202f\u00a0 ]\d{3}){1,5}|\d{1,15})(?:\.(\d{1,6}))?\s?(k|m|bn|b|thousand|million|billion)?(?![\p{L}])\s?(%|percent|per cent)?/giu;
const wordNumeral =
  /\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen)(?:[ -](one|two|three|four|five|six|seven|eight|nine))?(?:\s(hundred))?(?:\s(thousand|million|billion))?\b(\s?(?:%|percent|per cent))?/giu;

// A multiplier or a vague magnitude is a quantity claim too: "doubled revenue" states 2x as surely as
// "grew revenue 2x", and "millions of users" is a number the profile may not support.
const multiplier = /(?<![\p{L}\p{N}])(\d{1,4}(?:\.\d{1,2})?)\s?[x×](?![\p{L}\p{N}])/giu;
const multiplierWords: Record<string, string> = {
  double: "2x",
  doubled: "2x",
  doubling: "2x",
  twice: "2x",
  twofold: "2x",
  triple: "3x",
  tripled: "3x",
  tripling: "3x",
  threefold: "3x",
  quadrupled: "4x",
  fourfold: "4x",
  fivefold: "5x",
  tenfold: "10x",
  hundredfold: "100x",
  halved: "0.5x",
  hundreds: "hundreds",
  thousands: "thousands",
  millions: "millions",
  billions: "billions",
};
const multiplierWord = new RegExp(
  `(?<![\\p{L}])(?:${Object.keys(multiplierWords).join("|")})(?![\\p{L}])`,
  "giu",
);

function format(value: number, isPercent: boolean): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return isPercent ? `${rounded}%` : String(rounded);
}

/**
 * Every number in a text, normalised so equal quantities compare equal: "30,000", "30 000", "30k" and
 * "thirty thousand" are all `"30000"`; a percentage keeps its sign, so "65%" and "65 percent" are
 * `"65%"` and never equal `"65"` or `"0.65"`. Years ("2019") are numbers like any other. Multipliers
 * ("3x", "tripled", "threefold") are `"3x"`; vague magnitudes ("millions of") are kept as words.
 */
export function numbersIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(numeral)) {
    const whole = Number((match[1] ?? "0").replace(/[,\u202f\u00a0 ]/gu, ""));
    const value = Number(`${whole}.${match[2] ?? "0"}`);
    const scale = match[3] === undefined ? 1 : (scales[match[3].toLowerCase()] ?? 1);
    found.add(format(value * scale, match[4] !== undefined));
  }
  for (const match of text.matchAll(wordNumeral)) {
    let value = (units[(match[1] ?? "").toLowerCase()] ?? 0) + (units[(match[2] ?? "").toLowerCase()] ?? 0);
    if (match[3] !== undefined) value *= 100;
    if (match[4] !== undefined) value *= scales[match[4].toLowerCase()] ?? 1;
    found.add(format(value, match[5] !== undefined));
  }
  for (const match of text.matchAll(multiplier)) found.add(`${Number(match[1])}x`);
  for (const match of text.matchAll(multiplierWord)) {
    const quantity = multiplierWords[match[0].toLowerCase()];
    if (quantity !== undefined) found.add(quantity);
  }
  return found;
}

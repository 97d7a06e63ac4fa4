/**
 * `text` without the leading and trailing characters that match `oneCharacter` (a one-character
 * pattern such as `/[\s,.;]/`): a scan inward from each end. The regex form `/[…]+$/` is quadratic on
 * hostile input — the engine restarts at every position of a long run that is not at the end.
 */
export function trimCharacters(
  text: string,
  oneCharacter: RegExp,
  side: "start" | "end" | "both" = "both",
): string {
  let start = 0;
  let end = text.length;
  if (side !== "end") while (start < end && oneCharacter.test(text.charAt(start))) start += 1;
  if (side !== "start") while (end > start && oneCharacter.test(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

/** How deep and how many values `containsNul` inspects; tRPC's body limit bounds the rest. */
const maxDepth = 64;
const maxValues = 50_000;

/**
 * True when any string (or object key) in a parsed JSON input contains U+0000. Bounded: a structure
 * deeper than 64 levels or larger than 50,000 values is not walked further (validation refuses such
 * shapes anyway), so a hostile input cannot make this check expensive.
 */
export function containsNul(input: unknown): boolean {
  let budget = maxValues;
  const visit = (value: unknown, depth: number): boolean => {
    if (budget-- <= 0 || depth > maxDepth) return false;
    if (typeof value === "string") return value.includes("\u0000");
    if (typeof value !== "object" || value === null) return false;
    if (Array.isArray(value)) return value.some((item) => visit(item, depth + 1));
    return Object.entries(value).some(([key, item]) => key.includes("\u0000") || visit(item, depth + 1));
  };
  return visit(input, 0);
}

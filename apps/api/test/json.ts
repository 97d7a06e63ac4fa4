/**
 * Parses a response body for assertions. Tests walk arbitrary JSON shapes and let `expect` do the
 * checking, so the body is deliberately untyped here rather than cast at every use.
 */
// biome-ignore lint/suspicious/noExplicitAny: assertion helper over arbitrary JSON
export async function readJson(response: Response): Promise<any> {
  return response.json();
}

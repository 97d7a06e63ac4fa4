import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const sourceRoot = fileURLToPath(new URL("..", import.meta.url));
// The one home of colour values: every other stylesheet names a token, so dark mode follows everywhere.
const tokenFile = "theme/tokens.css";
const colourLiteral =
  /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(|:\s*(?:white|black)\s*;/gi;

async function stylesheets(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) return stylesheets(path);
      return Promise.resolve(entry.name.endsWith(".css") ? [path] : []);
    }),
  );
  return nested.flat();
}

/** `file:line: text` for every colour written as a literal outside the token definitions. */
function colourLiterals(file: string, css: string): string[] {
  return css.split("\n").flatMap((line, index) => {
    colourLiteral.lastIndex = 0;
    return colourLiteral.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [];
  });
}

describe("stylesheets use the design tokens", () => {
  it("finds a literal colour the way a reviewer would", () => {
    expect(colourLiterals("a.css", ".x {\n  background: #fff4c2;\n  color: var(--color-text);\n}")).toEqual([
      "a.css:2: background: #fff4c2;",
    ]);
    expect(colourLiterals("a.css", "border: 1px solid rgba(255, 255, 255, 0.5);")).toHaveLength(1);
    expect(colourLiterals("a.css", "white-space: nowrap;")).toEqual([]);
  });

  it("has no colour literal outside theme/tokens.css, so nothing stays light in dark mode", async () => {
    const found: string[] = [];
    for (const path of await stylesheets(sourceRoot)) {
      const file = relative(sourceRoot, path);
      if (file === tokenFile) continue;
      found.push(...colourLiterals(file, await readFile(path, "utf8")));
    }
    expect(found).toEqual([]);
  });
});

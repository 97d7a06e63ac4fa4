import { readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFixtures } from "../fixtures/generate";
import { hostileFixtures } from "../fixtures/lib/hostile";
import { parseResumeHeuristic } from "../src/index";
import { corpus, extractCorpus } from "./support/corpus";
import { fixturesDir } from "./support/fixtures";

/**
 * Generating the fixtures twice and extracting the corpus twice forks real children; on a loaded 2-core
 * machine that takes minutes, not seconds. A hang still fails, just later.
 */
const loadedMachineMs = 240_000;

let first: string;
let second: string;

beforeAll(async () => {
  first = await mkdtemp(join(tmpdir(), "vitae-fixtures-"));
  second = await mkdtemp(join(tmpdir(), "vitae-fixtures-"));
  await generateFixtures(first);
  await generateFixtures(second);
}, loadedMachineMs);

afterAll(async () => {
  await rm(first, { recursive: true, force: true });
  await rm(second, { recursive: true, force: true });
});

describe("the fixture generator", { timeout: loadedMachineMs }, () => {
  it("writes every committed fixture, and nothing else", async () => {
    for (const dir of ["resumes", "hostile"]) {
      expect((await readdir(join(first, dir))).sort()).toEqual(
        (await readdir(join(fixturesDir, dir))).sort(),
      );
    }
    expect((await readdir(join(first, "hostile"))).sort()).toEqual(
      hostileFixtures.map((fixture) => fixture.file).sort(),
    );
  });

  it("is deterministic: two runs are byte-identical", async () => {
    for (const dir of ["resumes", "hostile"]) {
      for (const file of await readdir(join(first, dir))) {
        const [a, b] = await Promise.all([
          readFile(join(first, dir, file)),
          readFile(join(second, dir, file)),
        ]);
        expect(a.equals(b), `${dir}/${file}`).toBe(true);
      }
    }
  });

  it("matches the committed fixtures byte for byte (run `pnpm --filter @vitae/documents fixtures` after editing a source)", async () => {
    for (const dir of ["resumes", "hostile"]) {
      for (const file of await readdir(join(first, dir))) {
        const [fresh, committed] = await Promise.all([
          readFile(join(first, dir, file)),
          readFile(join(fixturesDir, dir, file)),
        ]);
        expect(fresh.equals(committed), `${dir}/${file}`).toBe(true);
      }
    }
  });

  it("regenerates résumés that parse exactly like the committed ones", async () => {
    const committed = await extractCorpus();
    const regenerated = await extractCorpus((file) => readFileSync(join(first, "resumes", file)));
    for (const { file } of corpus) {
      expect(parseResumeHeuristic(regenerated.get(file) ?? ""), file).toEqual(
        parseResumeHeuristic(committed.get(file) ?? ""),
      );
    }
  });
});

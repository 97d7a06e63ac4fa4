import { afterAll, beforeAll, expect } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { type CallResult, call, createWorkspace, signUp, type TestUser } from "./identity";
import { settled } from "./matches";

export type Change = {
  id: string;
  path: string;
  action: string;
  original: string | string[] | null;
  value: string | string[] | null;
  scoreDelta: number;
};
export type View = {
  documentId: string;
  versions: { profileId: string; tailoringId: string | null; postingId: string | null }[];
  tailoredFor: {
    tailoringId: string;
    postingId: string | null;
    title: string | null;
    company: string | null;
  } | null;
  source: string;
  parentProfileId: string | null;
  tailoringId: string | null;
  sectionOrder: string[] | null;
  headline: string | null;
  experiences: {
    company: string;
    title: string;
    bullets: string[];
    start: string | null;
    end: string | null;
  }[];
  education: { school: string; degree: string | null }[];
  projects: { name: string }[];
  skills: { name: string }[];
  attestations: { skill: string }[];
};

/** The API, an owner and an outsider in another workspace, and the calls tailoring tests make as them. */
export interface TailoringWorld {
  api: TestApi;
  owner: TestUser;
  outsider: TestUser;
  mutate: (user: TestUser, path: string, input: unknown) => Promise<CallResult>;
  profileOf: (profileId: string) => Promise<View>;
  tailoringOf: (tailoringId: string) => Promise<CallResult["body"]>;
  /** Proposes a tailoring as the owner, waits for its job to succeed and returns it. */
  proposed: (profileId: string, postingId: string) => Promise<CallResult["body"]>;
}

/** Starts the API with the owner's and the outsider's workspaces before the file's tests; cleans up after. */
export function useTailoringWorld(): TailoringWorld {
  const world = {} as TailoringWorld;
  beforeAll(async () => {
    world.api = await startTestApi();
    world.owner = await signUp(world.api, "Tailor");
    await createWorkspace(world.api, world.owner, "Tailor Co");
    world.outsider = await signUp(world.api, "Outsider");
    await createWorkspace(world.api, world.outsider, "Elsewhere");
  });
  afterAll(async () => {
    await world.api?.cleanup();
  });
  world.mutate = (user, path, input) =>
    call(world.api, path, { cookie: user.cookie, type: "mutation", input });
  world.profileOf = async (profileId) =>
    (await call(world.api, "profiles.byId", { cookie: world.owner.cookie, input: { profileId } })).body.result
      .data;
  world.tailoringOf = async (tailoringId) =>
    (await call(world.api, "tailoring.byId", { cookie: world.owner.cookie, input: { tailoringId } })).body
      .result.data;
  world.proposed = async (profileId, postingId) => {
    const started = await world.mutate(world.owner, "tailoring.propose", { profileId, postingId });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const tailoringId = started.body.result.data.tailoringId as string;
    expect(await settled(world.api, tailoringId)).toBe("succeeded");
    return world.tailoringOf(tailoringId);
  };
  return world;
}

/** Facts by identity, without ids: what "no section lost" compares. */
export const factsOf = (view: View) => ({
  experiences: view.experiences.map((item) => `${item.company}|${item.title}|${item.start}|${item.end}`),
  education: view.education.map((item) => `${item.school}|${item.degree}`),
  projects: view.projects.map((item) => item.name).sort(),
  skills: view.skills.map((item) => item.name).sort(),
});

import { expect } from "vitest";
import { fixture, followDocument, settledRun, uploadDocument } from "./documents";
import type { TestApi } from "./harness";
import { call, type TestUser } from "./identity";

/** Marcus Lee (the fixture résumé) has Python, Airflow and Snowflake; no Kubernetes, no Rust. */
export const dataEngineerPosting = [
  "Senior Data Engineer",
  "",
  "Requirements",
  "- Python",
  "- Airflow and Snowflake",
  "- Kubernetes",
  "",
  "Nice to have",
  "- Rust",
].join("\n");

/** Uploads fixture résumé `name` (e.g. `marcus-lee`) as `user` and returns its parsed profile's id. */
export async function uploadProfile(api: TestApi, user: TestUser, name: string): Promise<string> {
  const documentId = await uploadDocument(api, user, `${name}.txt`, await fixture(`resumes/${name}.txt`));
  const profileId = (await followDocument(api, user, documentId)).at(-1)?.profileId;
  if (!profileId) throw new Error(`no profile for ${name}`);
  return profileId;
}

/** Creates a posting as `user` and returns its id. */
export async function createPosting(
  api: TestApi,
  user: TestUser,
  text = dataEngineerPosting,
): Promise<string> {
  const created = await call(api, "postings.create", {
    cookie: user.cookie,
    type: "mutation",
    input: { text, title: "Senior Data Engineer", company: "Acme" },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return created.body.result.data.postingId;
}

/** The requirements of a posting as `postings.byId` shows them. */
export async function requirementsOf(
  api: TestApi,
  user: TestUser,
  postingId: string,
): Promise<{ id: string; kind: string; text: string; canonical: string | null; weight: string }[]> {
  return (await call(api, "postings.byId", { cookie: user.cookie, input: { postingId } })).body.result.data
    .requirements;
}

/** Waits until job run `jobRunId` (a ranking's or a tailoring's id) has finished; returns its status. */
export async function settled(api: TestApi, jobRunId: string): Promise<string> {
  return (await settledRun(api, jobRunId)).status;
}

import { jsonReply, type RecordedRequest, startTestLlmServer, type TestLlmServer } from "@vitae/llm/testing";
import { extractRequirements } from "@vitae/matching";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { call, createWorkspace, signUp, type TestUser } from "./identity";
import { createPosting, dataEngineerPosting, requirementsOf, settled, uploadProfile } from "./matches";

// Every admission of a Match step counts against the `llm` tier; this file makes exactly
// `llmCallsAllowed` of them before the last test checks the refusal.
const llmCallsAllowed = 6;
const duty = "Day to day you will partner with clinicians on data quality.";
const posting = `${dataEngineerPosting}\n\n${duty}`;

type Change = { id: string; path: string; action: string; value: unknown; requirementIds: string[] };
type Rejected = { change: Change; code: string; reason: string };
type Experience = { id: string; company: string; bullets: string[] };

let llm: TestLlmServer;
let api: TestApi;
let owner: TestUser;
let profileId: string;
let experiences: Experience[];
// What the test server answers per prompt; anything else (the résumé parser) gets a 400, so ingestion
// takes the heuristic path at once.
let rephraseReply: () => ReturnType<typeof jsonReply> = () => ({ type: "error", status: 400 });
let extractReply: () => ReturnType<typeof jsonReply> = () => ({ type: "error", status: 400 });

const systemOf = (request: RecordedRequest) =>
  String((request.body as { messages?: { content?: string }[] } | undefined)?.messages?.[0]?.content ?? "");
const rephraseRequests = () =>
  llm.requestsTo("/chat/completions").filter((request) => systemOf(request).includes("Suggest rephrasings"));

beforeAll(async () => {
  llm = await startTestLlmServer();
  llm.setFallback((request) => {
    const system = systemOf(request);
    if (system.includes("Suggest rephrasings")) return rephraseReply();
    if (system.includes("List the requirements")) return extractReply();
    return { type: "error", status: 400 };
  });
  api = await startTestApi({
    env: {
      LLM_BASE_URL: llm.url,
      LLM_MODEL: "match-model",
      RATE_LIMIT_UPLOAD_FREE: "1000/1h",
      RATE_LIMIT_LLM_FREE: `${llmCallsAllowed}/1h`,
    },
  });
  owner = await signUp(api, "LlmTailor");
  await createWorkspace(api, owner, "LLM Tailor Co");
  profileId = await uploadProfile(api, owner, "marcus-lee");
  experiences = (await call(api, "profiles.byId", { cookie: owner.cookie, input: { profileId } })).body.result
    .data.experiences;
});
afterAll(async () => {
  await api?.cleanup();
  await llm?.close();
});

const experience = (company: string): Experience => {
  const found = experiences.find((item) => item.company === company);
  if (found === undefined) throw new Error(`no ${company} experience`);
  return found;
};
const bulletPath = (company: string, index: number) =>
  `experiences/${experience(company).id}/bullets/${index}`;
const mutate = (path: string, input: unknown) =>
  call(api, path, { cookie: owner.cookie, type: "mutation", input });

async function propose(postingId: string) {
  const started = await mutate("tailoring.propose", { profileId, postingId });
  expect(started.status, JSON.stringify(started.body)).toBe(200);
  const tailoringId = started.body.result.data.tailoringId as string;
  expect(await settled(api, tailoringId)).toBe("succeeded");
  return (await call(api, "tailoring.byId", { cookie: owner.cookie, input: { tailoringId } })).body.result
    .data;
}

let postingId: string;

describe("postings.create with an LLM", () => {
  it("adds the LLM's grounded requirements and drops claims their cited span does not support", async () => {
    const start = posting.indexOf(duty);
    const python = posting.indexOf("Python");
    extractReply = () =>
      jsonReply({
        requirements: [
          { kind: "skill", weight: "must", text: "Python", span: { start: python, end: python + 6 } },
          {
            kind: "responsibility",
            weight: "nice",
            text: "partner with clinicians on data quality",
            span: { start, end: start + duty.length },
          },
          // Ungrounded: Terraform is nowhere in the cited span (or the posting).
          { kind: "tool", weight: "must", text: "Terraform", span: { start: python, end: python + 6 } },
          // Out of the posting's bounds.
          { kind: "skill", weight: "must", text: "Go", span: { start: 5000, end: 5002 } },
        ],
      });
    postingId = await createPosting(api, owner, posting);
    const read = (await call(api, "postings.byId", { cookie: owner.cookie, input: { postingId } })).body
      .result.data;
    expect(read.extraction).toEqual({ mode: "llm", fallback: null });
    const requirements = await requirementsOf(api, owner, postingId);
    expect(requirements.length).toBe(extractRequirements(posting).length + 1);
    expect(requirements.at(-1)).toMatchObject({ kind: "responsibility", weight: "nice", text: duty });
    expect(requirements.map((item) => item.canonical)).not.toContain("Terraform");
    expect(requirements.map((item) => item.canonical)).not.toContain("Go");
  });
});

/** Rephrasings a model might send: honest ones, and fabrications the verifier must block. */
function rephrasings(requirementIds: string[]) {
  const honest = [
    {
      path: bulletPath("Brightline Health", 0),
      value: "Own the Airflow and dbt platform loading 2 TB a day into Snowflake.",
    },
    {
      path: bulletPath("Orbital Retail", 1),
      value: "Wrote Python services with pandas and scikit-learn for inventory forecasts.",
    },
  ];
  const fabrications = [
    {
      invents: "skill",
      path: bulletPath("Brightline Health", 0),
      value: "Own the Airflow and dbt platform on Kubernetes that loads 2 TB a day into Snowflake.",
    },
    {
      invents: "number",
      path: bulletPath("Brightline Health", 0),
      value: "Own the Airflow and dbt platform that loads 20 TB a day into Snowflake.",
    },
    {
      invents: "percentage",
      path: bulletPath("Brightline Health", 1),
      value: "Rebuilt claims ingestion with Apache Spark on Databricks; cost down 50%.",
    },
    {
      invents: "skill alias",
      path: bulletPath("Brightline Health", 2),
      value: "Introduced data contracts checked in CI with pytest on k8s.",
    },
    {
      invents: "employer",
      path: bulletPath("Orbital Retail", 0),
      value: "Built streaming order events with Kafka and Flink into BigQuery at Amazon.",
    },
    {
      invents: "skill in lower case",
      path: bulletPath("Orbital Retail", 1),
      value: "Wrote golang services for inventory forecasts with pandas and scikit-learn.",
    },
    {
      invents: "employer by name",
      path: bulletPath("Lakeshore Bank", 0),
      value: "Developed SQL Server stored procedures and SSIS packages for Goldman Sachs.",
    },
    {
      invents: "date",
      path: bulletPath("Lakeshore Bank", 1),
      value: "Maintained Tableau dashboards for the risk team since 2012.",
    },
    {
      invents: "title",
      path: "summary",
      value:
        "Principal data engineer who builds dependable batch and streaming pipelines, with good tests around them.",
    },
    {
      invents: "years in words",
      path: "summary",
      value: "Data engineer with ten years of batch and streaming pipelines, with good tests around them.",
    },
    {
      invents: "number in words",
      path: bulletPath("Brightline Health", 0),
      value: "Own the Airflow and dbt platform that loads two thousand tables a day into Snowflake.",
    },
    { invents: "title in the headline", path: "headline", value: "Lead Data Engineer · Analytics Platforms" },
  ];
  return {
    honest,
    fabrications,
    reply: jsonReply({
      changes: [...honest, ...fabrications].map(({ path, value }) => ({
        path,
        value,
        reason: "Puts the posting's requirements forward.",
        requirementIds: [...requirementIds, "r999"],
      })),
    }),
  };
}

describe("tailoring.propose with an LLM", () => {
  it("proposes the honest rephrasings and reports every fabrication as rejected with its reason", async () => {
    const requirementIds = (await requirementsOf(api, owner, postingId)).slice(0, 2).map((item) => item.id);
    const { honest, fabrications, reply } = rephrasings(requirementIds);
    rephraseReply = () => reply;
    const usageBefore = (await call(api, "usage.current", { cookie: owner.cookie })).body.result.data
      .llmTokens.used;
    const tailoring = await propose(postingId);
    expect(tailoring).toMatchObject({ status: "ready", mode: "llm", fallback: null });
    const changes = tailoring.changes as Change[];
    const rejected = tailoring.rejected as Rejected[];
    const replaced = changes.filter((change) => change.action === "replace");
    expect(replaced.map((change) => change.value).sort()).toEqual(honest.map((item) => item.value).sort());
    // Grounded: each cites the posting's requirements, and only known ones.
    for (const change of replaced) expect(change.requirementIds).toEqual(requirementIds);
    // Fabrications never pass; each is reported with the verifier's code and reason.
    const accepted = new Set(changes.map((change) => change.value));
    for (const fabrication of fabrications) {
      expect(accepted.has(fabrication.value), fabrication.invents).toBe(false);
      const rejection = rejected.find((item) => item.change.value === fabrication.value);
      expect(rejection, fabrication.invents).toBeDefined();
      expect(rejection?.code).toMatch(/^new-(skill|number|name|title)$/);
      expect(rejection?.reason.length).toBeGreaterThan(0);
    }
    expect(rejected.length).toBe(fabrications.length);
    // The call's tokens count against the month's quota.
    const usageAfter = (await call(api, "usage.current", { cookie: owner.cookie })).body.result.data.llmTokens
      .used;
    expect(usageAfter).toBeGreaterThan(usageBefore);

    // Confirming every accepted change yields a version with the honest texts and no fabricated one.
    const confirmed = await mutate("tailoring.confirm", {
      tailoringId: tailoring.id,
      acceptedChangeIds: changes.map((change) => change.id),
      baseHash: tailoring.baseHash,
    });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const version = (
      await call(api, "profiles.byId", {
        cookie: owner.cookie,
        input: { profileId: confirmed.body.result.data.profileId },
      })
    ).body.result.data;
    const text = JSON.stringify(version);
    for (const item of honest) expect(text).toContain(item.value);
    for (const fabrication of fabrications) expect(text).not.toContain(fabrication.value);
  });

  it("serves the same proposal from the LLM cache (prompt version + input hash)", async () => {
    const before = rephraseRequests().length;
    const tailoring = await propose(postingId);
    expect(tailoring).toMatchObject({ status: "ready", mode: "llm" });
    expect(rephraseRequests().length).toBe(before);
    expect((tailoring.changes as Change[]).some((change) => change.action === "replace")).toBe(true);
  });

  it("falls back to deterministic changes, labelled, when the LLM fails", async () => {
    extractReply = () => ({ type: "chat", content: "Sorry, I cannot list requirements." });
    const other = await createPosting(api, owner, `${posting}\n- Docker`);
    const read = (await call(api, "postings.byId", { cookie: owner.cookie, input: { postingId: other } }))
      .body.result.data;
    expect(read.extraction).toEqual({ mode: "deterministic", fallback: "llm-error" });
    expect(read.requirements.length).toBe(extractRequirements(`${posting}\n- Docker`).length);

    rephraseReply = () => ({ type: "chat", content: "not json at all" });
    const before = rephraseRequests().length;
    const tailoring = await propose(other);
    expect(rephraseRequests().length).toBeGreaterThan(before);
    expect(tailoring).toMatchObject({ status: "ready", mode: "deterministic", fallback: "llm-error" });
    const changes = tailoring.changes as Change[];
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((change) => change.action !== "replace")).toBe(true);
  });

  it("stays deterministic, labelled, once the llm tier refuses", async () => {
    // Five admissions so far (two postings, three tailorings): the sixth is the last one allowed.
    expect((await propose(postingId)).mode).toBe("llm");
    const before = llm.requestsTo("/chat/completions").length;
    const refused = await propose(postingId);
    expect(refused).toMatchObject({ status: "ready", mode: "deterministic", fallback: "llm-limit" });
    const other = await createPosting(api, owner, `${posting}\n- Terraform`);
    const read = (await call(api, "postings.byId", { cookie: owner.cookie, input: { postingId: other } }))
      .body.result.data;
    expect(read.extraction).toEqual({ mode: "deterministic", fallback: "llm-limit" });
    expect(llm.requestsTo("/chat/completions").length).toBe(before);
  });
});

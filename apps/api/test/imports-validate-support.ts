import { afterAll, beforeAll, expect } from "vitest";
import { startTestApi, type TestApi } from "./harness";
import { type CallResult, call, createWorkspace, signUp, type TestUser } from "./identity";
import { settledImport, settledRun, uploadImport } from "./imports";

// Windows-1252, semicolons, a title line; one bad e-mail, one row missing a name with an impossible
// date, an exact repeat, a blank row and two good rows.
export const exportBytes = Buffer.from(
  [
    "Mitarbeiterliste Stand 01.03.2024;;;;;;",
    "Personalnummer;Vorname;Nachname;E-Mail;Telefon;Eintrittsdatum;Abteilung",
    "00017;Jürgen;Müller;j.mueller@gmx.de;+49 30 1234567;01.04.2017;Vertrieb",
    "00018;Anna;Schröder;anna(at)web.de;+49 171 2345678;15.09.2021;Einkauf",
    "00019;Petra;;petra@t-online.de;+49 89 123456;31.02.2020;Einkauf",
    "00017;Jürgen;Müller;j.mueller@gmx.de;+49 30 1234567;01.04.2017;Vertrieb",
    ";;;;;;",
    "00020;Lena;Koch;LENA@KOCH.DE;+49 40 555123;02.02.2022;IT",
    "",
  ].join("\r\n"),
  "latin1",
);

/** The API, its owner and workspace, and the calls the import validation tests make as the owner. */
export interface ValidateWorld {
  api: TestApi;
  owner: TestUser;
  workspaceId: string;
  mutate: (path: string, input: unknown) => Promise<CallResult>;
  query: (path: string, input: unknown) => Promise<CallResult>;
  /** Starts a validation (or fix) and waits for its run; returns the import as `byId` shows it then. */
  runToEnd: (
    path: "imports.validate" | "imports.fix",
    input: Record<string, unknown>,
  ) => Promise<{ run: Awaited<ReturnType<typeof settledRun>>; record: CallResult["body"]; jobRunId: string }>;
  /** Uploads `bytes` as an import and waits until its columns are mapped; returns its id. */
  mappedImport: (filename: string, bytes: Buffer) => Promise<string>;
}

/** Starts the API (with room for many uploads) and the owner's workspace before the file's tests. */
export function useValidateWorld(): ValidateWorld {
  const world = {} as ValidateWorld;
  beforeAll(async () => {
    world.api = await startTestApi({ env: { RATE_LIMIT_UPLOAD_FREE: "1000/1h" } });
    world.owner = await signUp(world.api, "Validator");
    world.workspaceId = await createWorkspace(world.api, world.owner, "People Ops");
  });
  afterAll(async () => {
    await world.api?.cleanup();
  });
  world.mutate = (path, input) =>
    call(world.api, path, { cookie: world.owner.cookie, type: "mutation", input });
  world.query = (path, input) => call(world.api, path, { cookie: world.owner.cookie, input });
  world.runToEnd = async (path, input) => {
    const started = await world.mutate(path, input);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const { jobRunId } = started.body.result.data;
    const run = await settledRun(world.api, jobRunId);
    const now = await world.query("imports.byId", { importId: input.importId });
    return { run, record: now.body.result.data, jobRunId: jobRunId as string };
  };
  world.mappedImport = async (filename, bytes) => {
    const importId = await uploadImport(world.api, world.owner, filename, bytes);
    expect((await settledImport(world.api, world.owner, importId)).status).toBe("mapped");
    return importId;
  };
  return world;
}

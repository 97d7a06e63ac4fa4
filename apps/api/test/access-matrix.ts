import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/router/app-router";
import type { ProcedureMeta } from "../src/trpc/procedure-meta";
import { accountInputs } from "./access-matrix-inputs-account";
import { importInputs } from "./access-matrix-inputs-imports";
import { matchingInputs } from "./access-matrix-inputs-matching";
import { profileInputs } from "./access-matrix-inputs-profiles";
import { buildWorld, type Fixture, type World } from "./access-matrix-world";
import { startTestApi, type TestApi } from "./harness";
import { type Credentials, call } from "./identity";
import { readTrpcSse } from "./sse";

/**
 * The security matrix, generated from the router: every procedure's declared access (its meta) decides
 * which denials it must produce. A new procedure without an entry in `inputs` fails
 * access-matrix.security.test.ts, so nobody can add an endpoint without it being attacked; the group
 * file whose inputs hold the entry (access-matrix-<group>.security.test.ts) attacks it.
 */
export const inputs: Record<string, Fixture> = {
  ...accountInputs,
  ...profileInputs,
  ...matchingInputs,
  ...importInputs,
};

type ProcedureDef = { _def: { type: string; meta?: ProcedureMeta } };
export const procedureRecord = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;
export const procedures = Object.entries(procedureRecord);

/** The API and the world a matrix file attacks; filled in by its `beforeAll`. */
export interface MatrixContext {
  api: TestApi;
  world: World;
  workspaceA: string;
}

/** Starts a test API and builds the world before the file's tests, and cleans up after them. */
export function useMatrixWorld(): MatrixContext {
  const context = {} as MatrixContext;
  beforeAll(async () => {
    context.api = await startTestApi();
    Object.assign(context, await buildWorld(context.api));
  });
  afterAll(async () => {
    await context.api?.cleanup();
  });
  return context;
}

/** Calls `path` with `credentials` and expects the denial `status`/`code` (over SSE for subscriptions). */
export async function expectCode(
  api: TestApi,
  path: string,
  type: string,
  credentials: Credentials,
  input: unknown,
  status: number,
  code: string,
) {
  if (type === "subscription") {
    // A subscription answers over SSE: the denial arrives as its first (and only) event.
    const headers: Record<string, string> = {
      ...(credentials.cookie ? { cookie: credentials.cookie } : {}),
      ...(credentials.key ? { authorization: `Bearer ${credentials.key}` } : {}),
    };
    const url = `${api.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
    const first = (await readTrpcSse(url, AbortSignal.timeout(10_000), headers).next()).value;
    expect(first, `${path} subscription`).toMatchObject({ kind: "error", error: { data: { code } } });
    return;
  }
  const result = await call(api, path, {
    ...credentials,
    type: type === "mutation" ? "mutation" : "query",
    input,
  });
  expect(
    result.status,
    `${path} as ${JSON.stringify(Object.keys(credentials))}: ${JSON.stringify(result.body)}`,
  ).toBe(status);
  expect(result.body.error.data.code).toBe(code);
  expect(result.body.error.data.requestId).toBe(result.headers.get("x-request-id"));
}

/** Declares the denials of every guarded procedure whose fixture is in `groupInputs`, one describe each. */
export function describeMatrix(matrix: MatrixContext, groupInputs: Record<string, Fixture>) {
  const guarded = procedures.filter(
    ([path, procedure]) => path in groupInputs && procedure._def.meta?.access.kind !== "public",
  );

  describe.each(guarded.map(([path, procedure]) => [path, procedure]))("%s", (path, procedure) => {
    const access = procedure._def.meta?.access;
    const type = procedure._def.type;
    const fixture = groupInputs[path] as Fixture;
    const expectDenied = (credentials: Credentials, input: unknown, status: number, code: string) =>
      expectCode(matrix.api, path, type, credentials, input, status, code);

    it("unauthenticated → 401", async () => {
      await expectDenied({}, fixture.input(matrix.world), 401, "UNAUTHENTICATED");
    });

    it("revoked or expired API key → 401; garbage credentials → 401", async () => {
      const { world } = matrix;
      await expectDenied({ key: world.keys.revoked }, fixture.input(world), 401, "UNAUTHENTICATED");
      await expectDenied({ key: world.keys.expired }, fixture.input(world), 401, "UNAUTHENTICATED");
      await expectDenied({ key: "vk_forged_0000" }, fixture.input(world), 401, "UNAUTHENTICATED");
      await expectDenied(
        { cookie: "vitae.session_token=forged.value" },
        fixture.input(world),
        401,
        "UNAUTHENTICATED",
      );
    });

    if (
      access?.kind === "session" ||
      access?.kind === "operator" ||
      (access?.kind === "workspace" && access.sessionOnly)
    ) {
      it("any API key → 403 (sessions only)", async () => {
        await expectDenied({ key: matrix.world.keys.wide }, fixture.input(matrix.world), 403, "FORBIDDEN");
      });
    }

    if (access?.kind === "operator") {
      // ownerA signed up first and operates the instance; viewerA and ownerB do not.
      it("a user who does not operate the instance → 403", async () => {
        const { world } = matrix;
        await expectDenied({ cookie: world.ownerB.cookie }, fixture.input(world), 403, "FORBIDDEN");
        await expectDenied({ cookie: world.viewerA.cookie }, fixture.input(world), 403, "FORBIDDEN");
      });
    }

    if (access?.kind === "workspace") {
      it("API key without the scope → 403", async () => {
        const { world } = matrix;
        const outOfScope = access.scope === "usage:read" ? world.keys.wide : world.keys.narrow;
        await expectDenied({ key: outOfScope }, fixture.input(world), 403, "FORBIDDEN");
      });

      if (access.role !== "viewer") {
        it(`role below ${access.role} → 403`, async () => {
          await expectDenied(
            { cookie: matrix.world.viewerA.cookie },
            fixture.input(matrix.world),
            403,
            "FORBIDDEN",
          );
        });
      }
    }

    if (fixture.foreign) {
      it("another workspace's record → 404", async () => {
        await expectDenied(
          { cookie: matrix.world.ownerB.cookie },
          fixture.foreign?.(matrix.world),
          404,
          "NOT_FOUND",
        );
      });
    }
  });
}

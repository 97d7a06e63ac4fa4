import type { TestApi } from "./harness";
import { type Credentials, call } from "./identity";

/** `exports.byId` once the export's run has finished (the export is `ready` or `failed`). */
export async function settledExport(api: TestApi, credentials: Credentials, exportId: string) {
  const signal = AbortSignal.timeout(60_000);
  for await (const snapshot of api.deps.queue.watchJobProgress(exportId, { signal })) {
    if (snapshot.status === "succeeded" || snapshot.status === "failed") break;
  }
  const result = await call(api, "exports.byId", { ...credentials, input: { exportId } });
  if (result.status !== 200) throw new Error(`exports.byId: ${JSON.stringify(result.body)}`);
  return result.body.result.data;
}

/** `exports.create` for a profile; returns the export id (throws on refusal). */
export async function exportProfile(
  api: TestApi,
  credentials: Credentials,
  input: { profileId: string; format: string; template?: string },
): Promise<string> {
  const created = await call(api, "exports.create", { ...credentials, type: "mutation", input });
  if (created.status !== 200) throw new Error(`exports.create: ${JSON.stringify(created.body)}`);
  return created.body.result.data.exportId as string;
}

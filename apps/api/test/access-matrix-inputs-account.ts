import type { Fixture } from "./access-matrix-world";

/** Access-matrix fixtures of the instance, identity and workspace administration routers (system, auth, workspaces, members, apiKeys, llmSettings, audit, usage, outbox, operations). */
export const accountInputs: Record<string, Fixture> = {
  "system.status": { input: () => undefined },
  "system.selfTest": { input: () => undefined },
  "system.selfTestResult": { input: () => ({ jobRunId: "6f1d1b0e-0000-4000-8000-000000000000" }) },
  "system.selfTestProgress": { input: () => ({ jobRunId: "6f1d1b0e-0000-4000-8000-000000000000" }) },
  "auth.me": { input: () => undefined },
  "workspaces.list": { input: () => undefined },
  "workspaces.create": { input: () => ({ name: "Matrix" }) },
  "workspaces.rename": { input: () => ({ name: "Renamed" }) },
  "workspaces.switch": {
    input: (w) => ({ workspaceId: w.keyIdA }),
    foreign: (w) => ({ workspaceId: w.keyIdA }),
  },
  "members.list": { input: () => undefined },
  "members.invite": { input: () => ({ email: "invitee@example.com", role: "member" }) },
  "members.updateRole": {
    input: (w) => ({ userId: w.memberA.userId, role: "viewer" }),
    foreign: (w) => ({ userId: w.memberA.userId, role: "viewer" }),
  },
  "members.remove": {
    input: (w) => ({ userId: w.memberA.userId }),
    foreign: (w) => ({ userId: w.memberA.userId }),
  },
  "apiKeys.list": { input: () => undefined },
  "apiKeys.create": { input: () => ({ name: "matrix", scopes: ["usage:read"] }) },
  "apiKeys.revoke": { input: (w) => ({ apiKeyId: w.keyIdA }), foreign: (w) => ({ apiKeyId: w.keyIdA }) },
  "llmSettings.get": { input: () => undefined },
  "llmSettings.set": {
    input: () => ({ baseUrl: "https://203.0.113.10/v1", model: "m", apiKey: { value: "sk-matrix" } }),
  },
  "llmSettings.clear": { input: () => undefined },
  "llmSettings.test": { input: () => undefined },
  "audit.list": { input: () => ({}) },
  "usage.current": { input: () => undefined },
  "usage.history": { input: () => ({ months: 3 }) },
  "usage.dashboard": { input: () => ({ days: 7 }) },
  "outbox.list": { input: () => undefined },
  "operations.queues": { input: () => undefined },
  "operations.retryJob": { input: () => ({ jobRunId: "6f1d1b0e-0000-4000-8000-000000000000" }) },
  "operations.discardJob": { input: () => ({ jobRunId: "6f1d1b0e-0000-4000-8000-000000000000" }) },
};

import { describe, expect, it } from "vitest";
import {
  auditActionLabels,
  describeAction,
  describeActor,
  describeTarget,
  metadataLines,
} from "./audit-labels";

describe("describeActor", () => {
  it("names members and API keys, and describes anyone the workspace cannot name", () => {
    expect(describeActor({ actorType: "user", actorId: "u1", actorName: "Ada Lovelace" })).toBe(
      "Ada Lovelace",
    );
    expect(describeActor({ actorType: "apiKey", actorId: "k1", actorName: "deploy" })).toBe(
      "API key “deploy”",
    );
    expect(describeActor({ actorType: "user", actorId: "u2", actorName: null })).toBe("A former member");
    expect(describeActor({ actorType: "user", actorId: null, actorName: null })).toBe(
      "Someone not signed in",
    );
    expect(describeActor({ actorType: "apiKey", actorId: "k2", actorName: null })).toBe("An API key");
    expect(describeActor({ actorType: "system", actorId: null, actorName: null })).toBe("Vitae");
  });

  it("never falls back to an id", () => {
    const id = "0d3e2bdf-70da-4137-848a-c80bb2c8e2e2";
    expect(describeActor({ actorType: "user", actorId: id, actorName: "  " })).not.toContain(id);
  });
});

describe("describeTarget", () => {
  const none = { targetName: null, metadata: {} };

  it("uses the resolved name of members and documents", () => {
    expect(describeTarget({ targetType: "user", targetName: "Grace Hopper", metadata: {} })).toBe(
      "Grace Hopper",
    );
    expect(describeTarget({ targetType: "user", ...none })).toBe("A former member");
    expect(describeTarget({ targetType: "document", targetName: "cv.pdf", metadata: {} })).toBe(
      "Document “cv.pdf”",
    );
    expect(describeTarget({ targetType: "document", ...none })).toBe("A document");
  });

  it("uses the name other events recorded, and only strings of it", () => {
    expect(describeTarget({ targetType: "api_key", targetName: null, metadata: { name: "ci" } })).toBe(
      "API key “ci”",
    );
    expect(describeTarget({ targetType: "invitation", targetName: null, metadata: { email: "a@b.c" } })).toBe(
      "Invitation for a@b.c",
    );
    expect(describeTarget({ targetType: "share_link", targetName: null, metadata: { label: 7 } })).toBe(
      "A share link",
    );
    expect(describeTarget({ targetType: null, ...none })).toBeNull();
    expect(describeTarget({ targetType: "something_new", ...none })).toBe("something_new");
  });
});

describe("metadataLines", () => {
  it("shows strings as they are and other values as JSON", () => {
    expect(metadataLines({ from: "member", to: "admin", scopes: ["a", "b"], size: 12 })).toEqual([
      "from: member",
      "to: admin",
      'scopes: ["a","b"]',
      "size: 12",
    ]);
  });
});

describe("describeAction", () => {
  it("puts every known action in words, and shows an unknown one by its code", () => {
    expect(describeAction("documents.upload")).toBe("Uploaded a document");
    expect(describeAction("api-keys.revoke")).toBe("Revoked an API key");
    expect(describeAction("future.thing")).toBe("future.thing");
    // Inherited object keys are not actions.
    expect(describeAction("constructor")).toBe("constructor");
    for (const label of Object.values(auditActionLabels)) expect(label).not.toMatch(/\./);
  });
});

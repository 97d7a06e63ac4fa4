import { describe, expect, it } from "vitest";
import { validateObject } from "./kubernetes-schemas";
import { overlays, type RenderedObject, renderOverlay } from "./kustomize";

describe.each(overlays)("the %s overlay", (overlay) => {
  it("renders offline and every object passes its Kubernetes schema", () => {
    const objects = renderOverlay(overlay);
    expect(objects.length).toBeGreaterThanOrEqual(13);
    for (const object of objects) validateObject(object);
  });
});

describe("the schema check itself", () => {
  const deployment = (): RenderedObject => {
    const found = renderOverlay("production").find((object) => object.kind === "Deployment");
    if (found === undefined) throw new Error("the production overlay has no Deployment");
    return found;
  };

  // The schemas do not reject unknown fields, so the policy test asserts the fields that matter exist.
  it("rejects a wrong type, a malformed quantity, a missing required field and an unknown kind", () => {
    type Container = Record<string, unknown>;
    const containersOf = (object: RenderedObject) =>
      (object as unknown as { spec: { template: { spec: { containers: Container[] } } } }).spec.template.spec
        .containers;

    const wrongType = deployment() as RenderedObject & { spec: { replicas: unknown } };
    wrongType.spec.replicas = "two";
    expect(() => validateObject(wrongType)).toThrow(/Deployment vitae-(api|worker)/);

    const badQuantity = deployment() as RenderedObject;
    containersOf(badQuantity)[0] = {
      ...containersOf(badQuantity)[0],
      resources: { limits: { memory: "lots" } },
    };
    expect(() => validateObject(badQuantity)).toThrow(/quantity/);

    const unnamed = deployment() as RenderedObject;
    const { name: _name, ...withoutName } = containersOf(unnamed)[0] as Container;
    containersOf(unnamed)[0] = withoutName;
    expect(() => validateObject(unnamed)).toThrow(/name/);

    expect(() =>
      validateObject({ apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w" } }),
    ).toThrow(/no schema/);
  });
});

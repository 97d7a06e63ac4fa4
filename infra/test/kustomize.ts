import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

/** `infra/` — every path below is relative to it. */
export const infraDir = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The overlays an operator deploys; each must render and validate on its own. */
export const overlays = ["production", "staging"] as const;

/** One rendered Kubernetes object, as plain data. */
export interface RenderedObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

function kustomizeMajorVersion(): number {
  const printed = execFileSync("kubectl", ["version", "--client"], { encoding: "utf8" });
  const match = /Kustomize Version: v(\d+)/.exec(printed);
  if (!match) throw new Error(`could not read the Kustomize version from: ${printed}`);
  return Number(match[1]);
}

/**
 * Renders `k8s/overlays/<overlay>` with `kubectl kustomize` (offline: nothing is fetched). The manifests
 * use `labels` and `patches`, which need Kustomize v4 or later (kubectl 1.21+).
 */
export function renderOverlay(overlay: string): RenderedObject[] {
  const major = kustomizeMajorVersion();
  if (major < 4)
    throw new Error(`kubectl ships Kustomize v${major}; infra/k8s needs v4 or later (kubectl 1.21+)`);
  const rendered = execFileSync("kubectl", ["kustomize", join(infraDir, "k8s", "overlays", overlay)], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return parseAllDocuments(rendered).map((document) => {
    if (document.errors.length > 0) throw document.errors[0];
    return document.toJS() as RenderedObject;
  });
}

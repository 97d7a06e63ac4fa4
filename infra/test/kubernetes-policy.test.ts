import { bullPrefixFor, queueNames } from "@vitae/queue";
import { describe, expect, it } from "vitest";
import { overlays, type RenderedObject, renderOverlay } from "./kustomize";

interface Probe {
  httpGet?: { path: string };
}
interface Container {
  name: string;
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: {
    allowPrivilegeEscalation?: boolean;
    readOnlyRootFilesystem?: boolean;
    capabilities?: { drop?: string[] };
  };
}
interface PodSpec {
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } };
  containers: Container[];
}
type Workload = RenderedObject & {
  spec: {
    selector?: { matchLabels: Record<string, string> };
    template: { metadata?: { labels?: Record<string, string> }; spec: PodSpec };
  };
};

/** Variables that carry credentials: they may come from the Secret only, never from a ConfigMap or a literal. */
const secretVariables = [
  "DATABASE_URL",
  "REDIS_URL",
  "AUTH_SECRET",
  "METRICS_TOKEN",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "LLM_API_KEY",
  "LLM_KEY_ENCRYPTION_KEY",
  "LLM_KEY_ENCRYPTION_KEY_PREVIOUS",
  "SMTP_PASSWORD",
  "STORAGE_SIGNING_SECRET",
];

const byKind = (objects: RenderedObject[], kind: string) => objects.filter((object) => object.kind === kind);

function configOf(objects: RenderedObject[]): Record<string, string> {
  const [config] = byKind(objects, "ConfigMap").filter((object) =>
    object.metadata.name.startsWith("vitae-config"),
  );
  if (config === undefined) throw new Error("no vitae-config ConfigMap");
  return (config as RenderedObject & { data: Record<string, string> }).data;
}

describe.each(overlays)("the %s overlay", (overlay) => {
  const objects = renderOverlay(overlay);
  const workloads = [...byKind(objects, "Deployment"), ...byKind(objects, "Job")] as Workload[];
  const deployments = byKind(objects, "Deployment") as Workload[];
  const config = configOf(objects);

  it("has the API and worker Deployments and a migration Job running src/migrate.ts", () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(["vitae-api", "vitae-worker"]);
    const [job] = byKind(objects, "Job") as Workload[];
    expect(job?.spec.template.spec.containers[0]?.command).toEqual([
      "node",
      "--import",
      "tsx",
      "src/migrate.ts",
    ]);
  });

  it("runs every pod without root, privilege escalation, capabilities or a writable root filesystem", () => {
    for (const workload of workloads) {
      const pod = workload.spec.template.spec;
      expect(pod.securityContext?.runAsNonRoot, workload.metadata.name).toBe(true);
      expect(pod.securityContext?.runAsUser, workload.metadata.name).toBeGreaterThan(0);
      expect(pod.securityContext?.seccompProfile?.type).toBe("RuntimeDefault");
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of pod.containers) {
        expect(container.securityContext, `${workload.metadata.name}/${container.name}`).toMatchObject({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
        });
        expect(container.resources?.requests?.cpu).toBeDefined();
        expect(container.resources?.requests?.memory).toBeDefined();
        expect(container.resources?.limits?.memory).toBeDefined();
      }
    }
  });

  it("probes /healthz for liveness and /readyz for readiness, and outlasts the drain on termination", () => {
    const drainAndShutdownMs = Number(config.SHUTDOWN_DRAIN_MS) + Number(config.SHUTDOWN_TIMEOUT_MS);
    expect(drainAndShutdownMs).toBeGreaterThan(0);
    for (const deployment of deployments) {
      const pod = deployment.spec.template.spec;
      const [container] = pod.containers;
      expect(container?.livenessProbe?.httpGet?.path, deployment.metadata.name).toBe("/healthz");
      expect(container?.readinessProbe?.httpGet?.path, deployment.metadata.name).toBe("/readyz");
      expect((pod.terminationGracePeriodSeconds ?? 30) * 1000).toBeGreaterThan(drainAndShutdownMs);
    }
  });

  it("takes credentials from the Secret only", () => {
    for (const variable of secretVariables) expect(Object.keys(config)).not.toContain(variable);
    for (const workload of workloads) {
      for (const container of workload.spec.template.spec.containers) {
        for (const entry of container.env ?? []) {
          if (secretVariables.includes(entry.name)) {
            expect(entry.value, `${entry.name} must not be a literal`).toBeUndefined();
            expect(entry.valueFrom).toMatchObject({ secretKeyRef: { name: "vitae-secrets" } });
          }
        }
      }
    }
    for (const deployment of deployments) {
      const sources = deployment.spec.template.spec.containers[0]?.envFrom ?? [];
      expect(sources).toContainEqual({ secretRef: { name: "vitae-secrets" } });
    }
  });

  it("guards every Deployment with a disruption budget and scales the API on CPU", () => {
    const budgets = byKind(objects, "PodDisruptionBudget") as (RenderedObject & {
      spec: { selector: { matchLabels: Record<string, string> } };
    })[];
    for (const deployment of deployments) {
      const labels = deployment.spec.template.metadata?.labels ?? {};
      const guarded = budgets.some((budget) =>
        Object.entries(budget.spec.selector.matchLabels).every(([key, value]) => labels[key] === value),
      );
      expect(guarded, deployment.metadata.name).toBe(true);
    }
    const [autoscaler] = byKind(objects, "HorizontalPodAutoscaler") as (RenderedObject & {
      spec: { scaleTargetRef: { name: string }; metrics: { resource?: { name: string } }[] };
    })[];
    expect(autoscaler?.spec.scaleTargetRef.name).toBe("vitae-api");
    expect(autoscaler?.spec.metrics.map((metric) => metric.resource?.name)).toEqual(["cpu"]);
  });

  it("scales workers on the wait list of every queue the app defines", () => {
    const [scaled] = byKind(objects, "ScaledObject") as (RenderedObject & {
      spec: {
        scaleTargetRef: { name: string };
        minReplicaCount: number;
        triggers: { type: string; metadata: { listName: string } }[];
      };
    })[];
    expect(scaled?.spec.scaleTargetRef.name).toBe("vitae-worker");
    expect(scaled?.spec.minReplicaCount).toBeGreaterThanOrEqual(1);
    const bullPrefix = bullPrefixFor(config.REDIS_KEY_PREFIX ?? "");
    const lists = scaled?.spec.triggers
      .filter((trigger) => trigger.type === "redis")
      .map((t) => t.metadata.listName);
    expect(lists?.sort()).toEqual(queueNames.map((queue) => `${bullPrefix}:${queue}:wait`).sort());
  });
});

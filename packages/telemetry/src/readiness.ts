import type { Metrics } from "./create-metrics";

/** One dependency check: resolves when healthy; may reject or hang otherwise. */
export type ReadinessCheck = (timeoutMs: number) => Promise<unknown>;

/** One component's state. Deliberately without error text: readiness is shown to unauthenticated callers. */
export interface ComponentReport<Name extends string = string> {
  name: Name;
  status: "up" | "down";
  /** Round-trip time of the check in ms (0.1 ms resolution); null when it failed or timed out. */
  latencyMs: number | null;
}

/** The result of one readiness pass. */
export interface ReadinessReport<Name extends string = string> {
  ready: boolean;
  components: ComponentReport<Name>[];
}

/** The `/readyz` body both apps serve: `{ status, components: { postgres: "up", … } }`. */
export interface ReadinessBody {
  status: "ready" | "unavailable";
  components: Record<string, "up" | "down">;
}

/**
 * Runs every check in parallel, each under its own deadline — enforced here as well, so a check that
 * ignores its timeout argument still cannot stall `/readyz`. Never rejects. When `metrics` is given,
 * `dependency_up{component}` is set from the result. Used by the API and the worker.
 */
export async function checkReadiness<Name extends string>(
  checks: Record<Name, ReadinessCheck>,
  options: { timeoutMs: number; metrics?: Pick<Metrics, "dependencyUp"> | undefined },
): Promise<ReadinessReport<Name>> {
  const names = Object.keys(checks) as Name[];
  const components = await Promise.all(names.map((name) => runCheck(name, checks[name], options.timeoutMs)));
  for (const component of components) {
    options.metrics?.dependencyUp.set({ component: component.name }, component.status === "up" ? 1 : 0);
  }
  return { ready: components.every((component) => component.status === "up"), components };
}

/** Shapes a report as the `/readyz` response body. */
export function toReadinessBody(report: ReadinessReport): ReadinessBody {
  return {
    status: report.ready ? "ready" : "unavailable",
    components: Object.fromEntries(report.components.map((component) => [component.name, component.status])),
  };
}

async function runCheck<Name extends string>(
  name: Name,
  check: ReadinessCheck,
  timeoutMs: number,
): Promise<ComponentReport<Name>> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("readiness check timed out")), timeoutMs);
  });
  try {
    await Promise.race([check(timeoutMs), deadline]);
    return { name, status: "up", latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { name, status: "down", latencyMs: null };
  } finally {
    clearTimeout(timer);
  }
}

import type { Metrics } from "@vitae/telemetry";

export type ComponentName = "postgres" | "redis" | "storage";

export interface ComponentReport {
  name: ComponentName;
  status: "up" | "down";
  /** Round-trip time of the check; null when it failed or timed out. */
  latencyMs: number | null;
}

export interface ReadinessReport {
  ready: boolean;
  components: ComponentReport[];
}

/** One dependency check: resolves when healthy, rejects (or hangs) otherwise. */
export type ReadinessCheck = (timeoutMs: number) => Promise<unknown>;

export interface ReadinessProbe {
  /** Runs every check in parallel, each bounded by the timeout. Never rejects. */
  check(): Promise<ReadinessReport>;
}

/**
 * Readiness of the process's dependencies. Each check has its own deadline, enforced here too so a
 * check that ignores its timeout argument still cannot stall `/readyz`. Failures carry no error text:
 * the report is shown to anyone who can reach `/readyz` or the status page.
 */
export function createReadinessProbe(options: {
  checks: Record<ComponentName, ReadinessCheck>;
  timeoutMs: number;
  metrics?: Metrics;
}): ReadinessProbe {
  const entries = Object.entries(options.checks) as [ComponentName, ReadinessCheck][];
  return {
    async check() {
      const components = await Promise.all(
        entries.map(([name, run]) => runCheck(name, run, options.timeoutMs)),
      );
      for (const component of components) {
        options.metrics?.dependencyUp.set({ component: component.name }, component.status === "up" ? 1 : 0);
      }
      return { ready: components.every((c) => c.status === "up"), components };
    },
  };
}

async function runCheck(
  name: ComponentName,
  run: ReadinessCheck,
  timeoutMs: number,
): Promise<ComponentReport> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("readiness check timed out")), timeoutMs);
  });
  try {
    await Promise.race([run(timeoutMs), deadline]);
    return { name, status: "up", latencyMs: Math.round((performance.now() - started) * 10) / 10 };
  } catch {
    return { name, status: "down", latencyMs: null };
  } finally {
    clearTimeout(timer);
  }
}

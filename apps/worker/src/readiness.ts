/** A dependency the worker needs to do useful work. */
export type ComponentName = "postgres" | "redis" | "storage";

/** One component's state; deliberately without error text (the endpoint is unauthenticated). */
export interface ComponentReport {
  status: "up" | "down";
}

/** What `/readyz` reports. */
export interface ReadinessReport {
  isReady: boolean;
  components: Record<ComponentName, ComponentReport>;
}

/** Resolves when the component answers; may reject or hang otherwise. */
export type ReadinessCheck = (timeoutMs: number) => Promise<unknown>;

/**
 * Runs every check in parallel, each under its own deadline (enforced here as well, so a check that
 * ignores its timeout still cannot stall the probe). Never rejects.
 */
export async function checkReadiness(
  checks: Record<ComponentName, ReadinessCheck>,
  timeoutMs: number,
): Promise<ReadinessReport> {
  const names = Object.keys(checks) as ComponentName[];
  const statuses = await Promise.all(names.map((name) => runCheck(checks[name], timeoutMs)));
  const components = Object.fromEntries(
    names.map((name, index) => [name, { status: statuses[index] }]),
  ) as Record<ComponentName, ComponentReport>;
  return { isReady: statuses.every((status) => status === "up"), components };
}

async function runCheck(check: ReadinessCheck, timeoutMs: number): Promise<"up" | "down"> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("readiness check timed out")), timeoutMs);
  });
  try {
    await Promise.race([check(timeoutMs), deadline]);
    return "up";
  } catch {
    return "down";
  } finally {
    clearTimeout(timer);
  }
}

import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { infraDir } from "./kustomize";
import { productMetricNames } from "./product-metrics";

const prometheusDir = join(infraDir, "prometheus");
const ruleFiles = readdirSync(join(prometheusDir, "rules")).map((file) => join(prometheusDir, "rules", file));
const testFiles = readdirSync(join(prometheusDir, "tests")).map((file) => join(prometheusDir, "tests", file));

interface Rule {
  record?: string;
  alert?: string;
  expr: string;
  annotations?: Record<string, string>;
}
const rules: Rule[] = ruleFiles.flatMap((file) =>
  (parse(readFileSync(file, "utf8")) as { groups: { rules: Rule[] }[] }).groups.flatMap((g) => g.rules),
);
const dashboardExpressions: string[] = readdirSync(join(infraDir, "grafana", "dashboards")).flatMap(
  (file) => {
    const dashboard = JSON.parse(readFileSync(join(infraDir, "grafana", "dashboards", file), "utf8")) as {
      panels: { targets: { expr: string }[] }[];
    };
    return dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.expr));
  },
);

/** Runs promtool (Debian's `prometheus` package); its output is the failure message when it fails. */
function promtool(...args: string[]): string {
  try {
    return execFileSync("promtool", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `promtool ${args.join(" ")} failed:\n${failed.stdout ?? ""}${failed.stderr ?? failed.message}`,
    );
  }
}

const promqlKeywords = new Set(["and", "or", "unless", "bool", "offset", "by", "without", "inf", "nan"]);

/**
 * The series names a PromQL expression selects: identifiers left once strings, label matchers, range
 * selectors and grouping clauses are removed, other than function names (followed by `(`) and keywords.
 */
function selectedNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, "")
    .replace(/\{[^}]*\}/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "");
  const names = new Set<string>();
  for (const match of bare.matchAll(/(?<![\w:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(?![\w:])(?!\s*\()/g)) {
    const name = match[1] as string;
    if (!promqlKeywords.has(name.toLowerCase())) names.add(name);
  }
  return [...names];
}

describe("Prometheus rules (promtool)", () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), "vitae-prometheus-"));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("pass promtool check rules", () => {
    expect(promtool("check", "rules", ...ruleFiles)).toMatch(/SUCCESS/);
  });

  it("pass every unit test (promtool test rules)", () => {
    expect(promtool("test", "rules", ...testFiles)).toMatch(/SUCCESS/);
  });

  it("and the compose stack's prometheus.yml pass promtool check config", () => {
    // The token file exists only inside the container; point the copy at a scratch one.
    writeFileSync(join(scratch, "metrics-token"), "token");
    mkdirSync(join(scratch, "rules"));
    for (const file of ruleFiles) copyFileSync(file, join(scratch, "rules", file.split("/").pop() as string));
    const config = readFileSync(join(prometheusDir, "prometheus.yml"), "utf8");
    expect(config).toContain("/tmp/metrics-token");
    writeFileSync(
      join(scratch, "prometheus.yml"),
      config.replaceAll("/tmp/metrics-token", join(scratch, "metrics-token")),
    );
    expect(promtool("check", "config", join(scratch, "prometheus.yml"))).toMatch(
      /SUCCESS: 1 rule files found/,
    );
  });

  it("every alert has a unit test and a runbook section in docs/operations/observe.md", () => {
    const tests = testFiles.map((file) => readFileSync(file, "utf8")).join("\n");
    const runbook = readFileSync(join(infraDir, "..", "docs", "operations", "observe.md"), "utf8");
    const anchors = new Set(
      [...runbook.matchAll(/^#{2,4} (.+)$/gm)].map((m) =>
        (m[1] as string).toLowerCase().replace(/[^a-z0-9]+/g, ""),
      ),
    );
    const alerts = rules.filter((rule) => rule.alert !== undefined);
    expect(alerts.length).toBeGreaterThanOrEqual(10);
    for (const alert of alerts) {
      expect(tests, `no test for ${alert.alert}`).toContain(`alertname: ${alert.alert}\n`);
      const anchor = alert.annotations?.runbook?.split("#")[1] ?? "";
      expect(anchor, alert.alert).toBe(alert.alert?.toLowerCase());
      expect(anchors.has(anchor), `observe.md has no "### ${alert.alert}" section`).toBe(true);
    }
  });
});

describe("metric names in rules and dashboards", () => {
  let exposed: Set<string>;
  beforeAll(async () => {
    exposed = await productMetricNames();
  });

  it("name only series the product exposes, recording rules defined here, or Prometheus's own `up`", () => {
    const recorded = new Set(rules.flatMap((rule) => (rule.record ? [rule.record] : [])));
    const known = (name: string) => exposed.has(name) || recorded.has(name) || name === "up";
    for (const expr of [...rules.map((rule) => rule.expr), ...dashboardExpressions]) {
      for (const name of selectedNames(expr)) expect(known(name), `${name} in: ${expr}`).toBe(true);
    }
  });

  it("the check sees the names it must (a misspelt series would fail it)", () => {
    expect(
      selectedNames(
        'sum by (q) (rate(jobs_totl{outcome="failed"}[5m])) / vitae:x:rate5m and max(llm_breaker) == 1',
      ),
    ).toEqual(["jobs_totl", "vitae:x:rate5m", "llm_breaker"]);
    for (const name of [
      "queue_depth",
      "job_runs_oldest_seconds",
      "llm_breaker_state",
      "ratelimit_degraded_total",
    ]) {
      expect(exposed.has(name), name).toBe(true);
    }
    expect(exposed.has("jobs_totl")).toBe(false);
  });
});

import type { BenchServer, Peers } from "./bench-server";

/** The processes a target's CPU time is split between (see `processLabels`). */
const labels = ["server", "worker", "PostgreSQL", "Redis", "load generator", "other"] as const;
type ProcessLabel = (typeof labels)[number];

/** CPU time per call (µs) by process; undefined where the platform has no per-process figures. */
export type CpuPerCall = Partial<Record<ProcessLabel, number>>;

/**
 * Names the processes while one target runs: `server` is the process answering it (the API, or the peer
 * for a peer target), `worker` the distributed worker, PostgreSQL's and Redis's server processes (the
 * local ones, and in embedded mode the API's own PostgreSQL too), this process as the load generator.
 */
export function processLabels(bench: BenchServer, peer?: { peers: Peers; url: string }) {
  const server = peer === undefined ? bench.pids.api : peer.peers.pidOf(peer.url);
  return (pid: number, command: string): ProcessLabel | undefined => {
    if (pid === server) return "server";
    if (pid === bench.pids.worker) return "worker";
    if (pid === process.pid) return "load generator";
    if (command === "postgres") return "PostgreSQL";
    if (command.startsWith("redis-server")) return "Redis";
    return undefined;
  };
}

export function cpuPerCall(spent: ReadonlyMap<string, number>, calls: number): CpuPerCall {
  const perCall: CpuPerCall = {};
  if (spent.size === 0) return perCall;
  for (const label of labels) perCall[label] = (spent.get(label) ?? 0) / Math.max(1, calls);
  return perCall;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** What serving a call cost: the server and what it waits on (worker, PostgreSQL, Redis). */
function servingCost(cpu: CpuPerCall): number | undefined {
  if (cpu.server === undefined) return undefined;
  return cpu.server + (cpu.worker ?? 0) + (cpu.PostgreSQL ?? 0) + (cpu.Redis ?? 0);
}

const ratio = (peer: number | undefined, target: number | undefined) =>
  peer === undefined || target === undefined || target === 0 ? "-" : (peer / target).toFixed(3);

/**
 * One row of the CPU table: µs per call by process, the serving total, and — given the stock tRPC peer's
 * runs — the peer's (their mean) divided by the target's, for the server alone and for the serving total.
 */
export function cpuRow(target: string, cpu: CpuPerCall, peerRuns: readonly CpuPerCall[] = []) {
  const peerServer = peerRuns.some((run) => run.server === undefined)
    ? undefined
    : mean(peerRuns.map((run) => run.server ?? 0));
  const peerServing = peerRuns.some((run) => servingCost(run) === undefined)
    ? undefined
    : mean(peerRuns.map((run) => servingCost(run) ?? 0));
  const round = (value: number | undefined) => (value === undefined ? "-" : Math.round(value));
  return {
    target,
    ...Object.fromEntries(labels.map((label) => [label, round(cpu[label])])),
    serving: round(servingCost(cpu)),
    ...(peerRuns.length === 0
      ? {}
      : {
          "server vs stock tRPC": ratio(peerServer, cpu.server),
          "serving vs stock tRPC": ratio(peerServing, servingCost(cpu)),
        }),
  };
}

import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { getFreePort } from "./harness";

const apiDir = fileURLToPath(new URL("..", import.meta.url));

export interface SpawnedProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or the signal name) once the process ends. */
  exited: Promise<number | string>;
}

function track(child: ChildProcess): SpawnedProcess {
  let text = "";
  child.stdout?.on("data", (chunk) => {
    text += chunk.toString();
  });
  child.stderr?.on("data", (chunk) => {
    text += chunk.toString();
  });
  const exited = once(child, "exit").then(([code, signal]) => (code ?? signal) as number | string);
  return { child, output: () => text, exited };
}

/** Runs the real API entry point (`node --import tsx src/main.ts`) with exactly the given environment. */
export function spawnApi(env: Record<string, string>): SpawnedProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiDir,
    // The public tier is raised: these tests drive load, and limits have their own tests.
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "test",
      LOG_FORMAT: "json",
      RATE_LIMIT_PUBLIC: "100000/1m",
      RATE_LIMIT_TIMEOUT_MS: "2000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return track(child);
}

/** Polls `url` until it answers `status` or the attempts run out; returns whether it did. */
export async function waitForStatus(url: string, status: number, attempts = 300, intervalMs = 100) {
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      if (response.status === status) return true;
    } catch {
      // Not listening yet, or mid-restart: keep polling.
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  return false;
}

/** A private redis-server on a free port, so a test can stop and restart "the" Redis safely. */
export async function startPrivateRedis(port?: number) {
  const chosen = port ?? (await getFreePort());
  const server = track(
    spawn(
      "redis-server",
      ["--port", String(chosen), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    ),
  );
  for (let attempt = 0; attempt < 100 && !server.output().includes("Ready to accept"); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    async stop() {
      server.child.kill("SIGKILL");
      await server.exited;
    },
  };
}

import { Agent, get, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "./harness";

/**
 * A graceful stop lets in-flight requests finish; their keep-alive connections must end with them. Node
 * closes the sockets that are idle when the server closes, but one whose request is still running
 * would otherwise stay open until its keep-alive timeout (72 s) and hold the stop up as long.
 */
let api: TestApi;
let entered: () => void;
const requestEntered = new Promise<void>((resolve) => {
  entered = resolve;
});
let release: () => void;
const released = new Promise<void>((resolve) => {
  release = resolve;
});

beforeAll(async () => {
  api = await startTestApi({
    runWorkers: false,
    extendServer: (server) => {
      server.get("/test/in-flight", async () => {
        entered();
        await released;
        return { finished: true };
      });
    },
  });
});
afterAll(async () => {
  await api?.cleanup();
});

function getWith(agent: Agent, url: string): Promise<{ response: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ response, body }));
    }).on("error", reject);
  });
}

describe("graceful stop with keep-alive clients", () => {
  // A regression shows as a stop that waits out the 72 s keep-alive timeout: far past this test's 30 s.
  it("answers a request in flight with Connection: close, and the stop does not wait for the client", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const warmUp = await getWith(agent, `${api.url}/healthz`);
      expect(warmUp.response.headers.connection).toBe("keep-alive");

      const inFlight = getWith(agent, `${api.url}/test/in-flight`);
      await requestEntered;
      const stopped = api.stop();
      release();
      const { response, body } = await inFlight;

      expect(response.statusCode).toBe(200);
      expect(JSON.parse(body)).toEqual({ finished: true });
      expect(response.headers.connection).toBe("close");
      await stopped;
    } finally {
      agent.destroy();
    }
  }, 30_000);
});

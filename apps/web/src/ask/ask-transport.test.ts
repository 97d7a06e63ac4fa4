import { describe, expect, it, vi } from "vitest";
import { normalizeStreamEvent, type Subscribe, streamOnce } from "./ask-transport";
import type { StreamEvent } from "./contract";

type Callbacks = Parameters<Subscribe<unknown, StreamEvent>>[1];

function fakeSubscription() {
  let callbacks: Callbacks | undefined;
  const unsubscribe = vi.fn();
  const subscribe: Subscribe<unknown, StreamEvent> = (_input, given) => {
    callbacks = given;
    return { unsubscribe };
  };
  const handlers = { onEvent: vi.fn(), onError: vi.fn(), onComplete: vi.fn() };
  return {
    subscribe,
    handlers,
    unsubscribe,
    emit: () => {
      if (callbacks === undefined) throw new Error("not subscribed");
      return callbacks;
    },
  };
}

describe("streamOnce", () => {
  it("passes events through and completes once", () => {
    const fake = fakeSubscription();
    streamOnce(fake.subscribe, {}, fake.handlers);
    fake.emit().onData({ type: "token", text: "Hi" });
    fake.emit().onComplete();
    fake.emit().onComplete();
    expect(fake.handlers.onEvent).toHaveBeenCalledWith({ type: "token", text: "Hi" });
    expect(fake.handlers.onComplete).toHaveBeenCalledTimes(1);
  });

  it("stops at the first connection error instead of letting the link ask again", () => {
    const fake = fakeSubscription();
    streamOnce(fake.subscribe, {}, fake.handlers);
    fake.emit().onConnectionStateChange({ state: "pending", error: null });
    expect(fake.handlers.onError).not.toHaveBeenCalled();
    const error = new Error("dropped");
    fake.emit().onConnectionStateChange({ state: "connecting", error });
    fake.emit().onData({ type: "token", text: "again" });
    fake.emit().onError(new Error("later"));
    expect(fake.handlers.onError).toHaveBeenCalledTimes(1);
    expect(fake.handlers.onError).toHaveBeenCalledWith(error);
    expect(fake.handlers.onEvent).not.toHaveBeenCalled();
    expect(fake.unsubscribe).toHaveBeenCalled();
  });

  it("stops delivering after the caller stops listening", () => {
    const fake = fakeSubscription();
    const stop = streamOnce(fake.subscribe, {}, fake.handlers);
    stop();
    fake.emit().onData({ type: "token", text: "late" });
    fake.emit().onComplete();
    expect(fake.handlers.onEvent).not.toHaveBeenCalled();
    expect(fake.handlers.onComplete).not.toHaveBeenCalled();
  });
});

describe("normalizeStreamEvent", () => {
  const result = { sessionId: "s", answer: "A", mode: "basic", intent: "experience", cards: [], sources: [] };

  it("reads a done event with the result spread in or nested", () => {
    expect(normalizeStreamEvent({ type: "done", ...result })).toEqual({ type: "done", ...result });
    expect(normalizeStreamEvent({ type: "done", result })).toEqual({ type: "done", ...result });
  });

  it("passes session and token events and drops anything else", () => {
    expect(normalizeStreamEvent({ type: "token", text: "x" })).toEqual({ type: "token", text: "x" });
    expect(normalizeStreamEvent({ type: "progress" })).toBeNull();
    expect(normalizeStreamEvent(null)).toBeNull();
  });
});

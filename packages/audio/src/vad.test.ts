import { describe, expect, it } from "vitest";
import { trimSilence } from "./vad";
import { decodeWav, encodeWav, type PcmAudio } from "./wav";

const rate = 16_000;

/** Silence (low noise), a 440 Hz tone standing in for speech, then silence again. */
function recording(leadMs: number, speechMs: number, tailMs: number, noise = 30): PcmAudio {
  const total = Math.round(((leadMs + speechMs + tailMs) * rate) / 1000);
  const samples = new Int16Array(total);
  let seed = 7;
  for (let index = 0; index < total; index += 1) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const ms = (index / rate) * 1000;
    const hiss = ((seed / 2147483648) * 2 - 1) * noise;
    const tone =
      ms >= leadMs && ms < leadMs + speechMs ? Math.sin((2 * Math.PI * 440 * index) / rate) * 8000 : 0;
    samples[index] = Math.round(hiss + tone);
  }
  return { sampleRate: rate, samples };
}

describe("trimSilence", () => {
  it("cuts leading and trailing silence, keeping the speech and a little padding", () => {
    const result = trimSilence(recording(1500, 1000, 2000));
    expect(result.originalMs).toBe(4500);
    expect(result.trimmedMs).toBeGreaterThanOrEqual(1000);
    expect(result.trimmedMs).toBeLessThanOrEqual(1500);
  });

  it("keeps a recording that is all speech", () => {
    expect(trimSilence(recording(0, 800, 0)).trimmedMs).toBe(800);
  });

  it("refuses silence and empty recordings", () => {
    expect(() => trimSilence(recording(1000, 0, 1000))).toThrow(/No speech/);
    expect(() => trimSilence({ sampleRate: rate, samples: new Int16Array(0) })).toThrow(/empty/);
  });

  it("adapts to a noisy room: loud hiss alone is not speech", () => {
    expect(() => trimSilence(recording(1000, 0, 1000, 600))).toThrow(/No speech/);
    expect(trimSilence(recording(1000, 500, 1000, 600)).trimmedMs).toBeLessThan(1200);
  });
});

describe("WAV", () => {
  it("round-trips mono PCM and averages stereo to mono", () => {
    const audio = recording(100, 200, 100);
    const decoded = decodeWav(encodeWav(audio));
    expect(decoded.sampleRate).toBe(rate);
    expect(Array.from(decoded.samples)).toEqual(Array.from(audio.samples));
    const stereo = encodeWav(audio);
    const view = new DataView(stereo.buffer);
    view.setUint16(22, 2, true);
    expect(decodeWav(stereo).samples.length).toBe(Math.floor(audio.samples.length / 2));
  });

  it.each([
    ["not RIFF", new Uint8Array(64)],
    ["too short", new Uint8Array(10)],
  ])("rejects %s", (_label, bytes) => {
    expect(() => decodeWav(bytes)).toThrow();
  });

  it("rejects compressed formats and a lying chunk size without reading past the buffer", () => {
    const bytes = encodeWav(recording(10, 10, 10));
    const floatFormat = bytes.slice();
    new DataView(floatFormat.buffer).setUint16(20, 3, true);
    expect(() => decodeWav(floatFormat)).toThrow(/16-bit PCM/);
    const lying = bytes.slice();
    new DataView(lying.buffer).setUint32(16, 0xfffffff0, true);
    expect(() => decodeWav(lying)).toThrow();
  });
});

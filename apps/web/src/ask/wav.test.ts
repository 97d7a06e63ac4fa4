import { describe, expect, it } from "vitest";
import { encodeWav, speechSampleRate } from "./wav";

describe("encodeWav", () => {
  it("writes a 16-bit mono PCM RIFF header and clamped little-endian samples", () => {
    const bytes = encodeWav(Float32Array.from([0, 1, -1, 2, -0.5]), speechSampleRate);
    const view = new DataView(bytes.buffer);
    const text = (offset: number, length: number) =>
      String.fromCharCode(...bytes.slice(offset, offset + length));
    expect(bytes.length).toBe(44 + 5 * 2);
    expect(text(0, 4)).toBe("RIFF");
    expect(view.getUint32(4, true)).toBe(36 + 10);
    expect(text(8, 8)).toBe("WAVEfmt ");
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(1);
    expect(view.getUint32(24, true)).toBe(16_000);
    expect(view.getUint32(28, true)).toBe(32_000);
    expect(view.getUint16(34, true)).toBe(16);
    expect(text(36, 4)).toBe("data");
    expect(view.getUint32(40, true)).toBe(10);
    expect([0, 1, 2, 3, 4].map((index) => view.getInt16(44 + index * 2, true))).toEqual([
      0, 32767, -32768, 32767, -16384,
    ]);
  });
});

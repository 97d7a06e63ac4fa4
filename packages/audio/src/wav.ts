import { AppError } from "@vitae/errors";

/** Mono 16-bit PCM samples with their rate: what voice activity detection works on. */
export interface PcmAudio {
  sampleRate: number;
  /** Samples in [-32768, 32767], channels averaged to mono. */
  samples: Int16Array;
}

const invalid = (message: string) => new AppError("UNSUPPORTED_MEDIA_TYPE", { message });

/**
 * Reads a RIFF/WAVE file of 16-bit PCM (any channel count, 8–48 kHz). Chunks are walked by their
 * declared sizes with bounds checks, so a hostile header cannot make the reader run past the buffer.
 */
export function decodeWav(bytes: Uint8Array): PcmAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.byteLength < 44 || text(0) !== "RIFF" || text(8) !== "WAVE")
    throw invalid("Send audio as a WAV file.");
  let offset = 12;
  let format: { channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  while (offset + 8 <= bytes.byteLength) {
    const id = text(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (body + size > bytes.byteLength && id !== "data") throw invalid("The WAV file is truncated.");
    if (id === "fmt ") {
      if (size < 16) throw invalid("The WAV format chunk is malformed.");
      const audioFormat = view.getUint16(body, true);
      format = {
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
      if (audioFormat !== 1 || format.bitsPerSample !== 16) throw invalid("Only 16-bit PCM WAV is accepted.");
      if (format.channels < 1 || format.channels > 8) throw invalid("Unsupported channel count.");
      if (format.sampleRate < 8000 || format.sampleRate > 48_000) throw invalid("Unsupported sample rate.");
    } else if (id === "data") {
      if (!format) throw invalid("The WAV file has no format chunk before its data.");
      const end = Math.min(body + size, bytes.byteLength);
      const frames = Math.floor((end - body) / (2 * format.channels));
      const samples = new Int16Array(frames);
      for (let frame = 0; frame < frames; frame += 1) {
        let sum = 0;
        for (let channel = 0; channel < format.channels; channel += 1) {
          sum += view.getInt16(body + (frame * format.channels + channel) * 2, true);
        }
        samples[frame] = Math.round(sum / format.channels);
      }
      return { sampleRate: format.sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw invalid("The WAV file has no audio data.");
}

/** Encodes mono 16-bit PCM as a minimal WAV file (what transcription providers accept everywhere). */
export function encodeWav(audio: PcmAudio): Uint8Array {
  const dataBytes = audio.samples.length * 2;
  const bytes = new Uint8Array(44 + dataBytes);
  const view = new DataView(bytes.buffer);
  const write = (offset: number, value: string) => {
    for (let index = 0; index < 4; index += 1) bytes[offset + index] = value.charCodeAt(index);
  };
  write(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  write(8, "WAVE");
  write(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, audio.sampleRate, true);
  view.setUint32(28, audio.sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  write(36, "data");
  view.setUint32(40, dataBytes, true);
  for (let index = 0; index < audio.samples.length; index += 1) {
    view.setInt16(44 + index * 2, audio.samples[index] ?? 0, true);
  }
  return bytes;
}

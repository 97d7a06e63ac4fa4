import { AppError } from "@vitae/errors";
import type { PcmAudio } from "./wav";

export interface TrimOptions {
  /** Analysis frame length (default 20 ms). */
  frameMs?: number;
  /** Speech must be this far above the noise floor, in dB (default 12). */
  marginDb?: number;
  /** Frames quieter than this (dBFS) are never speech, whatever the floor (default -50). */
  minSpeechDbfs?: number;
  /** Kept before the first and after the last speech frame, so words are not clipped (default 200 ms). */
  paddingMs?: number;
}

/** What trimming did, for logs and tests. */
export interface TrimResult {
  audio: PcmAudio;
  originalMs: number;
  trimmedMs: number;
}

/** Speaking level (RMS dBFS) used when a recording is uniform, e.g. speech from the first to the last frame. */
const uniformSpeechDbfs = -30;

function frameDbfs(samples: Int16Array, start: number, length: number): number {
  let sum = 0;
  for (let index = start; index < start + length; index += 1) {
    const sample = (samples[index] ?? 0) / 32768;
    sum += sample * sample;
  }
  const rms = Math.sqrt(sum / length);
  return rms === 0 ? -120 : 20 * Math.log10(rms);
}

/**
 * Energy-based voice activity detection: frames louder than both an absolute floor and the recording's
 * own noise floor (its 10th-percentile frame energy) plus a margin count as speech; leading and
 * trailing silence is cut, with padding. Throws BAD_REQUEST when no frame is speech — sending silence
 * to a transcription provider costs money and returns nonsense.
 */
export function trimSilence(audio: PcmAudio, options: TrimOptions = {}): TrimResult {
  const frameLength = Math.max(1, Math.round((audio.sampleRate * (options.frameMs ?? 20)) / 1000));
  const frameCount = Math.floor(audio.samples.length / frameLength);
  const originalMs = Math.round((audio.samples.length / audio.sampleRate) * 1000);
  if (frameCount === 0) throw new AppError("BAD_REQUEST", { message: "The recording is empty." });
  const energies = Array.from({ length: frameCount }, (_, frame) =>
    frameDbfs(audio.samples, frame * frameLength, frameLength),
  );
  const sorted = [...energies].sort((a, b) => a - b);
  const noiseFloor = sorted[Math.floor(sorted.length * 0.1)] ?? -120;
  const loud = sorted[Math.floor(sorted.length * 0.9)] ?? -120;
  const margin = options.marginDb ?? 12;
  // A recording without quiet stretches has no noise floor to measure: it is all speech when it is at
  // speaking level, all noise otherwise.
  const isUniform = loud - noiseFloor < margin;
  const threshold = isUniform
    ? loud > uniformSpeechDbfs
      ? -Infinity
      : Infinity
    : Math.max(options.minSpeechDbfs ?? -50, noiseFloor + margin);
  const first = energies.findIndex((energy) => energy > threshold);
  const last = energies.findLastIndex((energy) => energy > threshold);
  if (first === -1) throw new AppError("BAD_REQUEST", { message: "No speech was heard in the recording." });
  const padding = Math.round((audio.sampleRate * (options.paddingMs ?? 200)) / 1000);
  const start = Math.max(0, first * frameLength - padding);
  const end = Math.min(audio.samples.length, (last + 1) * frameLength + padding);
  const samples = audio.samples.slice(start, end);
  return {
    audio: { sampleRate: audio.sampleRate, samples },
    originalMs,
    trimmedMs: Math.round((samples.length / audio.sampleRate) * 1000),
  };
}

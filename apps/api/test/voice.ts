import { encodeWav } from "@vitae/audio";

/** A WAV question: silence, a tone standing in for speech, silence (16 kHz mono). */
export function spokenQuestionWav(leadMs = 1500, speechMs = 1200, tailMs = 1500): Uint8Array {
  const rate = 16_000;
  const total = Math.round(((leadMs + speechMs + tailMs) * rate) / 1000);
  const samples = new Int16Array(total);
  for (let index = 0; index < total; index += 1) {
    const ms = (index / rate) * 1000;
    const speaking = ms >= leadMs && ms < leadMs + speechMs;
    samples[index] = speaking
      ? Math.round(Math.sin((2 * Math.PI * 220 * index) / rate) * 9000)
      : (index % 7) - 3;
  }
  return encodeWav({ sampleRate: rate, samples });
}

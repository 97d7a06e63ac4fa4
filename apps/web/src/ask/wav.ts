/**
 * Voice questions go to the server as 16-bit mono PCM WAV (`chat.createVoiceUpload` accepts `audio/wav`
 * only: its silence trimming reads raw samples). MediaRecorder gives compressed audio (webm/opus), so the
 * recording is decoded and resampled in the browser, then written as WAV.
 */

/** 16 kHz is what speech recognisers work at; it keeps a minute of speech under 2 MB. */
export const speechSampleRate = 16_000;

/** A RIFF/WAVE file of `samples` (−1…1, mono) as 16-bit little-endian PCM. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array<ArrayBuffer> {
  const dataBytes = samples.length * 2;
  const buffer = new ArrayBuffer(44 + dataBytes);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string) => {
    for (let index = 0; index < text.length; index += 1)
      view.setUint8(offset + index, text.charCodeAt(index));
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
  samples.forEach((sample, index) => {
    const clamped = Math.max(-1, Math.min(1, sample));
    view.setInt16(44 + index * 2, clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff, true);
  });
  return new Uint8Array(buffer);
}

/** Decodes a recording, mixes it to mono at {@link speechSampleRate} and returns it as a WAV blob. */
export async function recordingToWav(recording: Blob): Promise<Blob> {
  const decoder = new AudioContext();
  let decoded: AudioBuffer;
  try {
    decoded = await decoder.decodeAudioData(await recording.arrayBuffer());
  } finally {
    void decoder.close().catch(() => undefined);
  }
  const length = Math.max(1, Math.ceil(decoded.duration * speechSampleRate));
  // A one-channel offline graph down-mixes and resamples in one pass.
  const offline = new OfflineAudioContext(1, length, speechSampleRate);
  const source = offline.createBufferSource();
  source.buffer = decoded;
  source.connect(offline.destination);
  source.start();
  const rendered = await offline.startRendering();
  return new Blob([encodeWav(rendered.getChannelData(0), speechSampleRate)], { type: "audio/wav" });
}

import { useCallback, useEffect, useRef, useState } from "react";

export type RecorderStatus = "idle" | "starting" | "recording" | "unavailable";

/** The server takes recordings up to a minute (`chat.createVoiceUpload`). */
export const maxRecordingMs = 60_000;
const tickMs = 100;
// The contract's format first; Safari records only MP4/AAC, which the server may refuse with a reason.
const preferredTypes = ["audio/webm;codecs=opus", "audio/webm", "audio/ogg;codecs=opus", "audio/mp4"];

export function isRecordingSupported(): boolean {
  return (
    typeof window !== "undefined" &&
    typeof window.MediaRecorder !== "undefined" &&
    typeof navigator.mediaDevices?.getUserMedia === "function"
  );
}

function pickMimeType(): string | undefined {
  return preferredTypes.find((type) => window.MediaRecorder.isTypeSupported(type));
}

/** Plain words for why the microphone could not be used. */
export function microphoneProblem(error: unknown): string {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") {
    return "Microphone access is blocked. Allow it in your browser's site settings to ask by voice, or type your question.";
  }
  if (name === "NotFoundError" || name === "OverconstrainedError") {
    return "No microphone was found. Connect one to ask by voice, or type your question.";
  }
  if (name === "NotReadableError") return "The microphone is in use by another application.";
  return "The microphone could not be started. Type your question instead.";
}

/** Root-mean-square of an 8-bit waveform around its midpoint, scaled so speech fills most of 0–1. */
export function levelOf(samples: Uint8Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) {
    const centred = (sample - 128) / 128;
    sum += centred * centred;
  }
  return Math.min(1, Math.sqrt(sum / samples.length) * 3);
}

interface Recording {
  recorder: MediaRecorder;
  stream: MediaStream;
  audio: AudioContext | null;
  timer: number;
  startedAt: number;
  isCancelled: boolean;
}

/**
 * Records one spoken question with MediaRecorder: a live input level for the meter, the elapsed time,
 * and an automatic stop at the one-minute cap. `onRecorded` gets the audio once recording stops (not
 * when cancelled). The microphone is released as soon as recording ends or the component unmounts.
 */
export function useRecorder(onRecorded: (audio: Blob, durationMs: number) => void) {
  const [status, setStatus] = useState<RecorderStatus>("idle");
  const [problem, setProblem] = useState<string | null>(null);
  const [level, setLevel] = useState(0);
  const [elapsedMs, setElapsedMs] = useState(0);
  const recording = useRef<Recording | null>(null);
  const onRecordedRef = useRef(onRecorded);
  onRecordedRef.current = onRecorded;

  const release = useCallback((current: Recording) => {
    window.clearInterval(current.timer);
    for (const track of current.stream.getTracks()) track.stop();
    void current.audio?.close().catch(() => undefined);
    if (recording.current === current) recording.current = null;
    setLevel(0);
  }, []);

  const stop = useCallback(() => {
    const current = recording.current;
    if (current !== null && current.recorder.state !== "inactive") current.recorder.stop();
  }, []);

  const cancel = useCallback(() => {
    const current = recording.current;
    if (current === null) return;
    current.isCancelled = true;
    stop();
  }, [stop]);

  const start = useCallback(async () => {
    if (recording.current !== null) return;
    if (!isRecordingSupported()) {
      setStatus("unavailable");
      setProblem("This browser cannot record audio. Type your question instead.");
      return;
    }
    setProblem(null);
    setStatus("starting");
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      setStatus("idle");
      setProblem(microphoneProblem(error));
      return;
    }
    const mimeType = pickMimeType();
    const recorder = new MediaRecorder(stream, mimeType === undefined ? {} : { mimeType });
    let audio: AudioContext | null = null;
    let analyser: AnalyserNode | null = null;
    try {
      audio = new AudioContext();
      analyser = audio.createAnalyser();
      analyser.fftSize = 512;
      audio.createMediaStreamSource(stream).connect(analyser);
    } catch {
      // The meter is a nicety; recording works without it.
    }
    const samples = new Uint8Array(analyser?.fftSize ?? 0);
    const chunks: Blob[] = [];
    const startedAt = performance.now();
    const current: Recording = { recorder, stream, audio, timer: 0, startedAt, isCancelled: false };
    current.timer = window.setInterval(() => {
      const elapsed = performance.now() - startedAt;
      setElapsedMs(Math.min(elapsed, maxRecordingMs));
      if (analyser !== null) {
        analyser.getByteTimeDomainData(samples);
        setLevel(levelOf(samples));
      }
      if (elapsed >= maxRecordingMs) stop();
    }, tickMs);
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    recorder.onstop = () => {
      const durationMs = Math.min(Math.round(performance.now() - startedAt), maxRecordingMs);
      release(current);
      setStatus("idle");
      setElapsedMs(0);
      if (current.isCancelled || chunks.length === 0) return;
      onRecordedRef.current(
        new Blob(chunks, { type: recorder.mimeType || mimeType || "audio/webm" }),
        durationMs,
      );
    };
    recording.current = current;
    recorder.start();
    setElapsedMs(0);
    setStatus("recording");
  }, [release, stop]);

  useEffect(
    () => () => {
      const current = recording.current;
      if (current === null) return;
      current.isCancelled = true;
      if (current.recorder.state !== "inactive") current.recorder.stop();
      release(current);
    },
    [release],
  );

  return { status, problem, level, elapsedMs, start, stop, cancel };
}

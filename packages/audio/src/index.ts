export { type TrimOptions, type TrimResult, trimSilence } from "./vad";
export { decodeWav, encodeWav, type PcmAudio } from "./wav";

import { maxRecordingMs, useRecorder } from "./use-recorder";

interface MicButtonProps {
  /** Called with the finished recording; the parent uploads and asks it. */
  onRecorded: (audio: Blob, durationMs: number) => void;
  isDisabled: boolean;
}

function MicIcon() {
  return (
    <svg className="mic-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3Zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.92V21h2v-3.08A7 7 0 0 0 19 11h-2Z"
      />
    </svg>
  );
}

function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * Ask by voice: record (with a level meter and the time left), then stop to send. Without a microphone
 * or permission it explains why in plain words and the text box keeps working.
 */
export function MicButton({ onRecorded, isDisabled }: MicButtonProps) {
  const recorder = useRecorder(onRecorded);
  const isRecording = recorder.status === "recording";

  return (
    <div className="mic" data-testid="mic">
      {isRecording ? (
        <div className="mic-recording">
          <span className="mic-dot" aria-hidden="true" />
          <label className="visually-hidden" htmlFor="mic-level">
            Microphone level
          </label>
          <meter
            id="mic-level"
            className="mic-level"
            min={0}
            max={1}
            low={0.15}
            high={0.85}
            optimum={0.5}
            value={recorder.level}
          />
          <span className="mic-clock" aria-hidden="true">
            {clock(recorder.elapsedMs)} / {clock(maxRecordingMs)}
          </span>
          <button
            type="button"
            className="button button-primary"
            onClick={recorder.stop}
            data-testid="mic-stop"
          >
            Stop and ask
          </button>
          <button type="button" className="button" onClick={recorder.cancel}>
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          className="button mic-start"
          onClick={() => void recorder.start()}
          disabled={isDisabled || recorder.status === "starting"}
          data-testid="mic-start"
        >
          <MicIcon />
          {recorder.status === "starting" ? "Starting microphone…" : "Ask by voice"}
        </button>
      )}
      <p className="mic-status" role="status">
        {isRecording ? `Recording. It stops by itself after ${maxRecordingMs / 1000} seconds.` : null}
        {recorder.problem}
      </p>
    </div>
  );
}

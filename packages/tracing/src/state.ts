let enabled = false;

/** True once `startTracing` started an SDK in this process; hot paths skip span work otherwise. */
export function isTracingEnabled(): boolean {
  return enabled;
}

/** Set by `startTracing` only. */
export function setTracingEnabled(value: boolean): void {
  enabled = value;
}

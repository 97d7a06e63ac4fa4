/**
 * A value read at scrape time (from Redis or Postgres) and written into gauges. Telemetry bounds every
 * read by the collect timeout; a failed read leaves its gauges empty, because stale values would mislead
 * an alert more than a missing series does.
 */
export interface ScrapeReader {
  /** Runs one read and writes its samples; resolves (never rejects) once done or given up. */
  read(): Promise<void>;
}

/** Options of {@link createScrapeReader}. */
export interface ScrapeReaderOptions<Sample> {
  timeoutMs: number;
  /** The installed reader, or `undefined` when the process has nothing to report (no workers). */
  source(): (() => Promise<readonly Sample[]> | readonly Sample[]) | undefined;
  /** Clears the gauges the samples are written to. */
  reset(): void;
  /** Writes one sample. */
  write(sample: Sample): void;
  /** Counts a read that threw or timed out. */
  onError(): void;
}

function withTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`collector timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Builds a reader that replaces its gauges' series with the samples of one bounded read. */
export function createScrapeReader<Sample>(options: ScrapeReaderOptions<Sample>): ScrapeReader {
  return {
    async read() {
      const source = options.source();
      if (source === undefined) return;
      let samples: readonly Sample[];
      try {
        samples = await withTimeout(Promise.resolve().then(source), options.timeoutMs);
      } catch {
        options.reset();
        options.onError();
        return;
      }
      // Replace, not merge: a queue or state that disappeared must not keep its last value.
      options.reset();
      for (const sample of samples) options.write(sample);
    },
  };
}

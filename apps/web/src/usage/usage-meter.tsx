import { usagePercent } from "../lib/format";

interface UsageMeterProps {
  id: string;
  label: string;
  used: number;
  /** `null` means the plan sets no limit for this metric. */
  limit: number | null;
  format: (value: number) => string;
}

// Where the meter turns amber and red, as shares of the limit; `<meter>` colours itself from these.
const lowShare = 0.75;
const highShare = 0.9;

/** One quota as a native `<meter>` with its figures in words, which is what screen readers announce. */
export function UsageMeter({ id, label, used, limit, format }: UsageMeterProps) {
  const percent = usagePercent(used, limit);
  const summary =
    limit === null || percent === null
      ? `${format(used)} used · no limit`
      : `${format(used)} of ${format(limit)} (${percent}%)`;
  return (
    <div className="meter" data-testid={id}>
      <div className="progress-row">
        {limit === null || percent === null ? <span>{label}</span> : <label htmlFor={id}>{label}</label>}
        <span className="progress-figure" id={`${id}-summary`}>
          {summary}
        </span>
      </div>
      {limit === null || percent === null ? null : (
        <meter
          id={id}
          min={0}
          max={limit}
          value={Math.min(used, limit)}
          low={limit * lowShare}
          high={limit * highShare}
          optimum={0}
          aria-describedby={`${id}-summary`}
        >
          {summary}
        </meter>
      )}
      {limit !== null && used >= limit ? (
        <p className="field-error">Limit reached: new work of this kind is refused until the next period.</p>
      ) : null}
    </div>
  );
}

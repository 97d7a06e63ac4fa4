/** Move up, move down and remove for one listed entry; `name` completes each button's accessible name. */
export function EntryActions({
  index,
  count,
  name,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  name: string;
  onMove: (step: -1 | 1) => void;
  onRemove: () => void;
}) {
  return (
    <>
      <button type="button" className="button button-small" disabled={index === 0} onClick={() => onMove(-1)}>
        Move up<span className="visually-hidden"> {name}</span>
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={index === count - 1}
        onClick={() => onMove(1)}
      >
        Move down<span className="visually-hidden"> {name}</span>
      </button>
      <RemoveButton name={name} onRemove={onRemove} />
    </>
  );
}

/** Remove one entry; `name` completes the accessible name ("Remove Acme"). */
export function RemoveButton({ name, onRemove }: { name: string; onRemove: () => void }) {
  return (
    <button type="button" className="button button-small button-danger-outline" onClick={onRemove}>
      Remove<span className="visually-hidden"> {name}</span>
    </button>
  );
}

import { useState } from 'react';

interface Props {
  /** "Delete": the first click asks, "Confirm delete" does it. */
  readonly label: string;
  readonly confirmLabel: string;
  readonly busy?: boolean;
  onConfirm(): void;
}

/** A destructive action that takes two clicks, without a browser dialog. */
export function ConfirmButton({ label, confirmLabel, busy, onConfirm }: Props) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="danger-outline" onClick={() => setAsking(true)} disabled={busy}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm">
      <button
        type="button"
        className="danger"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

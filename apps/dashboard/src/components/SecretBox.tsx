import { useState } from 'react';
import { Field } from './Field';

interface Props {
  /** The label of the read-only text area ("Token", "Signing secret"). */
  readonly label: string;
  readonly value: string;
  readonly note?: string;
  onDismiss?(): void;
}

/** A secret shown once: read-only, with a Copy button. */
export function SecretBox({ label, value, note, onDismiss }: Props) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  };
  return (
    <div className="secret-box">
      <Field label={label} hint={note}>
        {(control) => (
          <textarea
            {...control}
            readOnly
            value={value}
            rows={Math.min(6, Math.ceil(value.length / 80) + 1)}
            spellCheck={false}
            onFocus={(event) => event.currentTarget.select()}
          />
        )}
      </Field>
      <div className="actions">
        <button type="button" onClick={copy}>
          Copy
        </button>
        {onDismiss && (
          <button type="button" className="secondary" onClick={onDismiss}>
            Done
          </button>
        )}
        <span role="status" className="muted">
          {copied === 'yes' ? 'Copied.' : copied === 'failed' ? 'Copy failed: select the text and copy it.' : ''}
        </span>
      </div>
    </div>
  );
}

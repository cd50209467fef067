import { type ReactNode, useId } from 'react';

export interface ControlProps {
  readonly id: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: true;
}

interface Props {
  /** The control's accessible name (text, or text with visually hidden parts). */
  readonly label: ReactNode;
  /** The API's messages for this field. */
  readonly errors?: string[];
  readonly hint?: ReactNode;
  /** A checkbox: the label after the control. */
  readonly inline?: boolean;
  readonly children: (control: ControlProps) => ReactNode;
}

/** A labelled form control with its hint and its field errors (announced with the control). */
export function Field({ label, errors, hint, inline, children }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', errors?.length ? errorId : ''].filter(Boolean).join(' ');
  const control = children({
    id,
    ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    ...(errors?.length ? { 'aria-invalid': true as const } : {}),
  });
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
      {inline && control}
      <label htmlFor={id}>{label}</label>
      {!inline && control}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      {errors && errors.length > 0 && (
        <p id={errorId} className="field-error">
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}

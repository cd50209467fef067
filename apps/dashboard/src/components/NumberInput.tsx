import type { ControlProps } from './Field';
import type { NumberText } from '../lib/numberFields';

interface NumberInputProps {
  readonly control: ControlProps;
  readonly value: NumberText;
  readonly min?: number;
  readonly max?: number;
  readonly placeholder?: string;
  onChange(value: NumberText): void;
}

/**
 * A number input that tells text it cannot read as a number (null) from an empty field. It listens to every
 * input event: such text reads as "" like an empty field, so React's onChange does not fire for it.
 */
export function NumberInput({ control, value, onChange, ...limits }: NumberInputProps) {
  return (
    <input
      {...control}
      {...limits}
      type="number"
      value={value ?? ''}
      onInput={(event) => onChange(event.currentTarget.validity.badInput ? null : event.currentTarget.value)}
    />
  );
}

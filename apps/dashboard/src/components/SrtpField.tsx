import type { SrtpPolicy } from '../api/types';
import { Field } from './Field';

const CHOICES: { value: SrtpPolicy; label: string }[] = [
  { value: 'off', label: 'Off: plain RTP' },
  { value: 'offer', label: 'Offer: SRTP when the other side takes it' },
  { value: 'require', label: 'Require: refuse plain RTP (488)' },
];

interface Props {
  readonly value: SrtpPolicy;
  readonly errors: string[] | undefined;
  onChange(value: SrtpPolicy): void;
}

const isSrtpPolicy = (value: string): value is SrtpPolicy => CHOICES.some((choice) => choice.value === value);

/** Media encryption (SDES-SRTP) of an endpoint's leg: the srtp field of SIP users and carriers. */
export function SrtpField({ value, errors, onChange }: Props) {
  return (
    <Field label="SRTP" errors={errors} hint="Media encryption on this endpoint's leg of a call.">
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => {
            if (isSrtpPolicy(event.target.value)) onChange(event.target.value);
          }}
        >
          {CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

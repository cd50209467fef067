import { Field } from './Field';

interface Props<T extends string> {
  readonly label: string;
  readonly hint: string;
  readonly choices: readonly { value: T; label: string }[];
  readonly value: T;
  readonly errors: string[] | undefined;
  onChange(value: T): void;
}

/** A select among a few fixed values of an enum field (SRTP policy, DTMF mode). */
export function ChoiceField<T extends string>({ label, hint, choices, value, errors, onChange }: Props<T>) {
  return (
    <Field label={label} errors={errors} hint={hint}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => {
            const choice = choices.find((candidate) => candidate.value === event.target.value);
            if (choice) onChange(choice.value);
          }}
        >
          {choices.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

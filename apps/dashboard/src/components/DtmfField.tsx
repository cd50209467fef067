import type { DtmfMode } from '../api/types';
import { ChoiceField } from './ChoiceField';

const CHOICES: { value: DtmfMode; label: string }[] = [
  { value: 'rfc4733', label: 'RFC 4733: telephone-events in the media' },
  { value: 'info', label: 'SIP INFO' },
];

interface Props {
  readonly value: DtmfMode;
  readonly errors: string[] | undefined;
  onChange(value: DtmfMode): void;
}

/** How an endpoint sends and receives DTMF digits: the dtmf field of SIP users and carriers. */
export function DtmfField(props: Props) {
  return (
    <ChoiceField
      label="DTMF"
      hint="How this endpoint sends and receives digits; the edge converts when the other side differs."
      choices={CHOICES}
      {...props}
    />
  );
}

import type { SrtpPolicy } from '../api/types';
import { ChoiceField } from './ChoiceField';

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

/** Media encryption (SDES-SRTP) of an endpoint's leg: the srtp field of SIP users and carriers. */
export function SrtpField(props: Props) {
  return (
    <ChoiceField label="SRTP" hint="Media encryption on this endpoint's leg of a call." choices={CHOICES} {...props} />
  );
}

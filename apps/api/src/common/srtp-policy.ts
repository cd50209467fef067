import { SrtpPolicy } from '@callwire/database';
import { endpointSetting } from './endpoint-setting';

export const SRTP_POLICIES = Object.values(SrtpPolicy);

const srtp = endpointSetting({
  field: 'srtp',
  values: SRTP_POLICIES,
  enumName: 'SrtpPolicy',
  subject: 'Media encryption',
  description:
    "Media encryption (SDES-SRTP) on this endpoint's leg of a call. `off`: plain RTP only (the edge offers " +
    'RTP/AVP without crypto). `offer`: SRTP offered with a plain-RTP fallback (RTP/AVP with a=crypto, OSRTP), ' +
    'whatever the endpoint offers is accepted. `require`: RTP/SAVP only; a call it places offering plain RTP is ' +
    'refused with 488. The edge converts between SRTP and RTP (and to DTLS-SRTP for browsers) when the two legs differ.',
});

export const SrtpPolicyField = srtp.Field;
export const SrtpPolicyProperty = srtp.Property;

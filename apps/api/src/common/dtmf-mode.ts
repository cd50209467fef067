import { DtmfMode } from '@callwire/database';
import { endpointSetting } from './endpoint-setting';

export const DTMF_MODES = Object.values(DtmfMode);

const dtmf = endpointSetting({
  field: 'dtmf',
  values: DTMF_MODES,
  enumName: 'DtmfMode',
  subject: 'DTMF',
  description:
    'How this endpoint sends and receives DTMF digits on its leg of a call. `rfc4733`: telephone-events in the ' +
    'media (RFC 4733, also known as RFC 2833), what browsers and most phones and carriers use. `info`: SIP INFO ' +
    'requests (application/dtmf-relay or application/dtmf). When the two legs of a call differ the edge converts: ' +
    'an INFO becomes telephone-events toward the other side and telephone-events become INFO requests.',
});

export const DtmfModeField = dtmf.Field;
export const DtmfModeProperty = dtmf.Property;

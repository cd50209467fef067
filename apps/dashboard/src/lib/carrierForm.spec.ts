import { InvalidFields } from '../api/problem';
import type { Carrier } from '../api/types';
import {
  NEW_CARRIER,
  NEW_GATEWAY,
  addressList,
  carrierFields,
  createCarrierBody,
  isCarrierFormField,
  updateCarrierBody,
} from './carrierForm';

const carrier: Carrier = {
  id: 'c1',
  name: 'Carrier X',
  enabled: true,
  srtp: 'off',
  dtmf: 'rfc4733',
  inbound: { allowedAddresses: ['203.0.113.0/24'], auth: { username: 'acme-trunk' } },
  outbound: {
    gateways: [
      {
        id: 'g1',
        host: 'sip.carrier.example',
        port: 5060,
        transport: 'udp',
        priority: 10,
        weight: 1,
        health: { status: 'up', lastResponse: '200 OK', since: null, lastCheckedAt: null },
      },
    ],
    auth: { username: '4155550100' },
    register: {
      enabled: true,
      expires: 3600,
      username: null,
      state: 'registered',
      detail: null,
      since: null,
      expiresAt: null,
    },
    fromDomain: null,
    callerIdNumber: '+14155550100',
  },
  createdAt: '2026-11-21T14:00:00Z',
  updatedAt: '2026-11-21T14:00:00Z',
};

/** The field errors of the InvalidFields that `build` throws. */
function errorsOf(build: () => unknown) {
  try {
    build();
  } catch (error) {
    if (error instanceof InvalidFields) return error.errors;
    throw error;
  }
  throw new Error('no InvalidFields thrown');
}

describe('addressList', () => {
  it('splits on lines, commas and spaces', () => {
    expect(addressList('203.0.113.0/24\n198.51.100.7, 2001:db8::1 \n\n')).toEqual([
      '203.0.113.0/24',
      '198.51.100.7',
      '2001:db8::1',
    ]);
  });
});

describe('createCarrierBody', () => {
  it('sends only the name and enabled for an empty form', () => {
    expect(createCarrierBody({ ...NEW_CARRIER, name: 'Carrier X' })).toEqual({
      name: 'Carrier X',
      enabled: true,
      srtp: 'off',
      dtmf: 'rfc4733',
    });
  });

  it('sends what was filled in, numbers as numbers and defaults left to the API', () => {
    const body = createCarrierBody({
      ...NEW_CARRIER,
      srtp: 'require',
      name: 'Carrier X',
      allowedAddresses: '203.0.113.0/24',
      inboundUsername: 'acme-trunk',
      inboundPassword: 'secret-password',
      gateways: [
        { ...NEW_GATEWAY, host: ' sip.carrier.example ', port: '5080', transport: 'tcp' },
        { ...NEW_GATEWAY, host: 'backup.carrier.example', priority: ' 20 ', weight: '' },
      ],
      outboundUsername: '4155550100',
      outboundPassword: 'pw',
      callerIdNumber: '+14155550100',
      registerEnabled: true,
      registerExpires: '600',
    });
    expect(body).toEqual({
      name: 'Carrier X',
      enabled: true,
      srtp: 'require',
      dtmf: 'rfc4733',
      inbound: { allowedAddresses: ['203.0.113.0/24'], auth: { username: 'acme-trunk', password: 'secret-password' } },
      outbound: {
        gateways: [
          { host: 'sip.carrier.example', port: 5080, transport: 'tcp' },
          { host: 'backup.carrier.example', transport: 'udp', priority: 20 },
        ],
        auth: { username: '4155550100', password: 'pw' },
        callerIdNumber: '+14155550100',
        register: { enabled: true, expires: 600 },
      },
    });
  });

  it('sends nothing when a number field holds text, and says which fields', () => {
    const fields = {
      ...NEW_CARRIER,
      name: 'Carrier X',
      gateways: [
        { ...NEW_GATEWAY, host: 'sip.carrier.example', port: '5060' },
        // null: a number input holding text the browser cannot read as a number ("5e", "-").
        { ...NEW_GATEWAY, host: 'backup.carrier.example', port: null, weight: 'x' },
      ],
      registerEnabled: true,
      registerExpires: 'Infinity',
    };
    expect(() => createCarrierBody(fields)).toThrow(InvalidFields);
    expect(errorsOf(() => createCarrierBody(fields))).toEqual([
      { field: 'outbound.gateways.1.port', message: 'port must be a number' },
      { field: 'outbound.gateways.1.weight', message: 'weight must be a number' },
      { field: 'outbound.register.expires', message: 'expires must be a number' },
    ]);
  });

  it('sends a username without a password for the API to say what is missing', () => {
    expect(createCarrierBody({ ...NEW_CARRIER, name: 'X', inboundUsername: 'trunk' }).inbound).toEqual({
      auth: { username: 'trunk', password: '' },
    });
  });
});

describe('updateCarrierBody', () => {
  it('round-trips an unchanged carrier without touching its credentials', () => {
    expect(updateCarrierBody(carrierFields(carrier), carrier)).toEqual({
      name: 'Carrier X',
      enabled: true,
      srtp: 'off',
      dtmf: 'rfc4733',
      inbound: { allowedAddresses: ['203.0.113.0/24'] },
      outbound: {
        gateways: [{ host: 'sip.carrier.example', port: 5060, transport: 'udp', priority: 10, weight: 1 }],
        fromDomain: null,
        callerIdNumber: '+14155550100',
        register: { enabled: true, expires: 3600, username: null },
      },
    });
  });

  it('removes credentials whose username was cleared and replaces those given a password', () => {
    const body = updateCarrierBody(
      {
        ...carrierFields(carrier),
        inboundUsername: '',
        outboundUsername: 'new-user',
        outboundPassword: 'new-pw',
        registerPassword: 'reg-pw',
        gateways: [],
      },
      carrier,
    );
    expect(body.inbound).toEqual({ allowedAddresses: ['203.0.113.0/24'], auth: null });
    expect(body.outbound).toMatchObject({
      gateways: [],
      auth: { username: 'new-user', password: 'new-pw' },
      register: { password: 'reg-pw' },
    });
  });

  it('sends nothing when a number field holds text', () => {
    const fields = carrierFields(carrier);
    const edited = { ...fields, gateways: [{ ...fields.gateways[0], priority: null }], registerExpires: '1e' };
    expect(errorsOf(() => updateCarrierBody(edited, carrier))).toEqual([
      { field: 'outbound.gateways.0.priority', message: 'priority must be a number' },
      { field: 'outbound.register.expires', message: 'expires must be a number' },
    ]);
  });

  it('asks for a password when the username changes', () => {
    const body = updateCarrierBody({ ...carrierFields(carrier), inboundUsername: 'other' }, carrier);
    expect(body.inbound).toMatchObject({ auth: { username: 'other', password: '' } });
  });
});

describe('isCarrierFormField', () => {
  it("knows the form's fields, gateways by index", () => {
    expect(isCarrierFormField('outbound.gateways.3.host')).toBe(true);
    expect(isCarrierFormField('outbound.register.username')).toBe(true);
    expect(isCarrierFormField('outbound.gateways.x.host')).toBe(false);
    expect(isCarrierFormField('id')).toBe(false);
  });
});

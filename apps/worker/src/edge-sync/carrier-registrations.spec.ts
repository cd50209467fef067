import { isUacRegistration, registrationState } from './carrier-registrations';

const id = '01a1fe28-ce9f-72a4-a8dd-4543f6c3f26c';

describe('registrationState (uac.reg_dump flags)', () => {
  it.each([
    [20, 'registered'], // ONLINE | INIT
    [18, 'registering'], // ONGOING | INIT
    [16, 'failed'], // INIT only: tried, not registered
    [0, 'registering'], // loaded, not tried yet
    [21, 'unregistered'], // DISABLED wins
  ])('flags %i → %s', (flags, state) => {
    expect(registrationState({ l_uuid: id, flags, timer_expires: 1_795_265_579 }).state).toBe(state);
  });

  it('names the refresh time of a registration that holds', () => {
    expect(registrationState({ l_uuid: id, flags: 20, timer_expires: 1_795_265_579 })).toEqual({
      carrierId: id,
      state: 'registered',
      detail: 'registered',
      expiresAt: new Date(1_795_265_579_000),
    });
  });

  it('reads only well-formed entries', () => {
    expect(isUacRegistration({ l_uuid: id, flags: 0, timer_expires: 0 })).toBe(true);
    expect(isUacRegistration({ l_uuid: id, flags: '0' })).toBe(false);
    expect(isUacRegistration(null)).toBe(false);
  });
});

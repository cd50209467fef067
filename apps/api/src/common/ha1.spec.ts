import { computeHa1 } from './ha1';

describe('computeHa1', () => {
  it('matches the RFC 2617 §3.5 example (Mufasa / testrealm@host.com)', () => {
    expect(computeHa1('Mufasa', 'testrealm@host.com', 'Circle Of Life')).toBe('939e7578ed9e3c518a452acee763bce9');
  });

  it('depends on the realm: the same user and password differ across accounts', () => {
    expect(computeHa1('alice', 'acme.example', 'pw-123456')).not.toBe(
      computeHa1('alice', 'globex.example', 'pw-123456'),
    );
  });
});

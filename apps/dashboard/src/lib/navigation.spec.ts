import { homePath, navItemsFor } from './navigation';

const account = { id: 'a1', name: 'Acme', sipDomain: 'acme.example' };

describe('navItemsFor', () => {
  const labels = (items: ReturnType<typeof navItemsFor>, enabled: boolean) =>
    items.filter((entry) => entry.enabled === enabled).map((entry) => entry.item.label);

  it('gives an admin outside any account only Accounts, the rest disabled', () => {
    const items = navItemsFor({ role: 'admin', account: null });
    expect(labels(items, true)).toEqual(['Accounts']);
    expect(labels(items, false)).toContain('SIP users');
    expect(items).toHaveLength(11);
  });

  it('gives an admin in an account everything', () => {
    expect(labels(navItemsFor({ role: 'admin', account }), false)).toEqual([]);
  });

  it('hides Accounts from an account user', () => {
    const items = navItemsFor({ role: 'account', account });
    expect(labels(items, true)).toEqual([
      'SIP users',
      'Client tokens',
      'Registrations',
      'Carriers',
      'Phone numbers',
      'Applications',
      'Outbound routes',
      'Webhooks',
      'Calls',
      'Softphone',
    ]);
  });
});

describe('homePath', () => {
  it('sends an admin without an account to Accounts, everyone else to Calls', () => {
    expect(homePath({ role: 'admin', account: null })).toBe('/accounts');
    expect(homePath({ role: 'admin', account })).toBe('/calls');
    expect(homePath({ role: 'account', account })).toBe('/calls');
  });
});

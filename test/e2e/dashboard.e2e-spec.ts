import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page, Request } from 'playwright-core';
import { accessibilityProblems } from '../support/accessibility';
import { ApiHarness } from '../support/api-harness';
import { BrowserHarness } from '../support/browser-harness';
import { freeSipPort } from '../support/free-port';
import { KamailioHarness, runSipp, startRegisteredCallee } from '../support/sip-harness';
import { ROOT, isolateQueues } from '../support/test-run';
import { WebhookReceiver } from '../support/webhook-receiver';
import { WorkerHarness } from '../support/worker-harness';

const PASSWORD = 'dashboard-pass-123';
const ACCOUNT = 'Dashboard Acme';
const SCREENSHOTS = resolve(ROOT, 'docs/screenshots');
const UI_TIMEOUT_MS = 10_000;
const FILLER_ACCOUNTS = 25;

/**
 * The admin dashboard in headless Chromium against the real platform: the API (serving the built app), the
 * worker, the SIP edge with capture on, SIPp phones. Screenshots of the main pages go to docs/screenshots/.
 */
describe('Admin dashboard (e2e, Playwright + Chromium)', () => {
  let api: ApiHarness;
  let edge: KamailioHarness;
  let worker: WorkerHarness;
  let receiver: WebhookReceiver;
  let browser: BrowserHarness;
  let page: Page;
  let sipDomain: string;
  let accountKey: string;
  let callId: string;

  beforeAll(async () => {
    isolateQueues('dashboard');
    const capturePort = String(await freeSipPort());
    process.env.SIP_TRACE_COLLECTOR_PORT = capturePort;
    edge = await KamailioHarness.start({ SIP_TRACE_COLLECTOR_PORT: capturePort });
    process.env.EDGE_RPC_PORT = String(edge.rpcPort);
    [api, worker, receiver, browser] = await Promise.all([
      ApiHarness.start(),
      WorkerHarness.start(),
      WebhookReceiver.start(),
      BrowserHarness.launch(),
    ]);
    page = await browser.newPage();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await edge?.stop();
    await receiver?.close();
    process.env.SIP_TRACE_COLLECTOR_PORT = '0';
  });

  const visible = (locator: Locator, timeout = UI_TIMEOUT_MS) => locator.first().waitFor({ state: 'visible', timeout });
  const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true });
  const field = (name: string) => page.getByLabel(name, { exact: true });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const nav = (name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  /** Every page shown is also checked for serious accessibility problems (axe-core, WCAG 2.1 AA). */
  async function screenshot(name: string): Promise<void> {
    await page.screenshot({ path: resolve(SCREENSHOTS, `${name}.png`), fullPage: true });
    expect({ page: name, problems: await accessibilityProblems(page) }).toEqual({ page: name, problems: [] });
  }
  async function goTo(name: string): Promise<void> {
    await nav(name).click();
    await visible(heading(name));
  }
  /** A marker that a full page load would wipe: live data must arrive without one. */
  const markPage = () => page.evaluate(() => Object.assign(globalThis, { callwireNoReload: true }));
  const pageWasKept = () => page.evaluate(() => 'callwireNoReload' in globalThis);

  it('GET / sends people to the dashboard', async () => {
    const response = await fetch(`${api.baseUrl}/`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/dashboard/');
  });

  /** A SIP phone (SIPp) registers as alice for `expires` seconds (0: unregisters the one at `localPort`). */
  const registerAlice = (expires: number, localPort?: number) =>
    runSipp({
      scenario: 'register',
      final: 200,
      edgePort: edge.port,
      localPort,
      keys: { user: 'alice', domain: sipDomain, expires: String(expires) },
      auth: { username: 'alice', password: PASSWORD },
    });

  /** alice's SIP phone (SIPp) calls bob and hangs up after `holdMs` (unless the call is ended before). */
  const aliceCallsBob = (holdMs: number) =>
    runSipp({
      scenario: 'caller',
      outcome: 'answer',
      holdMs,
      edgePort: edge.port,
      keys: { user: 'alice', domain: sipDomain, target: 'bob', target_domain: sipDomain },
      auth: { username: 'alice', password: PASSWORD },
      timeoutSeconds: holdMs / 1000 + 20,
    });

  it('signs the admin in with the admin key (a wrong key shows the API’s problem)', async () => {
    // More accounts than one page holds: the new one must still show up at the top.
    for (let index = 1; index <= FILLER_ACCOUNTS; index++) {
      const created = await api.request('POST', '/v1/accounts', {
        key: api.adminKey,
        body: { name: `Filler ${index}` },
      });
      expect(created.status).toBe(201);
    }
    await page.goto(`${api.baseUrl}/dashboard/`);
    await visible(heading('Sign in'));
    await screenshot('sign-in');
    await field('API key').fill('cw_not_a_key');
    await button('Sign in').click();
    await visible(page.getByRole('alert').getByText('This key is not valid', { exact: false }));

    await field('API key').fill(api.adminKey);
    await button('Sign in').click();
    await visible(heading('Accounts'));
  });

  it('creates an account, issues its API key and switches into it', async () => {
    await field('Name').fill(ACCOUNT);
    await button('Create').click();
    await button('Issue key').click();
    const key = page.getByRole('textbox', { name: 'New API key', exact: true });
    await visible(key);
    accountKey = await key.inputValue();
    expect(accountKey).toMatch(/^cw_[a-z0-9]{12}_/);
    await screenshot('accounts');

    await page
      .getByRole('row', { name: new RegExp(ACCOUNT) })
      .getByRole('button', { name: 'Open', exact: true })
      .click();
    await visible(heading('Calls'));
    await visible(page.getByRole('banner').getByText(ACCOUNT, { exact: true }));
    const account = await api.request<{ data: { name: string; sipDomain: string }[] }>(
      'GET',
      '/v1/accounts?limit=100',
      {
        key: api.adminKey,
      },
    );
    sipDomain = account.body.data.find((candidate) => candidate.name === ACCOUNT)?.sipDomain ?? '';
    expect(sipDomain).not.toBe('');
  });

  it('lists accounts newest first, and the search box finds one among many', async () => {
    await goTo('Accounts');
    const rows = page.getByRole('region', { name: 'All accounts' }).locator('tbody tr');
    await visible(rows);
    // Other suites may create accounts meanwhile: compare positions, not rows.
    const names = await rows.locator('td:first-child').allTextContents();
    const position = (name: string) => names.findIndex((text) => text.startsWith(name));
    expect(position(ACCOUNT)).toBeGreaterThanOrEqual(0);
    expect(position(ACCOUNT)).toBeLessThan(position(`Filler ${FILLER_ACCOUNTS}`));
    expect(position(`Filler ${FILLER_ACCOUNTS}`)).toBeLessThan(position(`Filler ${FILLER_ACCOUNTS - 1}`));
    await page.getByRole('searchbox', { name: 'Search accounts' }).fill('filler 7');
    // The list reloads for the search: wait for the one match rather than for the old rows to go.
    const deadline = Date.now() + UI_TIMEOUT_MS;
    let found = await rows.allTextContents();
    while (!(found.length === 1 && found[0].includes('Filler 7')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      found = await rows.allTextContents();
    }
    expect(found).toEqual([expect.stringContaining('Filler 7')]);
    await page.getByRole('searchbox', { name: 'Search accounts' }).fill('');
    await visible(rows.nth(10));
    await nav('Calls').click();
    await visible(heading('Calls'));
  });

  it('creates SIP users, showing field errors from the API next to the field', async () => {
    await goTo('SIP users');
    await field('Username').fill('alice');
    await field('Password').fill('short');
    await button('Create').click();
    await visible(page.getByRole('alert'));
    expect(await field('Password').getAttribute('aria-invalid')).toBe('true');

    await field('Password').fill(PASSWORD);
    await button('Create').click();
    await visible(page.getByRole('cell', { name: 'alice', exact: true }));
    await field('Username').fill('bob');
    await field('Password').fill(PASSWORD);
    await button('Create').click();
    await visible(page.getByRole('cell', { name: 'bob', exact: true }));
    await screenshot('sip-users');
  });

  it('issues a client token to copy, and revokes it', async () => {
    await goTo('Client tokens');
    await field('Identity').fill('carol');
    await button('Issue token').click();
    const token = page.getByRole('textbox', { name: 'Token', exact: true });
    await visible(token);
    expect(await token.inputValue()).toMatch(/^cwt_/);
    await screenshot('client-tokens');
    const row = page.getByRole('row', { name: /carol/ });
    await row.getByRole('button', { name: 'Revoke', exact: true }).click();
    await row.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  });

  it('adds a webhook endpoint for every event', async () => {
    await goTo('Webhooks');
    await field('URL').fill(receiver.url);
    await page.getByRole('checkbox', { name: 'All events (*)', exact: true }).check();
    await button('Create').click();
    await visible(page.getByRole('textbox', { name: 'Signing secret', exact: true }));
    await visible(page.getByRole('link', { name: receiver.url, exact: true }));
  });

  it('shows a registration live when a SIP phone (SIPp) registers, then a call live, then its SIP ladder', async () => {
    await goTo('Registrations');
    await visible(page.getByText('No devices are registered.', { exact: true }));
    await markPage();
    const bob = await startRegisteredCallee({
      edgePort: edge.port,
      user: 'bob',
      domain: sipDomain,
      password: PASSWORD,
      outcome: 'answer',
    });
    await visible(page.getByRole('cell', { name: `sip:bob@${sipDomain}`, exact: true }));
    expect(await pageWasKept()).toBe(true);
    await screenshot('registrations');
    // Another phone registers and unregisters: its row comes and goes, bob's stays.
    const aliceRow = page.getByRole('cell', { name: `sip:alice@${sipDomain}`, exact: true });
    const registered = await registerAlice(60);
    expect(registered.exitCode).toBe(0);
    await visible(aliceRow);
    expect((await registerAlice(0, registered.localPort)).exitCode).toBe(0);
    await aliceRow.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await visible(page.getByRole('cell', { name: `sip:bob@${sipDomain}`, exact: true }));
    expect(await pageWasKept()).toBe(true);

    await goTo('Calls');
    await markPage();
    const caller = aliceCallsBob(3000);
    const callLink = `sip:alice@${sipDomain} → sip:bob@${sipDomain}`;
    const active = page.getByRole('region', { name: 'Active calls' });
    await visible(active.getByRole('link', { name: callLink, exact: true }));
    await screenshot('calls-active');
    expect((await caller).exitCode).toBe(0);
    expect(await bob.finish()).toMatchObject({ exitCode: 0 });
    await active.getByRole('link', { name: callLink }).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    const history = page.getByRole('region', { name: 'Call history' });
    await visible(history.getByRole('row', { name: /completed/ }));
    expect(await pageWasKept()).toBe(true);
    await screenshot('calls');

    await history.getByRole('link', { name: callLink, exact: true }).first().click();
    await visible(heading('Call details'));
    callId = page.url().split('/').at(-1) ?? '';
    const arrows = page.getByTestId('ladder-arrow');
    // Caller leg INVITE 407 ACK INVITE 100 180 200 ACK BYE 200, callee leg INVITE 180 200 ACK BYE 200.
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while ((await arrows.count()) < 16 && Date.now() < deadline) await page.waitForTimeout(100);
    const labels = await arrows.allTextContents();
    for (const label of ['INVITE', '100 Trying', '180 Ringing', '200 OK', 'ACK', 'BYE']) {
      expect(labels).toContain(label);
    }
    expect(labels.indexOf('INVITE')).toBeLessThan(labels.indexOf('180 Ringing'));
    expect(labels.indexOf('180 Ringing')).toBeLessThan(labels.indexOf('200 OK'));
    expect(labels.lastIndexOf('ACK')).toBeLessThan(labels.indexOf('BYE'));
    expect(labels.at(-1)).toBe('200 OK');
    await visible(page.getByText('Callwire edge', { exact: true }));

    const invite = page.getByRole('button', {
      name: new RegExp(`^INVITE from 127\\.0\\.0\\.1:\\d+ to 127\\.0\\.0\\.1:${edge.port}$`),
    });
    await invite.last().click();
    const raw = page.getByRole('region', { name: 'Raw SIP message' });
    await visible(raw);
    expect(await raw.locator('pre').textContent()).toMatch(
      new RegExp(`^INVITE sip:bob@${sipDomain.replaceAll('.', '\\.')} SIP/2\\.0`),
    );
    await screenshot('call-ladder');
  }, 90_000); // a registration, a call and its ladder, live: CI at load 11 took more than 30 s

  it('shows the webhook delivery log and replays a delivery', async () => {
    await receiver.waitFor((received) => received.some((hook) => hook.json.type === 'call.completed'));
    await goTo('Webhooks');
    await page.getByRole('link', { name: receiver.url, exact: true }).click();
    await visible(heading('Webhook deliveries'));
    const completed = page.getByRole('row', { name: /call\.completed/ });
    await visible(completed.getByText('succeeded', { exact: false }));
    const webhookId = receiver.received.find((hook) => hook.json.type === 'call.completed')?.headers['webhook-id'];
    const before = receiver.received.length;
    await completed.getByRole('button', { name: 'Replay', exact: true }).click();
    const after = await receiver.waitFor((received) => received.length > before);
    expect(after.at(-1)?.headers['webhook-id']).toBe(webhookId);
    // The log follows live: pending while the replay runs, then succeeded again.
    await completed.getByText('pending', { exact: true }).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await visible(completed.getByText('succeeded', { exact: false }));
    await screenshot('webhook-deliveries');
  });

  it('shows carriers with gateway health and registration state, numbers, applications and outbound routes', async () => {
    const post = async (path: string, body: object) => {
      const response = await api.request<{ id: string }>('POST', path, { key: accountKey, body });
      expect(response.status).toBe(201);
      return response.body;
    };
    const carrier = await post('/v1/carriers', {
      name: 'Example Telecom',
      inbound: { allowedAddresses: ['127.0.0.3/32'] },
      outbound: {
        gateways: [
          { host: '127.0.0.1', port: 5070 },
          { host: '127.0.0.1', port: 5071, priority: 2 },
        ],
      },
    });
    const application = await post('/v1/applications', {
      name: 'IVR',
      voiceUrl: receiver.urlOf('/voice'),
      statusCallbackUrl: receiver.urlOf('/status'),
    });
    await post('/v1/phone-numbers', {
      number: '+15550001001',
      carrierId: carrier.id,
      route: { type: 'sip-user', target: 'alice' },
    });
    await post('/v1/phone-numbers', {
      number: '+15550001002',
      carrierId: carrier.id,
      route: { type: 'application', target: application.id },
    });
    await post('/v1/outbound-routes', { name: 'UK', prefix: '+44', carrierId: carrier.id });

    await goTo('Carriers');
    await visible(page.getByRole('cell', { name: /Example Telecom/ }));
    await screenshot('carriers');
    await goTo('Phone numbers');
    await visible(page.getByRole('cell', { name: '+15550001002', exact: true }));
    await screenshot('phone-numbers');
    await goTo('Applications');
    await visible(page.getByRole('cell', { name: /IVR/ }));
    await screenshot('applications');
    await goTo('Outbound routes');
    await visible(page.getByRole('cell', { name: '+44', exact: true }));
    await screenshot('outbound-routes');
  });

  it('creates and edits a carrier in its form; text in a number field is refused before anything is sent', async () => {
    await goTo('Carriers');
    const sent: string[] = [];
    const noteChange = (request: Request) => {
      if (request.method() !== 'GET' && new URL(request.url()).pathname.startsWith('/v1/carriers')) {
        sent.push(request.method());
      }
    };
    page.on('request', noteChange);
    try {
      await field('Name').fill('Form Telecom');
      await button('Add gateway').click();
      await field('Gateway 1 Host').fill('127.0.0.1');
      // Typed key by key: "50e" is text the number input cannot read (it reports "" as when empty).
      await field('Gateway 1 Port').pressSequentially('50e');
      await button('Create').click();
      await visible(page.getByRole('alert').getByText('Nothing was sent', { exact: false }));
      expect(await field('Gateway 1 Port').getAttribute('aria-invalid')).toBe('true');
      await visible(page.getByText('port must be a number', { exact: true }));
      expect(sent).toEqual([]);

      await field('Gateway 1 Port').fill('5080');
      await field('Gateway 1 Weight').fill('3');
      await button('Create').click();
      const row = page.getByRole('row', { name: /Form Telecom/ });
      await visible(row.getByText('udp:127.0.0.1:5080', { exact: true }));
      await visible(row.getByText('priority 10, weight 3', { exact: false }));
      expect(sent).toEqual(['POST']);

      await row.getByRole('button', { name: 'Edit', exact: true }).click();
      await visible(page.getByRole('heading', { name: 'Edit carrier Form Telecom', exact: true }));
      await field('Gateway 1 Transport').selectOption('tcp');
      await field('Registration expires (seconds)').fill('');
      await field('Registration expires (seconds)').pressSequentially('-');
      await button('Save').click();
      expect(await field('Registration expires (seconds)').getAttribute('aria-invalid')).toBe('true');
      await visible(page.getByText('expires must be a number', { exact: true }));
      expect(sent).toEqual(['POST']);
      await field('Registration expires (seconds)').fill('600');
      await button('Save').click();
      await visible(row.getByText('tcp:127.0.0.1:5080', { exact: true }));
      expect(sent).toEqual(['POST', 'PATCH']);
    } finally {
      page.off('request', noteChange);
    }
    const carriers = await api.request<{ data: { name: string; outbound: object }[] }>(
      'GET',
      '/v1/carriers?limit=100',
      {
        key: accountKey,
      },
    );
    const saved = carriers.body.data.find((carrier) => carrier.name === 'Form Telecom');
    expect(saved?.outbound).toMatchObject({
      gateways: [{ host: '127.0.0.1', port: 5080, transport: 'tcp', priority: 10, weight: 3 }],
      register: { enabled: false, expires: 600 },
    });
  });

  it('opens the softphone with a token issued in one click', async () => {
    await goTo('Softphone');
    await field('Identity').fill('dave');
    const popup = page.waitForEvent('popup');
    await button('Open softphone').click();
    const phone = await popup;
    await phone.waitForLoadState();
    // The phone page takes ?token=… into its form, then drops it from the address bar.
    expect(phone.url()).toMatch(new RegExp(`^${api.baseUrl}/phone`));
    expect(await phone.locator('#token').inputValue()).toMatch(/^cwt_/);
    await phone.close();
    await screenshot('softphone');
  });

  it('seven tabs all load and follow live events over one shared stream', async () => {
    const context = page.context();
    const isStream = (request: Request) => new URL(request.url()).pathname === '/v1/live';
    let streamsOpened = 0;
    const countStreams = (request: Request) => {
      if (isStream(request)) streamsOpened++;
    };
    context.on('request', countStreams);
    const tabs: Page[] = [];
    try {
      for (let index = 0; index < 7; index++) {
        const tab = await context.newPage();
        tabs.push(tab);
        await tab.goto(`${api.baseUrl}/dashboard/registrations`);
        await tab
          .getByRole('heading', { level: 1, name: 'Registrations', exact: true })
          .waitFor({ timeout: UI_TIMEOUT_MS });
        await tab.getByRole('status').getByText('Live', { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
      }
      // The first page already holds the browser's stream: the tabs share it.
      expect(streamsOpened).toBe(0);
      const aliceRows = tabs.map((tab) => tab.getByRole('cell', { name: `sip:alice@${sipDomain}`, exact: true }));
      /** alice registers and unregisters: every tab shows her row come and go. */
      const everyTabFollowsAlice = async () => {
        const registered = await registerAlice(60);
        expect(registered.exitCode).toBe(0);
        await Promise.all(aliceRows.map((row) => row.waitFor({ timeout: UI_TIMEOUT_MS })));
        expect((await registerAlice(0, registered.localPort)).exitCode).toBe(0);
        await Promise.all(aliceRows.map((row) => row.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS })));
      };
      await everyTabFollowsAlice();

      // The stream's tab goes (here: the original page leaves for another site): another tab takes it over.
      // Wait for that tab's stream to answer: the tabs' "Live" may still be the old stream's status.
      const takenOver = context.waitForEvent('response', {
        predicate: (response) => isStream(response.request()),
        timeout: UI_TIMEOUT_MS,
      });
      await page.goto('about:blank');
      expect((await takenOver).status()).toBe(200);
      expect(streamsOpened).toBe(1);
      // Live events still reach every tab, and no tab opened a stream of its own meanwhile.
      await everyTabFollowsAlice();
      expect(streamsOpened).toBe(1);
    } finally {
      context.off('request', countStreams);
      await Promise.all(tabs.map((tab) => tab.close()));
    }
  });

  it('asks before hanging up a live call', async () => {
    await page.goto(`${api.baseUrl}/dashboard/calls`);
    await visible(heading('Calls'));
    const bob = await startRegisteredCallee({
      edgePort: edge.port,
      user: 'bob',
      domain: sipDomain,
      password: PASSWORD,
      outcome: 'answer',
    });
    const caller = aliceCallsBob(20_000);
    const active = page.getByRole('region', { name: 'Active calls' });
    const row = active.getByRole('row', { name: /in-progress/ });
    await visible(row);
    await row.getByRole('button', { name: 'Hang up', exact: true }).click();
    await visible(row.getByRole('button', { name: 'Confirm hang up', exact: true }));
    await row.getByRole('button', { name: 'Cancel', exact: true }).click();
    await page.waitForTimeout(500);
    await visible(row.getByRole('button', { name: 'Hang up', exact: true })); // nothing was sent
    await row.getByRole('button', { name: 'Hang up', exact: true }).click();
    await row.getByRole('button', { name: 'Confirm hang up', exact: true }).click();
    await row.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await caller;
    await bob.done;
    const calls = await api.request<{ data: { hangupBy: string | null }[] }>('GET', '/v1/calls?limit=100', {
      key: accountKey,
    });
    expect(calls.body.data.filter((call) => call.hangupBy === 'edge')).toHaveLength(1);
  });

  it('lays lists out for a phone (390 px) and a laptop (1,366 px)', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${api.baseUrl}/dashboard/calls`);
    const history = page.getByRole('region', { name: 'Call history' });
    await visible(history.locator('tbody tr'));
    const heights: number[] = [];
    for (const row of await history.locator('tbody tr').all()) heights.push((await row.boundingBox())?.height ?? 0);
    expect(Math.max(...heights)).toBeLessThan(400);
    const callCell = await history.locator('tbody tr td').first().boundingBox();
    expect(callCell?.width).toBeGreaterThan(250);
    await screenshot('mobile-calls');

    await page.setViewportSize({ width: 1366, height: 768 });
    const registered = await registerAlice(60);
    expect(registered.exitCode).toBe(0);
    await page.goto(`${api.baseUrl}/dashboard/registrations`);
    await visible(page.getByRole('cell', { name: `sip:alice@${sipDomain}`, exact: true }));
    const expires = await page.getByRole('columnheader', { name: 'Expires', exact: true }).boundingBox();
    expect((expires?.x ?? Infinity) + (expires?.width ?? 0)).toBeLessThanOrEqual(1366);
    const frame = page.locator('.table-wrap');
    const fits = await frame.evaluate((element: { scrollWidth: number; clientWidth: number }) => ({
      scroll: element.scrollWidth,
      client: element.clientWidth,
    }));
    expect(fits.scroll).toBeLessThanOrEqual(fits.client);
    expect((await registerAlice(0, registered.localPort)).exitCode).toBe(0);
    await page.setViewportSize({ width: 1360, height: 900 });
  });

  it('signs out, and lets an account user in with the account key (no admin pages)', async () => {
    await button('Sign out').click();
    await visible(heading('Sign in'));
    await field('API key').fill(accountKey);
    await button('Sign in').click();
    await visible(heading('Calls'));
    expect(await nav('Accounts').count()).toBe(0);
    await page.goto(`${api.baseUrl}/dashboard/calls/${callId}`);
    await visible(heading('Call details'));
    await visible(page.getByTestId('ladder-arrow'));
  });

  it('fits a phone screen behind a menu button', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${api.baseUrl}/dashboard/calls`);
    await visible(heading('Calls'));
    await button('Menu').click();
    await visible(nav('Registrations'));
    await screenshot('mobile-menu');
  });
});

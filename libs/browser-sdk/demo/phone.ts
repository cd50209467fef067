// The demo softphone served at /phone. It uses the SDK only through the `Callwire` global, as any page
// would, and mirrors its state into data-state attributes that the browser tests wait on.
import type * as CallwireSdk from '../src/index';
import type { Call, CallStats, ConnectOptions } from '../src/index';

declare const Callwire: typeof CallwireSdk;

/** What the page exposes as `window.callwire`, for debugging and for the browser tests. */
interface DemoHandle {
  readonly phone: CallwireSdk.Phone;
  currentCall: Call | null;
  /** Merged into `phone.connect()` options by the Connect button (tests set `rtcConfiguration` or `refreshToken`). */
  connectOptions: Partial<ConnectOptions>;
}

declare global {
  interface Window {
    callwire: DemoHandle;
  }
}

type RegistrationState = 'disconnected' | 'connecting' | 'registered' | 'unregistered' | 'error';

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found as T;
}

const ui = {
  token: element<HTMLTextAreaElement>('token'),
  connect: element<HTMLButtonElement>('connect'),
  disconnect: element<HTMLButtonElement>('disconnect'),
  status: element('status'),
  incoming: element('incoming'),
  caller: element('caller'),
  answer: element<HTMLButtonElement>('answer'),
  decline: element<HTMLButtonElement>('decline'),
  target: element<HTMLInputElement>('target'),
  call: element<HTMLButtonElement>('call'),
  hangup: element<HTMLButtonElement>('hangup'),
  mute: element<HTMLButtonElement>('mute'),
  callStatus: element('call-status'),
  keys: [...document.querySelectorAll<HTMLButtonElement>('#keypad button')],
  statsSent: element('stats-sent'),
  statsReceived: element('stats-received'),
  statsCodec: element('stats-codec'),
  statsTransport: element('stats-transport'),
  audio: element<HTMLAudioElement>('remote-audio'),
};

const phone = new Callwire.Phone();
const demo: DemoHandle = { phone, currentCall: null, connectOptions: {} };
window.callwire = demo;
let statsTimer: ReturnType<typeof setInterval> | undefined;

function showRegistration(state: RegistrationState, text: string): void {
  ui.status.dataset.state = state;
  ui.status.textContent = text;
  const connected = phone.identity !== null;
  ui.connect.disabled = connected;
  ui.disconnect.disabled = !connected;
  ui.call.disabled = !phone.registered || demo.currentCall !== null;
}

function showCall(call: Call, detail?: string): void {
  const labels: Record<Call['state'], string> = {
    calling: 'Calling…',
    ringing: 'Ringing…',
    incoming: 'Incoming call',
    active: 'In call',
    ended: 'Call ended',
    failed: 'Call failed',
  };
  ui.callStatus.dataset.state = call.state;
  ui.callStatus.textContent = `${labels[call.state]} — ${call.remoteIdentity}${detail ? ` (${detail})` : ''}`;
  const live = call.state === 'calling' || call.state === 'ringing' || call.state === 'active';
  ui.hangup.disabled = !live;
  ui.mute.disabled = call.state !== 'active';
  for (const key of ui.keys) key.disabled = call.state !== 'active';
  ui.incoming.hidden = call.state !== 'incoming';
  ui.call.disabled = live || call.state === 'incoming' || !phone.registered;
}

function showStats(stats: CallStats | null): void {
  if (!stats) return;
  const { packetsReceived, bytesReceived, packetsLost, srtpCipher } = stats;
  ui.statsSent.textContent = `${stats.packetsSent} packets, ${stats.bytesSent} bytes`;
  ui.statsReceived.textContent = `${packetsReceived} packets, ${bytesReceived} bytes, ${packetsLost} lost`;
  ui.statsCodec.textContent = stats.codec ?? '–';
  ui.statsTransport.textContent = [stats.iceState, stats.dtlsState ?? '–', srtpCipher].filter(Boolean).join(' / ');
}

/** Wires a call into the page: one call at a time. */
function track(call: Call): void {
  demo.currentCall = call;
  ui.mute.textContent = 'Mute';
  ui.mute.setAttribute('aria-pressed', 'false');
  showCall(call);
  call.on('ringing', () => {
    // Early media (a 183 with SDP: ringback, "number not in service") plays before the answer.
    ui.audio.srcObject = call.remoteStream;
    showCall(call);
  });
  call.on('accepted', () => {
    ui.audio.srcObject = call.remoteStream;
    showCall(call);
    statsTimer = setInterval(() => void call.getStats().then(showStats), 1000);
  });
  const finish = (detail: string) => {
    clearInterval(statsTimer);
    // The figures stay on screen: the SDK keeps the last ones taken while the call ran.
    void call.getStats().then(showStats);
    ui.audio.srcObject = null;
    demo.currentCall = null;
    showCall(call, detail);
  };
  call.on('ended', ({ cause }) => finish(cause));
  call.on('failed', ({ cause, statusCode }) => {
    if (statusCode !== null) ui.callStatus.dataset.statusCode = String(statusCode);
    finish(statusCode === null ? cause : `${statusCode} ${cause}`);
  });
}

phone.on('registered', () => showRegistration('registered', `Registered as ${phone.identity}`));
phone.on('unregistered', (cause) => {
  if (!phone.identity) showRegistration('disconnected', 'Not connected');
  // With a cause a re-registration failed, and the error event has already shown why.
  else if (!cause) showRegistration('unregistered', 'Connection to the SIP edge lost, reconnecting…');
});
phone.on('error', (error) => showRegistration('error', error.message));
phone.on('tokenRefreshed', () => showRegistration('registered', `Registered as ${phone.identity} (token refreshed)`));
phone.on('incoming', (call) => {
  if (demo.currentCall) {
    call.decline();
    return;
  }
  ui.caller.textContent = call.remoteIdentity;
  delete ui.callStatus.dataset.statusCode;
  track(call);
});

ui.connect.addEventListener('click', () => {
  const connecting = phone.connect({ ...demo.connectOptions, token: ui.token.value });
  showRegistration('connecting', 'Connecting…');
  connecting.catch((error: Error) => showRegistration('error', error.message));
});
ui.disconnect.addEventListener('click', () => {
  void phone.disconnect().then(() => showRegistration('disconnected', 'Not connected'));
});
ui.call.addEventListener('click', () => {
  delete ui.callStatus.dataset.statusCode;
  try {
    track(phone.call(ui.target.value));
  } catch (error) {
    ui.callStatus.dataset.state = 'failed';
    ui.callStatus.textContent = error instanceof Error ? error.message : String(error);
  }
});
ui.target.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !ui.call.disabled) ui.call.click();
});
ui.answer.addEventListener('click', () => demo.currentCall?.answer());
ui.decline.addEventListener('click', () => demo.currentCall?.decline());
ui.hangup.addEventListener('click', () => demo.currentCall?.hangup());
ui.mute.addEventListener('click', () => {
  const call = demo.currentCall;
  if (!call) return;
  if (call.muted) call.unmute();
  else call.mute();
  ui.mute.textContent = call.muted ? 'Unmute' : 'Mute';
  ui.mute.setAttribute('aria-pressed', String(call.muted));
});
for (const key of ui.keys) {
  key.addEventListener('click', () => demo.currentCall?.sendDtmf(key.dataset.tone ?? ''));
}

// ?token=… pre-fills the form; it is then removed from the address bar (and so from the history).
const tokenParameter = new URL(location.href).searchParams.get('token');
if (tokenParameter) {
  ui.token.value = tokenParameter;
  history.replaceState(null, '', location.pathname);
}

import { createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';

/** A scanner's probe as SIPVicious sends it: OPTIONS to a guessed extension, its User-Agent. */
export function scannerOptions(edgePort: number, via: string, userAgent = 'friendly-scanner'): string {
  const tag = randomBytes(4).toString('hex');
  return [
    `OPTIONS sip:100@127.0.0.1:${edgePort} SIP/2.0`,
    `Via: SIP/2.0/UDP ${via};branch=z9hG4bK-${randomBytes(6).toString('hex')};rport`,
    'Max-Forwards: 70',
    `From: "sipvicious"<sip:100@1.1.1.1>;tag=${tag}`,
    'To: "sipvicious"<sip:100@1.1.1.1>',
    `Call-ID: ${randomBytes(10).toString('hex')}`,
    'CSeq: 1 OPTIONS',
    'Contact: <sip:100@1.1.1.1>',
    'Accept: application/sdp',
    `User-Agent: ${userAgent}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

export interface FloodResult {
  readonly sent: number;
  /** Datagrams the edge sent back to the flooding socket. */
  readonly answers: number;
  readonly seconds: number;
}

/**
 * Sends `rate` datagrams per second for `seconds` (never longer) over UDP from `from` (a 127.0.0.0/8 address) to
 * the edge, each built by `message(via)`, and counts what comes back (`answers`, also for `graceMs` after).
 */
export async function flood(options: {
  readonly edgePort: number;
  readonly from: string;
  readonly rate: number;
  readonly seconds: number;
  readonly message: (via: string) => string;
  readonly graceMs?: number;
}): Promise<FloodResult> {
  const socket = createSocket('udp4');
  let answers = 0;
  socket.on('message', () => answers++);
  await new Promise<void>((done) => socket.bind(0, options.from, done));
  const via = `${options.from}:${socket.address().port}`;
  const total = Math.round(options.rate * options.seconds);
  const started = performance.now();
  let sent = 0;
  await new Promise<void>((done) => {
    const tick = setInterval(() => {
      const elapsed = performance.now() - started;
      const due =
        elapsed >= options.seconds * 1000 ? total : Math.min(total, Math.floor((elapsed * options.rate) / 1000));
      for (; sent < due; sent++) socket.send(options.message(via), options.edgePort, '127.0.0.1');
      if (sent >= total) {
        clearInterval(tick);
        done();
      }
    }, 5);
  });
  const seconds = (performance.now() - started) / 1000;
  // Answers still on their way count too: this window is part of the measurement, not a wait.
  await new Promise((r) => setTimeout(r, options.graceMs ?? 500));
  socket.close();
  return { sent, answers, seconds };
}

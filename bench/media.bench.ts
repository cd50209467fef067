/**
 * `npm run bench:media`: how many concurrent calls one rtpengine (userspace, as the edge runs it:
 * infra/scripts/rtpengine.sh) relays with 0 packets lost and jitter under 5 ms, and its CPU per call, for
 *
 * - rtp: SIP <-> SIP plain RTP, PCMU both ways (relay only);
 * - srtp: SRTP on both legs with different keys (SDES, AES_CM_128_HMAC_SHA1_80): rtpengine decrypts and
 *   re-encrypts every packet, the per-packet work of an SDES <-> DTLS-SRTP call once DTLS has run (a DTLS
 *   endpoint is not available to Node here);
 * - transcode: PCMU <-> opus: leg A sends PCMU, rtpengine encodes opus to leg B, which sends the opus frames it
 *   gets back (its own RTP header), decoded to PCMU for A.
 *
 * Each call is two UDP endpoints of this process, set up with the ng protocol (offer/answer) like the edge does.
 * Senders send a 20 ms packet (1 kHz tone) every 20 ms, spread over the period. For each count of
 * MEDIA_BENCH_CALLS (ascending) the calls run 2 s, then MEDIA_BENCH_SECONDS measured: packets lost (sequence
 * gaps at every receiver), jitter (RFC 3550 smoothing of each packet's transit from its sending; worst and mean
 * stream; the transcoding scenario's A side measures the round trip), rtpengine's CPU (/proc, both cores count
 * 100 % each) and this generator's. A scenario stops at the first count that loses a packet or reaches 5 ms
 * jitter. The generator shares the 2 cores with rtpengine: its CPU is printed next to rtpengine's.
 *
 * Knobs: MEDIA_BENCH_CALLS (50,100,200,300,400,600,800), MEDIA_BENCH_TRANSCODE_CALLS (10,20,30,40,50,60),
 * MEDIA_BENCH_SECONDS (8), MEDIA_BENCH_SCENARIOS (rtp,srtp,transcode).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { NgClient, type NgValue } from './media/ng';
import { Endpoint, PCMU_TONE_FRAME, Scheduler, type StreamStats } from './media/streams';
import { NativeProcess } from './sip/processes';
import { envIntList, fixed, freePort, log, runBench, sleep } from './support';

type Scenario = 'rtp' | 'srtp' | 'transcode';
const SCENARIOS: Record<Scenario, string> = {
  rtp: 'SIP <-> SIP RTP (PCMU relay)',
  srtp: 'SRTP <-> SRTP re-keyed (SDES both legs)',
  transcode: 'PCMU <-> opus transcoding',
};
const JITTER_LIMIT_MS = 5;
const WARMUP_MS = 2000;
const SUITE = 'AES_CM_128_HMAC_SHA1_80';

interface Call {
  readonly callId: string;
  readonly a: Endpoint;
  readonly b: Endpoint;
}

interface StepResult {
  readonly calls: number;
  readonly packets: number;
  /** Packets the senders sent over what 50 a second each would be: below ~98 % the generator fell behind. */
  readonly pace: number;
  readonly lost: number;
  readonly worstJitterMs: number;
  readonly meanJitterMs: number;
  /** Percent of one core. */
  readonly rtpengineCpu: number;
  readonly generatorCpu: number;
  /** The machine's 1-minute load average at the end of the window (other work on the 2 cores). */
  readonly load: number;
}

function sdp(port: number, profile: string, codecs: string, attributes: string[]): string {
  return [
    'v=0',
    `o=- ${port} 1 IN IP4 127.0.0.1`,
    's=-',
    'c=IN IP4 127.0.0.1',
    't=0 0',
    `m=audio ${port} ${profile} ${codecs}`,
    ...attributes,
    'a=sendrecv',
    '',
  ].join('\r\n');
}

const mediaPort = (body: string): number => Number(/^m=audio (\d+)/m.exec(body)?.[1]);

/** Offer from A, answer from B, as the edge's rtpengine_offer/answer would; both endpoints connected. */
async function setUpCall(ng: NgClient, scenario: Scenario): Promise<Call> {
  const callId = randomBytes(8).toString('hex');
  const transcoding = scenario === 'transcode';
  const a = await Endpoint.open({ step: 160 });
  // B sends opus (48 kHz clock, 960 a packet) back in the transcoding scenario, PCMU otherwise.
  const b = await Endpoint.open({ step: transcoding ? 960 : 160, echo: transcoding });
  const keyA = randomBytes(30);
  const keyB = randomBytes(30);
  const offered =
    scenario === 'srtp'
      ? sdp(a.port, 'RTP/SAVP', '0', ['a=rtpmap:0 PCMU/8000', `a=crypto:1 ${SUITE} inline:${keyA.toString('base64')}`])
      : sdp(a.port, 'RTP/AVP', '0', ['a=rtpmap:0 PCMU/8000']);
  const offerFlags: Record<string, NgValue> = transcoding ? { codec: { mask: ['PCMU'], transcode: ['opus'] } } : {};
  const offer = await ng.request({
    command: 'offer',
    'call-id': callId,
    'from-tag': 'a',
    sdp: offered,
    replace: ['origin', 'session-connection'],
    ...offerFlags,
  });
  const toB = String(offer.sdp);
  let answered: string;
  if (scenario === 'srtp') {
    const tag = new RegExp(`^a=crypto:(\\d+) ${SUITE} `, 'm').exec(toB)?.[1];
    if (!tag) throw new Error(`rtpengine offered no ${SUITE}:\n${toB}`);
    answered = sdp(b.port, 'RTP/SAVP', '0', [
      'a=rtpmap:0 PCMU/8000',
      `a=crypto:${tag} ${SUITE} inline:${keyB.toString('base64')}`,
    ]);
  } else if (transcoding) {
    const pt = /^a=rtpmap:(\d+) opus\//m.exec(toB)?.[1];
    if (!pt) throw new Error(`rtpengine offered no opus:\n${toB}`);
    answered = sdp(b.port, 'RTP/AVP', pt, [`a=rtpmap:${pt} opus/48000/2`]);
  } else {
    answered = sdp(b.port, 'RTP/AVP', '0', ['a=rtpmap:0 PCMU/8000']);
  }
  const answer = await ng.request({
    command: 'answer',
    'call-id': callId,
    'from-tag': 'a',
    'to-tag': 'b',
    sdp: answered,
    replace: ['origin', 'session-connection'],
  });
  a.connect(mediaPort(String(answer.sdp)), scenario === 'srtp' ? keyA : undefined);
  // B hears A; A hears B, or in the transcoding scenario its own packets back (PCMU -> opus -> echo -> PCMU).
  b.source = a;
  a.source = transcoding ? a : b;
  b.connect(mediaPort(toB), scenario === 'srtp' ? keyB : undefined);
  return { callId, a, b };
}

/** utime + stime of a process, in clock ticks (100 a second). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** The rtpengine process under the wrapper script (setpriv execs it). */
function findRtpengine(pid: number): number | undefined {
  if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'rtpengine') return pid;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    let children: string[] = [];
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    } catch {
      continue;
    }
    for (const child of children) {
      const found = findRtpengine(Number(child));
      if (found) return found;
    }
  }
  return undefined;
}

async function runStep(ng: NgClient, rtpenginePid: number, scenario: Scenario, count: number, seconds: number) {
  const calls: Call[] = [];
  for (let i = 0; i < count; i++) calls.push(await setUpCall(ng, scenario));
  const senders = calls.flatMap(({ a, b }) =>
    scenario === 'transcode'
      ? [() => a.send(PCMU_TONE_FRAME)]
      : [() => a.send(PCMU_TONE_FRAME), () => b.send(PCMU_TONE_FRAME)],
  );
  const scheduler = new Scheduler(senders);
  scheduler.run();
  await sleep(WARMUP_MS);
  const endpoints = calls.flatMap(({ a, b }) => [a, b]);
  for (const endpoint of endpoints) endpoint.startMeasuring();
  const [rtpengineBefore, generatorBefore, startedAt] = [cpuTicks(rtpenginePid), process.cpuUsage(), Date.now()];
  await sleep(seconds * 1000);
  const elapsedS = (Date.now() - startedAt) / 1000;
  const stats: StreamStats[] = endpoints.map((endpoint) => endpoint.stats());
  const rtpengineCpu = ((cpuTicks(rtpenginePid) - rtpengineBefore) / 100 / elapsedS) * 100;
  const load = loadavg()[0];
  const generator = process.cpuUsage(generatorBefore);
  scheduler.stop();
  await sleep(200);
  for (const call of calls) {
    await ng.request({ command: 'delete', 'call-id': call.callId, 'from-tag': 'a' });
    call.a.close();
    call.b.close();
  }
  const jitters = stats.map((stat) => stat.jitterMs);
  return {
    calls: count,
    packets: stats.reduce((sum, stat) => sum + stat.received, 0),
    pace: stats.reduce((sum, stat) => sum + stat.sent, 0) / (senders.length * 50 * elapsedS),
    load,
    lost: stats.reduce((sum, stat) => sum + stat.lost, 0),
    worstJitterMs: Math.max(...jitters),
    meanJitterMs: jitters.reduce((sum, jitter) => sum + jitter, 0) / jitters.length,
    rtpengineCpu,
    generatorCpu: ((generator.user + generator.system) / 1e6 / elapsedS) * 100,
  } satisfies StepResult;
}

/** 0 lost, jitter under the limit, and the generator kept pace (else fewer packets than asked went through). */
const passes = (step: StepResult): boolean =>
  step.lost === 0 && step.worstJitterMs < JITTER_LIMIT_MS && step.pace >= 0.98;

function row(step: StepResult): string {
  return [
    String(step.calls).padStart(6),
    fixed(step.packets).padStart(10),
    `${fixed(step.pace * 100, 0)} %`.padStart(6),
    String(step.lost).padStart(6),
    fixed(step.worstJitterMs, 2).padStart(9),
    fixed(step.meanJitterMs, 2).padStart(9),
    `${fixed(step.rtpengineCpu, 1)} %`.padStart(10),
    `${fixed(step.rtpengineCpu / step.calls, 3)} %`.padStart(10),
    `${fixed(step.generatorCpu, 1)} %`.padStart(10),
    fixed(step.load, 1).padStart(5),
    passes(step) ? '  ok' : '  over',
  ].join(' ');
}

runBench(async (cleanup) => {
  const counts = envIntList('MEDIA_BENCH_CALLS', '50,100,200,300,400,600,800');
  const transcodeCounts = envIntList('MEDIA_BENCH_TRANSCODE_CALLS', '10,20,30,40,50,60');
  const [seconds] = envIntList('MEDIA_BENCH_SECONDS', '8');
  const scenarios = (process.env.MEDIA_BENCH_SCENARIOS ?? 'rtp,srtp,transcode').split(',') as Scenario[];
  for (const scenario of scenarios) if (!(scenario in SCENARIOS)) throw new Error(`unknown scenario ${scenario}`);

  const ngPort = await freePort();
  const root = resolve(__dirname, '..');
  const rtpengine = NativeProcess.start('rtpengine', 'bash', [resolve(root, 'infra/scripts/rtpengine.sh')], {
    cwd: root,
    env: {
      ...process.env,
      SIP_LISTEN_IP: '127.0.0.1',
      RTPENGINE_NG_PORT: String(ngPort),
      RTP_PORT_MIN: '40000',
      RTP_PORT_MAX: '47999',
      RTPENGINE_LOG_LEVEL: '3',
    },
  });
  cleanup.add('rtpengine', () => rtpengine.stop());
  const ng = new NgClient(ngPort);
  cleanup.add('ng client', async () => ng.close());
  for (let attempt = 0; ; attempt++) {
    try {
      await ng.request({ command: 'ping' });
      break;
    } catch (error) {
      if (attempt > 50) throw error;
      await sleep(100);
    }
  }
  const pid = rtpengine.pid === undefined ? undefined : findRtpengine(rtpengine.pid);
  if (pid === undefined) throw new Error('rtpengine process not found');
  const version = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
  log(`${version} (pid ${pid}), userspace; ${seconds} s measured per step after ${WARMUP_MS / 1000} s warm-up`);

  const summary: string[] = [];
  for (const scenario of scenarios) {
    log(`${SCENARIOS[scenario]}`);
    process.stdout.write(
      ' calls    packets   pace   lost  jitter↑ms  jitter~ms  rtpengine  per call   generator  load\n',
    );
    let best: StepResult | undefined;
    for (const count of scenario === 'transcode' ? transcodeCounts : counts) {
      const step = await runStep(ng, pid, scenario, count, seconds);
      process.stdout.write(`${row(step)}\n`);
      if (!passes(step)) break;
      best = step;
    }
    summary.push(
      best
        ? `${SCENARIOS[scenario]}: ${best.calls} calls (0 lost, worst jitter ${fixed(best.worstJitterMs, 2)} ms), ` +
            `rtpengine ${fixed(best.rtpengineCpu / best.calls, 3)} % of a core per call`
        : `${SCENARIOS[scenario]}: not even the first step`,
    );
  }
  log('highest count with 0 lost and jitter < 5 ms:');
  for (const line of summary) log(`  ${line}`);
  return 0;
});

import { type StatsEntry, summarizeCallStats } from './call-stats';

/** Shaped like Chromium's getStats() for an audio call over one bundled DTLS-SRTP transport. */
const chromiumReport: StatsEntry[] = [
  {
    id: 'T01',
    type: 'transport',
    dtlsState: 'connected',
    srtpCipher: 'SRTP_AES128_CM_HMAC_SHA1_80',
    iceState: 'connected',
  },
  { id: 'CP1', type: 'candidate-pair', state: 'succeeded', nominated: true },
  { id: 'COT01_0', type: 'codec', mimeType: 'audio/PCMU', clockRate: 8000 },
  { id: 'COT01_111', type: 'codec', mimeType: 'audio/opus', clockRate: 48000 },
  { id: 'OT01A1', type: 'outbound-rtp', kind: 'audio', codecId: 'COT01_0', packetsSent: 250, bytesSent: 40000 },
  {
    id: 'IT01A2',
    type: 'inbound-rtp',
    kind: 'audio',
    codecId: 'COT01_0',
    packetsReceived: 248,
    bytesReceived: 39680,
    packetsLost: 2,
  },
  { id: 'RIA', type: 'remote-inbound-rtp', kind: 'audio', packetsLost: 7 },
  { id: 'M1', type: 'media-source', kind: 'audio' },
];

describe('summarizeCallStats', () => {
  it('reads transport security, codec and RTP counters', () => {
    expect(summarizeCallStats(chromiumReport, 'connected')).toEqual({
      iceState: 'connected',
      dtlsState: 'connected',
      srtpCipher: 'SRTP_AES128_CM_HMAC_SHA1_80',
      codec: 'PCMU',
      packetsSent: 250,
      bytesSent: 40000,
      packetsReceived: 248,
      bytesReceived: 39680,
      packetsLost: 2,
    });
  });

  it('sums several audio streams and ignores video', () => {
    const report: StatsEntry[] = [
      { id: 'O1', type: 'outbound-rtp', kind: 'audio', packetsSent: 10, bytesSent: 100 },
      { id: 'O2', type: 'outbound-rtp', kind: 'audio', packetsSent: 5, bytesSent: 50 },
      { id: 'O3', type: 'outbound-rtp', kind: 'video', packetsSent: 1000, bytesSent: 1_000_000 },
    ];
    expect(summarizeCallStats(report, 'connected')).toMatchObject({ packetsSent: 15, bytesSent: 150 });
  });

  it('prefers the connected transport when media is not bundled', () => {
    const report: StatsEntry[] = [
      { id: 'T1', type: 'transport', dtlsState: 'new' },
      { id: 'T2', type: 'transport', dtlsState: 'connected', srtpCipher: 'AEAD_AES_128_GCM' },
    ];
    expect(summarizeCallStats(report, 'connected')).toMatchObject({
      dtlsState: 'connected',
      srtpCipher: 'AEAD_AES_128_GCM',
    });
  });

  it('falls back to the received codec, and to nulls and zeros before media flows', () => {
    const receiving: StatsEntry[] = [
      { id: 'C', type: 'codec', mimeType: 'audio/opus' },
      { id: 'I', type: 'inbound-rtp', kind: 'audio', codecId: 'C', packetsReceived: 1 },
    ];
    expect(summarizeCallStats(receiving, 'checking').codec).toBe('opus');
    expect(summarizeCallStats([], 'new')).toEqual({
      iceState: 'new',
      dtlsState: null,
      srtpCipher: null,
      codec: null,
      packetsSent: 0,
      bytesSent: 0,
      packetsReceived: 0,
      bytesReceived: 0,
      packetsLost: 0,
    });
  });
});

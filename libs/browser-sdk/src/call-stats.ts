/** One entry of an RTCStatsReport, as far as the summary reads it (no DOM types, so Jest can test it). */
export interface StatsEntry {
  readonly id: string;
  readonly type: string;
  readonly [field: string]: unknown;
}

/** What a call's media is doing, summed over its audio streams. */
export interface CallStats {
  /** The peer connection's ICE connection state, e.g. `connected`. */
  readonly iceState: string;
  /** DTLS state of the media transport, e.g. `connected`; null before there is a transport. */
  readonly dtlsState: string | null;
  /** SRTP protection profile, e.g. `SRTP_AES128_CM_HMAC_SHA1_80`; null until DTLS completes. */
  readonly srtpCipher: string | null;
  /** Codec of the audio sent (or else received), e.g. `PCMU`; null before media flows. */
  readonly codec: string | null;
  readonly packetsSent: number;
  readonly bytesSent: number;
  readonly packetsReceived: number;
  readonly bytesReceived: number;
  readonly packetsLost: number;
}

function numberField(entry: StatsEntry, field: string): number {
  const value = entry[field];
  return typeof value === 'number' ? value : 0;
}

function stringField(entry: StatsEntry | undefined, field: string): string | null {
  const value = entry?.[field];
  return typeof value === 'string' ? value : null;
}

function sum(entries: StatsEntry[], field: string): number {
  return entries.reduce((total, entry) => total + numberField(entry, field), 0);
}

/** Summarizes `RTCPeerConnection.getStats()` entries (pass `report.values()`). */
export function summarizeCallStats(report: Iterable<StatsEntry>, iceState: string): CallStats {
  const entries = [...report];
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const audio = (type: string) => entries.filter((entry) => entry.type === type && entry.kind === 'audio');
  const outbound = audio('outbound-rtp');
  const inbound = audio('inbound-rtp');
  // With BUNDLE there is one transport; otherwise prefer the one DTLS has connected.
  const transports = entries.filter((entry) => entry.type === 'transport');
  const transport = transports.find((entry) => entry.dtlsState === 'connected') ?? transports[0];
  const codecId = stringField(outbound[0], 'codecId') ?? stringField(inbound[0], 'codecId');
  const mimeType = codecId ? stringField(byId.get(codecId), 'mimeType') : null;
  return {
    iceState,
    dtlsState: stringField(transport, 'dtlsState'),
    srtpCipher: stringField(transport, 'srtpCipher'),
    codec: mimeType ? mimeType.replace(/^audio\//i, '') : null,
    packetsSent: sum(outbound, 'packetsSent'),
    bytesSent: sum(outbound, 'bytesSent'),
    packetsReceived: sum(inbound, 'packetsReceived'),
    bytesReceived: sum(inbound, 'bytesReceived'),
    packetsLost: sum(inbound, 'packetsLost'),
  };
}

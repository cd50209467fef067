/**
 * DTMF interworking between the two legs of a call, the TypeScript half: rtpengine reports each RFC 4733 digit it
 * sees (--dtmf-log-dest, one JSON datagram), the edge's dialog (JSON-RPC dlg.dlg_list_ctx) says which side only
 * understands SIP INFO, and the worker has the edge send that side an in-dialog INFO (tm.t_uac_start). The
 * other way (INFO to RFC 4733) is the edge's own: route[DTMF_INFO] in kamailio.cfg.
 */

/** RFC 4733 event codes 0-15 as DTMF digits. */
const DIGITS = '0123456789*#ABCD';

/** A digit rtpengine saw in a call's media: who sent it (the From or To tag of that side) and how long it lasted. */
export interface DetectedDigit {
  readonly callId: string;
  readonly sourceTag: string;
  readonly digit: string;
  readonly durationMs: number;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * One datagram of rtpengine 10.5's DTMF log: `{"callid","source_tag","tags":[…],"type":"DTMF","timestamp",
 * "source_ip","event":0-15,"duration":ms,"volume"}`; null when it is not one (only loopback sends here, but the
 * port is not authenticated: nothing is taken on trust).
 */
export function parseDtmfDatagram(datagram: string): DetectedDigit | null {
  let fields: unknown;
  try {
    fields = JSON.parse(datagram);
  } catch {
    return null;
  }
  if (typeof fields !== 'object' || fields === null) return null;
  const record = fields as Record<string, unknown>;
  const callId = text(record.callid);
  const sourceTag = text(record.source_tag);
  const event = record.event;
  if (!callId || !sourceTag || typeof event !== 'number' || !Number.isInteger(event) || event < 0 || event > 15) {
    return null;
  }
  const duration = typeof record.duration === 'number' && Number.isFinite(record.duration) ? record.duration : 0;
  return { callId, sourceTag, digit: DIGITS.charAt(event), durationMs: Math.round(duration) };
}

/** One side of an edge dialog, as dlg.dlg_list_ctx prints it. */
export interface DialogLeg {
  readonly tag: string;
  readonly contact: string;
  readonly cseq: number;
  /** Record-Route set toward that side, as the edge recorded it (`<sip:…;lr>,<sip:…>`), possibly empty. */
  readonly routeSet: string;
  /** The edge's socket toward that side (`udp:127.0.0.1:5060`), possibly empty. */
  readonly socket: string;
}

/** The part of an edge dialog DTMF interworking needs. */
export interface EdgeDialog {
  readonly callId: string;
  readonly fromUri: string;
  readonly toUri: string;
  readonly caller: DialogLeg;
  readonly callee: DialogLeg;
  /** Dialog variables the edge set (route[DTMF_BRANCH]: dtmf_interwork, dtmf_caller, dtmf_callee). */
  readonly variables: Readonly<Record<string, string>>;
}

function legOf(value: unknown): DialogLeg | null {
  if (typeof value !== 'object' || value === null) return null;
  const leg = value as Record<string, unknown>;
  const tag = text(leg.tag);
  const contact = text(leg.contact);
  const cseq = Number(leg.cseq);
  if (!tag || !contact || !Number.isInteger(cseq) || cseq < 0) return null;
  return { tag, contact, cseq, routeSet: text(leg.route_set) ?? '', socket: text(leg.socket) ?? '' };
}

/** Dialog variables: Kamailio prints them as a list of one-key objects (`[{"name":"value"}, …]`). */
function variablesOf(value: unknown): Record<string, string> {
  const entries = Array.isArray(value) ? value : [value];
  const variables: Record<string, string> = {};
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    for (const [name, content] of Object.entries(entry as Record<string, unknown>)) {
      if (typeof content === 'string') variables[name] = content;
    }
  }
  return variables;
}

/** The confirmed dialogs in a dlg.dlg_list_ctx result (one dialog object, or a list of them). */
export function parseEdgeDialogs(result: unknown): EdgeDialog[] {
  const dialogs = Array.isArray(result) ? result : [result];
  return dialogs.flatMap((value): EdgeDialog[] => {
    if (typeof value !== 'object' || value === null) return [];
    const dialog = value as Record<string, unknown>;
    const callId = text(dialog['call-id']);
    const fromUri = text(dialog.from_uri);
    const toUri = text(dialog.to_uri);
    const caller = legOf(dialog.caller);
    const callee = legOf(dialog.callee);
    if (!callId || !fromUri || !toUri || !caller || !callee) return [];
    return [{ callId, fromUri, toUri, caller, callee, variables: variablesOf(dialog.variables) }];
  });
}

/** SIP INFO body for one digit (application/dtmf-relay, the format most INFO-only devices take). */
export function dtmfRelayBody(digit: string, durationMs: number): string {
  const duration = Math.min(Math.max(durationMs || 250, 100), 5000);
  return `Signal=${digit}\r\nDuration=${duration}\r\n`;
}

/** Where the worker's INFO enters the edge: its SIP address over UDP. */
export interface EdgeAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * The edge's UDP address for a dialog: the socket of the INFO side's leg when it is UDP (`udp:127.0.0.1:5060`),
 * else that socket's address on the edge's UDP port (TCP shares it; TLS and WSS legs are reached through the edge).
 */
export function edgeAddressOf(socket: string, udpPort: number): EdgeAddress | null {
  const match = /^(udp|tcp|tls|ws|wss|sctp):(\[[^\]]+\]|[^:]+):(\d+)$/i.exec(socket);
  if (!match) return null;
  const host = (match[2] ?? '').replace(/^\[|\]$/g, '');
  return { host, port: match[1]?.toLowerCase() === 'udp' ? Number(match[3]) : udpPort };
}

/** The in-dialog INFO for a digit, and the edge address to send it to. */
export interface DtmfInfo {
  readonly edge: EdgeAddress;
  /** The INFO's Via branch: its 200 comes back with it. */
  readonly branch: string;
  readonly message: string;
}

/**
 * The INFO that carries a digit from the side that sent it in the media to the other side, when that side uses
 * SIP INFO (the edge's dialog says so). The worker sends it to the edge as the sending side would, inside the
 * dialog (Route: the edge, with the dialog's From tag for route[DTMF_INFO]'s direction check); the edge relays
 * it along the dialog like any in-dialog request, so NAT aliases and transports are its usual ones. Its CSeq is
 * the sending side's last one, not above it: that side's own next request must not look out of order to the
 * receiver (RFC 3261 12.2.2 refuses only lower numbers). Null when no INFO is due.
 */
export function dtmfInfoMessage(
  dialog: EdgeDialog,
  detected: DetectedDigit,
  local: { readonly host: string; readonly port: number; readonly branch: string },
  edgeUdpPort: number,
): DtmfInfo | null {
  if (dialog.variables.dtmf_interwork !== '1') return null;
  const fromCaller = detected.sourceTag === dialog.caller.tag;
  if (!fromCaller && detected.sourceTag !== dialog.callee.tag) return null;
  const receiverMode = fromCaller ? dialog.variables.dtmf_callee : dialog.variables.dtmf_caller;
  if (receiverMode !== 'info') return null;
  const [sender, receiver] = fromCaller ? [dialog.caller, dialog.callee] : [dialog.callee, dialog.caller];
  const [senderUri, receiverUri] = fromCaller ? [dialog.fromUri, dialog.toUri] : [dialog.toUri, dialog.fromUri];
  const edge = edgeAddressOf(receiver.socket, edgeUdpPort);
  if (!edge) return null;
  const edgeHost = edge.host.includes(':') ? `[${edge.host}]` : edge.host;
  const body = dtmfRelayBody(detected.digit, detected.durationMs);
  const message = [
    `INFO ${receiver.contact} SIP/2.0`,
    `Via: SIP/2.0/UDP ${local.host}:${local.port};branch=${local.branch};rport`,
    'Max-Forwards: 70',
    `Route: <sip:${edgeHost}:${edge.port};lr;ftag=${dialog.caller.tag}>`,
    `From: <${senderUri}>;tag=${sender.tag}`,
    `To: <${receiverUri}>;tag=${receiver.tag}`,
    `Call-ID: ${dialog.callId}`,
    `CSeq: ${sender.cseq} INFO`,
    'Content-Type: application/dtmf-relay',
    `Content-Length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n');
  return { edge, branch: local.branch, message };
}

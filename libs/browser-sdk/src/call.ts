import { C } from 'jssip';
import type { EndEvent, RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingResponse } from 'jssip/lib/SIPMessage';
import { type CallStats, summarizeCallStats } from './call-stats';
import { Emitter } from './emitter';

/**
 * `calling`: an outgoing call is being set up; `ringing`: the callee is alerted (180/183);
 * `incoming`: an incoming call waits for `answer()`; `active`: answered, media flows;
 * `ended`: hung up after it was answered; `failed`: never answered (busy, declined, canceled, …).
 */
export type CallState = 'calling' | 'ringing' | 'incoming' | 'active' | 'ended' | 'failed';

/** Who ended the call: this side, the other side, or the SIP stack (timeouts, media failure). */
export type CallOriginator = 'local' | 'remote' | 'system';

export interface CallEnd {
  /** JsSIP's cause, e.g. `Terminated`, `Canceled`, `Busy`, `Rejected`, `Not Found`, `RTP Timeout`. */
  readonly cause: string;
  readonly originator: CallOriginator;
}

export interface CallFailure extends CallEnd {
  /** The SIP final response that failed the call (e.g. 486), when there was one. */
  readonly statusCode: number | null;
  readonly reasonPhrase: string | null;
}

export interface CallEvents {
  /** The callee is being alerted (outgoing calls only; an incoming call is announced by `Phone`'s `incoming`). */
  ringing: [];
  /** The call was answered (by the callee, or by `answer()`). */
  accepted: [];
  /** An answered call was hung up. */
  ended: [end: CallEnd];
  /** The call ended before it was answered. */
  failed: [failure: CallFailure];
}

export interface AnswerOptions {
  /** RTCPeerConnection settings for this call, over those given to `Phone.connect()`. */
  readonly pcConfig?: RTCConfiguration;
}

export const AUDIO_ONLY: MediaStreamConstraints = { audio: true, video: false };

/**
 * JsSIP sends an offer or answer only once ICE gathering completes, and a STUN/TURN server that does not answer
 * holds that for ~40 s (STUN retransmissions): the call goes ahead with what was gathered this long after the
 * first candidate (host candidates come at once, a reachable TURN server's relay within a few hundred ms).
 */
const ICE_GATHERING_GRACE_MS = 1500;

function isResponse(message: EndEvent['message'] | null): message is IncomingResponse {
  return typeof (message as Partial<IncomingResponse> | null)?.status_code === 'number';
}

/** One call, outgoing (from `Phone.call()`) or incoming (from `Phone`'s `incoming` event). */
export class Call extends Emitter<CallEvents> {
  private currentState: CallState;
  private remote: MediaStream | null = null;
  private lastStats: CallStats | null = null;

  /** @internal Created by `Phone`. */
  constructor(
    private readonly session: RTCSession,
    private readonly defaultPcConfig: RTCConfiguration,
  ) {
    super();
    this.currentState = session.direction === 'incoming' ? 'incoming' : 'calling';
    // An outgoing session already has its peer connection: JsSIP creates it inside ua.call().
    if (session.connection) this.watchPeerConnection(session.connection);
    session.on('peerconnection', ({ peerconnection }) => this.watchPeerConnection(peerconnection));
    // Each gathering (offer, answer, re-INVITE) has its own ready(); it may be called more than once.
    let gathering: (() => void) | null = null;
    session.on('icecandidate', ({ ready }) => {
      if (ready === gathering) return;
      gathering = ready;
      setTimeout(ready, ICE_GATHERING_GRACE_MS);
    });
    session.on('progress', () => {
      if (this.currentState !== 'calling') return;
      this.currentState = 'ringing';
      this.emit('ringing');
    });
    session.on('accepted', () => {
      this.currentState = 'active';
      this.emit('accepted');
    });
    session.on('ended', ({ cause, originator }) => {
      this.currentState = 'ended';
      this.emit('ended', { cause, originator: `${originator}` });
    });
    session.on('failed', ({ cause, originator, message }) => {
      this.currentState = 'failed';
      const response = isResponse(message) ? message : null;
      this.emit('failed', {
        cause,
        originator: `${originator}`,
        statusCode: response?.status_code ?? null,
        reasonPhrase: response?.reason_phrase ?? null,
      });
    });
  }

  get state(): CallState {
    return this.currentState;
  }

  get direction(): 'incoming' | 'outgoing' {
    return `${this.session.direction}`;
  }

  /** The other party's SIP address, e.g. `sip:bob@acme.callwire.localhost`. */
  get remoteIdentity(): string {
    return this.session.remote_identity.uri.toString();
  }

  /** The call's RTCPeerConnection: null for an incoming call until it is answered. */
  get peerConnection(): RTCPeerConnection | null {
    return this.session.connection ?? null;
  }

  /**
   * The other party's audio: set it as an `<audio autoplay>` element's `srcObject`. For an outgoing call it carries
   * early media too (ringback or an announcement the callee's side plays with a 183 before answering, or instead).
   */
  get remoteStream(): MediaStream | null {
    return this.remote;
  }

  get muted(): boolean {
    return this.session.isMuted().audio ?? false;
  }

  /** Answers an incoming call with the microphone. */
  answer(options: AnswerOptions = {}): void {
    if (this.currentState !== 'incoming') throw new Error(`Cannot answer a call that is ${this.currentState}.`);
    this.session.answer({ mediaConstraints: AUDIO_ONLY, pcConfig: { ...this.defaultPcConfig, ...options.pcConfig } });
  }

  /** Declines an incoming call with 486 Busy Here, so the caller's other devices keep ringing. */
  decline(): void {
    if (this.currentState !== 'incoming') throw new Error(`Cannot decline a call that is ${this.currentState}.`);
    this.session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
  }

  /** Hangs up (BYE), cancels an outgoing call that is still ringing, or rejects an incoming one. */
  hangup(): void {
    if (!this.session.isEnded()) this.session.terminate();
  }

  mute(): void {
    this.session.mute({ audio: true });
  }

  unmute(): void {
    this.session.unmute({ audio: true });
  }

  /** Sends DTMF tones (`0-9`, `*`, `#`, `A-D`; `,` pauses) as RTP telephone-events (RFC 4733). */
  sendDtmf(tones: string): void {
    if (this.currentState !== 'active') throw new Error(`Cannot send DTMF on a call that is ${this.currentState}.`);
    this.session.sendDTMF(tones, { transportType: C.DTMF_TRANSPORT.RFC2833 });
  }

  /**
   * A summary of the call's media statistics; null before there is a peer connection. Once the call is over
   * (its peer connection closed, which counts nothing), the last summary taken while it ran.
   */
  async getStats(): Promise<CallStats | null> {
    const connection = this.peerConnection;
    if (!connection || this.isOver()) return this.lastStats;
    const report = await connection.getStats();
    if (this.isOver()) return this.lastStats;
    this.lastStats = summarizeCallStats(report.values(), connection.iceConnectionState);
    return this.lastStats;
  }

  private isOver(): boolean {
    return this.currentState === 'ended' || this.currentState === 'failed';
  }

  private watchPeerConnection(connection: RTCPeerConnection): void {
    const remote = new MediaStream();
    connection.addEventListener('track', ({ track }) => remote.addTrack(track));
    this.remote = remote;
  }
}

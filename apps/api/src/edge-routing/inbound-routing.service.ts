import { Inject, Injectable, Logger } from '@nestjs/common';
import { CALLWIRE_CONFIG, type CallwireConfig } from '@callwire/config';
import { LocationRepository } from '@callwire/database';
import type { ApplicationAnswer, ApplicationDialTarget, DialTargetType } from './application-answer';
import { ApplicationVoiceClient } from './application-voice.client';
import { dialTarget, registeredUser } from './dial-targets';
import { type EdgeRouteDecision, type EdgeRouteRequest, reject } from './edge-route.contract';
import { type CarrierSource, EdgeRoutingRepository, type InboundNumber } from './edge-routing.repository';

const DEFAULT_RING_MS = 30_000;
const NUMBER_USER = /^\+?[0-9]{2,15}$/;

/** The forms a carrier may send a number in: `+15550100` or `15550100` are the same E.164 number. */
export function numberCandidates(user: string): string[] {
  if (!NUMBER_USER.test(user)) return [];
  return user.startsWith('+') ? [user] : [`+${user}`, user];
}

/** Who the call belongs to, once known: every decision names it so that the call is recorded. */
interface Decided {
  readonly accountId: string;
  readonly direction: 'inbound';
  readonly applicationId?: string;
}

/** A call from a carrier, as the steps below see it. */
interface InboundCall {
  readonly request: EdgeRouteRequest;
  readonly source: CarrierSource;
  readonly log: Logger;
}

/**
 * A call from a carrier, in steps: which number it is for, whether it really comes from one of that
 * number's account's carriers, then the number's route (a SIP user, a browser client, a SIP URI, or an
 * application that decides).
 */
@Injectable()
export class InboundRoutingService {
  constructor(
    private readonly repository: EdgeRoutingRepository,
    private readonly location: LocationRepository,
    private readonly applications: ApplicationVoiceClient,
    @Inject(CALLWIRE_CONFIG) private readonly config: CallwireConfig,
  ) {}

  async route(request: EdgeRouteRequest): Promise<EdgeRouteDecision> {
    const call: InboundCall = {
      request,
      source: {
        sourceIp: request.sourceIp,
        carrierUsername: request.carrierUsername || null,
        requestUser: request.requestUser,
      },
      log: new Logger(`InboundCall ${request.sipCallId}`),
    };
    const number = await this.findNumber(call);
    if (!number) return this.unknownNumber(call);
    if (!number.carrierId) return this.unknownSource(call, number);
    return this.routeNumber(call, number);
  }

  /** The number is the Request-URI user, or To's user when the call comes to a registration contact. */
  private findNumber({ request, source }: InboundCall): Promise<InboundNumber | null> {
    const candidates = [...numberCandidates(request.requestUser), ...numberCandidates(request.toUser)];
    return candidates.length === 0 ? Promise.resolve(null) : this.repository.findInboundNumber(candidates, source);
  }

  /** Only a known carrier learns that a number does not exist here. */
  private async unknownNumber({ source }: InboundCall): Promise<EdgeRouteDecision> {
    if (await this.repository.isKnownCarrier(source)) return reject(404, 'Not Found - unknown number');
    return this.forbidden(source);
  }

  /**
   * The number exists, but the call comes from none of its account's carriers. Without credentials, an
   * account whose carriers authenticate gets the call challenged; credentials of another carrier are refused.
   */
  private unknownSource({ source }: InboundCall, number: InboundNumber): EdgeRouteDecision {
    if (number.challengeable && !source.carrierUsername) {
      return { action: 'challenge', realm: this.config.routing.carrierRealm };
    }
    return this.forbidden(source);
  }

  private forbidden(source: CarrierSource): EdgeRouteDecision {
    return reject(403, source.carrierUsername ? 'Forbidden - carrier not allowed' : 'Forbidden - unknown carrier');
  }

  private async routeNumber(call: InboundCall, number: InboundNumber): Promise<EdgeRouteDecision> {
    const type = number.routeType as DialTargetType | 'application';
    if (type === 'application') return this.askApplication(call, number);
    const decision = await this.ring(number, [{ type, target: number.routeTarget }], DEFAULT_RING_MS);
    // A SIP URI is rung as is, registered or not: nothing but the number, its account and carriers decided.
    return type === 'sip-uri' && decision.action === 'dial' ? { ...decision, cacheable: true } : decision;
  }

  private async askApplication(call: InboundCall, number: InboundNumber): Promise<EdgeRouteDecision> {
    const application = await this.repository.findApplication(number.accountId, number.routeTarget);
    if (!application) {
      return reject(480, 'Temporarily Unavailable - no application', {
        accountId: number.accountId,
        direction: 'inbound',
      });
    }
    const decided: Decided = { accountId: number.accountId, direction: 'inbound', applicationId: application.id };
    const answer = await this.applications.ask(application, {
      applicationId: application.id,
      accountId: number.accountId,
      sipCallId: call.request.sipCallId,
      direction: 'inbound',
      from: call.request.fromUser,
      to: call.request.toUser,
      carrierId: number.carrierId,
    });
    if (!answer) {
      call.log.warn(`application ${application.id} gave no valid answer: 503`);
      return reject(503, 'Service Unavailable - application did not answer', decided);
    }
    return this.execute(answer, number, decided);
  }

  private execute(answer: ApplicationAnswer, number: InboundNumber, decided: Decided): Promise<EdgeRouteDecision> {
    switch (answer.action) {
      case 'reject':
        return Promise.resolve(reject(answer.status, answer.reason ?? 'Rejected by application', decided));
      case 'forward':
        return this.ring(number, [{ type: 'sip-uri', target: answer.uri }], DEFAULT_RING_MS, decided);
      case 'dial':
        return this.ring(number, answer.targets, answer.timeoutSeconds * 1000, decided, answer.callerId);
    }
  }

  /** Rings every target at once; users and identities at all their registrations. */
  private async ring(
    number: InboundNumber,
    targets: readonly ApplicationDialTarget[],
    timeoutMs: number,
    decided: Decided = { accountId: number.accountId, direction: 'inbound' },
    callerId?: string,
  ): Promise<EdgeRouteDecision> {
    const users = targets.map(registeredUser).filter((user): user is string => user !== null);
    const registered = await this.location.findRegistered(number.sipDomain, users);
    const reachable = targets.filter((target) => {
      const user = registeredUser(target);
      return user === null || registered.has(user);
    });
    if (reachable.length === 0) return reject(480, 'Temporarily Unavailable', decided);
    return {
      action: 'dial',
      ...decided,
      mode: 'parallel',
      targets: reachable.map((target) => dialTarget(target, number.sipDomain)),
      timeoutMs,
      ...(callerId ? { fromUri: `sip:${callerId}@${number.sipDomain}` } : {}),
      // Absent: rfc4733.
      ...(number.carrierDtmf === 'info' ? { callerDtmf: number.carrierDtmf } : {}),
      // The edge refuses a plain-RTP offer (488) whether the carrier came by address or with credentials.
      ...(number.carrierSrtp === 'require' ? { callerSrtp: number.carrierSrtp } : {}),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { isFinal, statusName, toCallResource } from '@callwire/calls';
import { type CallFilter, CallsRepository } from '@callwire/database';
import { type Page, toPage, toPageRequest } from '../common/pagination';
import { ConflictProblemException, NotFoundProblemException } from '../common/problem';
import { EdgeSyncProducer } from '../edge/edge-sync.producer';
import type { CallDto, CallQueryDto } from './dto/call.dto';

/** The query's filters as the repository takes them (times as dates). */
function toCallFilter({ order, status, from, to, startedAfter, startedBefore }: CallQueryDto): CallFilter {
  return {
    order,
    status,
    from,
    to,
    startedAfter: startedAfter === undefined ? undefined : new Date(startedAfter),
    startedBefore: startedBefore === undefined ? undefined : new Date(startedBefore),
  };
}

@Injectable()
export class CallsService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly edge: EdgeSyncProducer,
  ) {}

  async list(accountId: string, query: CallQueryDto): Promise<Page<CallDto>> {
    const page = toPageRequest(query);
    return toPage(await this.calls.list(accountId, toCallFilter(query), page), page, toCallResource);
  }

  async get(accountId: string, id: string): Promise<CallDto> {
    const call = await this.calls.findById(accountId, id);
    if (!call) throw new NotFoundProblemException('Call');
    return toCallResource(call);
  }

  /** Asks the edge (through the worker) to end the call with a BYE to both sides. */
  async hangup(accountId: string, id: string): Promise<CallDto> {
    const call = await this.calls.findById(accountId, id);
    if (!call) throw new NotFoundProblemException('Call');
    if (isFinal(statusName(call.status))) throw new ConflictProblemException(`The call has already ended.`);
    await this.edge.hangupCall(call.sipCallId, accountId);
    return toCallResource(call);
  }
}

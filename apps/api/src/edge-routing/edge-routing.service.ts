import { Injectable } from '@nestjs/common';
import type { EdgeRouteDecision, EdgeRouteRequest } from './edge-route.contract';
import { InboundRoutingService } from './inbound-routing.service';
import { OutboundRoutingService } from './outbound-routing.service';

/** The platform's answer to the edge for a call it cannot route alone. */
@Injectable()
export class EdgeRoutingService {
  constructor(
    private readonly inbound: InboundRoutingService,
    private readonly outbound: OutboundRoutingService,
  ) {}

  decide(request: EdgeRouteRequest): Promise<EdgeRouteDecision> {
    return request.kind === 'inbound' ? this.inbound.route(request) : this.outbound.route(request);
  }
}

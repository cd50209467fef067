import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiExcludeController } from '@nestjs/swagger';
import { NO_SECURITY_HEADERS } from '../common/security-headers';
import { EdgeApiTokenGuard } from './edge-api-token.guard';
import type { EdgeRouteDecision, EdgeRouteRequest } from './edge-route.contract';
import { EdgeRouteRequestPipe } from './edge-route-request.pipe';
import { EdgeRoutingService } from './edge-routing.service';

/** Outside /v1 and the OpenAPI document: only the SIP edge calls it. */
export const EDGE_ROUTES_PATH = 'internal/edge/routes';

@ApiExcludeController()
@Controller()
@UseGuards(EdgeApiTokenGuard)
export class EdgeRoutingController {
  constructor(private readonly routing: EdgeRoutingService) {}

  /**
   * How the edge routes this call (always 200: a refusal is a decision too). Its only client is Kamailio, on
   * loopback, once per call: no browser security headers.
   */
  @Post(EDGE_ROUTES_PATH)
  @HttpCode(200)
  @RouteConfig(NO_SECURITY_HEADERS)
  decide(@Body(EdgeRouteRequestPipe) request: EdgeRouteRequest): Promise<EdgeRouteDecision> {
    return this.routing.decide(request);
  }
}

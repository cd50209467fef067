import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { EdgeApiTokenGuard } from './edge-api-token.guard';
import { type EdgeRouteDecision, EdgeRouteRequest } from './edge-route.contract';
import { EdgeRoutingService } from './edge-routing.service';

/** Outside /v1 and the OpenAPI document: only the SIP edge calls it. */
export const EDGE_ROUTES_PATH = 'internal/edge/routes';

@ApiExcludeController()
@Controller()
@UseGuards(EdgeApiTokenGuard)
export class EdgeRoutingController {
  constructor(private readonly routing: EdgeRoutingService) {}

  /** How the edge routes this call (always 200: a refusal is a decision too). */
  @Post(EDGE_ROUTES_PATH)
  @HttpCode(200)
  decide(@Body() request: EdgeRouteRequest): Promise<EdgeRouteDecision> {
    return this.routing.decide(request);
  }
}

import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags, type SchemaObject } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { type Readiness, ReadinessService } from '@callwire/health';

const CHECK_STATE: SchemaObject = { type: 'string', enum: ['up', 'down'] };
const READINESS_SCHEMA: SchemaObject = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    checks: {
      type: 'object',
      properties: { database: CHECK_STATE, redis: CHECK_STATE },
      required: ['database', 'redis'],
    },
  },
  required: ['status', 'checks'],
};

@ApiTags('Health')
@Controller()
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('healthz')
  @ApiOkResponse({
    description: 'The process is up.',
    schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } }, required: ['status'] },
  })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('readyz')
  @ApiOkResponse({ description: 'PostgreSQL and Redis are reachable.', schema: READINESS_SCHEMA })
  @ApiServiceUnavailableResponse({
    description: 'A dependency is down; `checks` says which.',
    schema: READINESS_SCHEMA,
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const readiness = await this.readiness.check();
    if (readiness.status !== 'ok') void reply.status(HttpStatus.SERVICE_UNAVAILABLE);
    return readiness;
  }
}

import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from 'src/common/auth/auth.decorators';
import { HealthRegistry } from 'src/modules/health/health.registry';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthRegistry) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up' })
  @ApiOkResponse({ schema: { example: { status: 'ok' } } })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: PostgreSQL, Redis, search backend, mail and SMS transports, each with its status',
  })
  @ApiOkResponse({ description: 'Ready' })
  @ApiServiceUnavailableResponse({ description: 'A critical component (PostgreSQL or Redis) is down' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const { ready, components } = await this.health.run();
    void reply.status(ready ? 200 : 503);
    const degraded = Object.values(components).some((c) => c.status === 'down');
    return { status: ready ? (degraded ? 'degraded' : 'ready') : 'unavailable', components };
  }
}

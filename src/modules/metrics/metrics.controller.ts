import { timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from 'src/common/auth/auth.decorators';
import { DomainError, ErrorCode, NotFoundError } from 'src/common/errors/domain-error';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { MetricsService } from 'src/modules/metrics/metrics.service';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  private readonly token?: Buffer;
  private readonly closed: boolean;

  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.token = config.metricsToken ? Buffer.from(`Bearer ${config.metricsToken}`) : undefined;
    // Route names and counts are for operators: in production only with a token.
    this.closed = !this.token && config.nodeEnv === 'production';
  }

  @Public()
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    summary: 'Prometheus metrics: HTTP latency by route, queue depths, outbox backlog',
    description:
      'With METRICS_TOKEN set, only with `Authorization: Bearer <METRICS_TOKEN>`; in production closed without one.',
  })
  @ApiProduces('text/plain')
  scrape(@Headers('authorization') authorization?: string): Promise<string> {
    if (this.closed) throw new NotFoundError('Route');
    if (this.token) {
      const given = Buffer.from(authorization ?? '');
      if (given.length !== this.token.length || !timingSafeEqual(given, this.token)) {
        throw new DomainError(ErrorCode.Unauthenticated, 'The metrics token is required');
      }
    }
    return this.metrics.registry.metrics();
  }
}

import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from 'src/common/auth/auth.decorators';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import {
  ApplicationsExportQuery,
  DemandQuery,
  DemandReportDto,
  FairReportDto,
  PlacementsReportDto,
  PlacementsReportQuery,
} from 'src/modules/reports/reports.dto';
import { FileOut, ReportsService } from 'src/modules/reports/reports.service';

function sendFile(reply: FastifyReply, file: FileOut): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .send(file.stream);
}

@ApiTags('reports')
@Controller('v1/reports')
@Roles('staff', 'admin')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('fairs/:id')
  @ApiRoute(
    'What a fair achieved: visitors → applications → interviews → offers → hires, with breakdowns',
    [400, 403, 404],
  )
  @ApiOkResponse({ type: FairReportDto })
  fair(@Param('id', UuidPipe) id: string): Promise<FairReportDto> {
    return this.reports.fair(id);
  }

  @Get('placements')
  @ApiRoute(
    'Applications, interviews, hires and median days to hire by group over a period (json, csv, xlsx)',
    [400, 403],
  )
  @ApiProduces(
    'application/json',
    'text/csv',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  )
  @ApiOkResponse({ type: PlacementsReportDto })
  async placements(@Query() query: PlacementsReportQuery, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const report = await this.reports.placements(query);
    if (query.format === 'json') return reply.send(report);
    return sendFile(reply, this.reports.placementsFile(report, query.format, query.lang));
  }

  @Get('applications/export')
  @ApiRoute(
    'Every application of the period as CSV (UTF-8 with BOM; `;`-separated for ru) or XLSX, streamed, with ' +
      'headers and labels in the staff’s language beside the codes and local times',
    [400, 403],
  )
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  async export(@Query() query: ApplicationsExportQuery, @Res() reply: FastifyReply): Promise<FastifyReply> {
    return sendFile(reply, await this.reports.applicationsExport(query));
  }

  @Get('demand')
  @ApiRoute('Open positions per trade against the people seeking that trade', [400, 403])
  @ApiOkResponse({ type: DemandReportDto })
  demand(@Query() query: DemandQuery): Promise<DemandReportDto> {
    return this.reports.demand(query);
  }
}

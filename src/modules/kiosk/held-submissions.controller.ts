import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentKiosk, CurrentUser, KioskAfterFair, KioskOnly, Roles } from 'src/common/auth/auth.decorators';
import type { KioskPrincipal, UserPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import {
  HeldSubmissionDto,
  HeldSubmissionListDto,
  HeldSubmissionQuery,
  HeldSubmissionReportedDto,
  ReportHeldSubmissionDto,
  ResolveHeldSubmissionDto,
} from 'src/modules/kiosk/held-submissions.dto';
import { HeldSubmissionsService } from 'src/modules/kiosk/held-submissions.service';

@ApiTags('kiosk')
@Controller('v1/kiosk/held-submissions')
@KioskOnly()
@KioskAfterFair()
export class KioskHeldSubmissionsController {
  constructor(private readonly held: HeldSubmissionsService) {}

  @Post()
  @ApiRoute(
    'Hand over a submission the server refused after the visitor had left the kiosk, so that the fair’s staff ' +
      'can call them back (kiosk token; also for a week after the fair). Reporting it again answers the same id.',
    [400, 401, 403],
  )
  @ApiCreatedResponse({ type: HeldSubmissionReportedDto })
  report(
    @CurrentKiosk() kiosk: KioskPrincipal,
    @Body() dto: ReportHeldSubmissionDto,
  ): Promise<HeldSubmissionReportedDto> {
    return this.held.report(kiosk, dto);
  }
}

@ApiTags('fairs')
@Controller('v1')
@Roles('staff', 'admin')
export class HeldSubmissionsController {
  constructor(private readonly held: HeldSubmissionsService) {}

  @Get('held-submissions')
  @ApiRoute(
    'Kiosk submissions the server refused after the visitor had left, with who it was and why, oldest first ' +
      '(staff; each read is audited)',
    [400, 403, 404],
  )
  @ApiOkResponse({ type: HeldSubmissionListDto })
  async list(
    @CurrentUser() user: UserPrincipal,
    @Query() query: HeldSubmissionQuery,
  ): Promise<HeldSubmissionListDto> {
    return { items: await this.held.list(user, query.fairId, query.resolved === true) };
  }

  @Post('held-submissions/:id/resolve')
  @HttpCode(200)
  @ApiRoute('Mark a held kiosk submission as dealt with, with what was done (staff)', [400, 403, 404, 409])
  @ApiOkResponse({ type: HeldSubmissionDto })
  resolve(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ResolveHeldSubmissionDto,
  ): Promise<HeldSubmissionDto> {
    return this.held.resolve(user, id, dto.note);
  }
}

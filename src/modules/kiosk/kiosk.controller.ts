import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentKiosk, KioskOnly } from 'src/common/auth/auth.decorators';
import type { KioskPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import { resolveLang } from 'src/modules/eligibility/eligibility.service';
import {
  KioskCheckInDto,
  KioskCheckInResultDto,
  KioskSubmissionDto,
  KioskSubmissionResultDto,
  KioskVacancyListDto,
} from 'src/modules/kiosk/kiosk.dto';
import { KioskService } from 'src/modules/kiosk/kiosk.service';

@ApiTags('kiosk')
@Controller('v1/kiosk')
@KioskOnly()
export class KioskApplicationsController {
  constructor(private readonly kiosk: KioskService) {}

  @Get('vacancies')
  @ApiRoute(
    'The fair’s open vacancies, in the visitor’s language where the data allows (kiosk token)',
    [400, 403],
  )
  @ApiQuery({ name: 'lang', required: false, enum: ['ru', 'uz', 'tg', 'ky', 'en'] })
  @ApiOkResponse({ type: KioskVacancyListDto })
  vacancies(
    @CurrentKiosk() kiosk: KioskPrincipal,
    @Query('lang') lang: unknown,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<KioskVacancyListDto> {
    return this.kiosk.vacancies(kiosk, resolveLang(lang, acceptLanguage));
  }

  @Post('applications')
  @Idempotent({ required: true })
  @ApiRoute(
    'Register or recognise a visitor and apply to vacancies of this fair (kiosk token)',
    [400, 403, 409, 422],
  )
  @ApiCreatedResponse({ type: KioskSubmissionResultDto })
  submit(
    @CurrentKiosk() kiosk: KioskPrincipal,
    @Body() dto: KioskSubmissionDto,
  ): Promise<KioskSubmissionResultDto> {
    return this.kiosk.submit(kiosk, dto);
  }

  @Post('check-ins')
  @HttpCode(200)
  @Idempotent()
  @ApiRoute(
    'A returning visitor (phone with birth date or access code) is counted (kiosk token)',
    [400, 403, 404],
  )
  @ApiOkResponse({ type: KioskCheckInResultDto })
  checkIn(
    @CurrentKiosk() kiosk: KioskPrincipal,
    @Body() dto: KioskCheckInDto,
  ): Promise<KioskCheckInResultDto> {
    return this.kiosk.checkIn(kiosk, dto);
  }
}

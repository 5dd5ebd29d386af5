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
  KioskIdentificationCreatedDto,
  KioskIdentificationRequestDto,
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
    'Register a visitor, or act for a returning one who proved who they are, and apply to vacancies of this fair ' +
      '(kiosk token)',
    [400, 403, 409, 422, 429],
  )
  @ApiCreatedResponse({ type: KioskSubmissionResultDto })
  submit(
    @CurrentKiosk() kiosk: KioskPrincipal,
    @Body() dto: KioskSubmissionDto,
  ): Promise<KioskSubmissionResultDto> {
    return this.kiosk.submit(kiosk, dto);
  }

  @Post('identifications')
  @ApiRoute(
    'Text a one-time code to a returning visitor’s phone, to prove who they are at this kiosk (kiosk token). ' +
      'The answer is the same whether or not the phone is registered.',
    [400, 403, 429],
  )
  @ApiCreatedResponse({ type: KioskIdentificationCreatedDto })
  requestIdentification(
    @CurrentKiosk() kiosk: KioskPrincipal,
    @Body() dto: KioskIdentificationRequestDto,
  ): Promise<KioskIdentificationCreatedDto> {
    return this.kiosk.requestIdentification(kiosk, dto);
  }

  @Post('check-ins')
  @HttpCode(200)
  @Idempotent()
  @ApiRoute(
    'A returning visitor (phone with the access code, or with the code texted to it) is counted (kiosk token)',
    [400, 403, 422, 429],
  )
  @ApiOkResponse({ type: KioskCheckInResultDto })
  checkIn(
    @CurrentKiosk() kiosk: KioskPrincipal,
    @Body() dto: KioskCheckInDto,
  ): Promise<KioskCheckInResultDto> {
    return this.kiosk.checkIn(kiosk, dto);
  }
}

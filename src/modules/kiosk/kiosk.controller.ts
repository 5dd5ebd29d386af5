import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentKiosk, KioskOnly } from 'src/common/auth/auth.decorators';
import type { KioskPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import { resolveLang } from 'src/modules/eligibility/eligibility.service';
import { asLang } from 'src/modules/grievances/grievances.service';
import {
  KioskCheckInDto,
  KioskCheckInResultDto,
  KioskGrievanceInputDto,
  KioskGrievanceResultDto,
  KioskIdentificationCreatedDto,
  KioskIdentificationRequestDto,
  KioskSubmissionDto,
  KioskSubmissionResultDto,
  KioskVacancyListDto,
  KioskVisitorRecordsDto,
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

  @Post('visitor-records')
  @HttpCode(200)
  @Idempotent()
  @ApiRoute(
    'A returning visitor proves who they are as at the check-in (and is counted); the answer lists their own ' +
      'applications and placements with the vacancy title and the advertised terms, for a report to name one ' +
      '(kiosk token)',
    [400, 403, 422, 429],
  )
  @ApiOkResponse({ type: KioskVisitorRecordsDto })
  visitorRecords(
    @CurrentKiosk() kiosk: KioskPrincipal,
    @Body() dto: KioskCheckInDto,
  ): Promise<KioskVisitorRecordsDto> {
    return this.kiosk.visitorRecords(kiosk, dto);
  }
}

/** "Report a problem" at the kiosk: for a visitor who checked in, or one with no profile who registers now. */
@ApiTags('kiosk')
@Controller('v1/kiosk/grievances')
@KioskOnly()
export class KioskReportsController {
  constructor(private readonly kiosk: KioskService) {}

  @Post()
  @Idempotent()
  @ApiRoute(
    'File a grievance for a visitor of this fair: migrantId from the check-in, or a migrant block that registers ' +
      'a visitor with no profile as the apply flow does (access code in the answer and by SMS). It may name the ' +
      'visitor’s own application or placement (another person’s: 404). Urgent ones answer with help numbers ' +
      'in the visitor’s language, those of the fair’s country when no employer is named (kiosk token)',
    [400, 403, 404, 422, 429],
  )
  @ApiCreatedResponse({ type: KioskGrievanceResultDto })
  create(
    @CurrentKiosk() kiosk: KioskPrincipal,
    @Body() dto: KioskGrievanceInputDto,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<KioskGrievanceResultDto> {
    return this.kiosk.reportProblem(kiosk, dto, asLang(acceptLanguage?.split(',')[0]));
  }
}

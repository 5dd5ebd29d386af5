import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentKiosk, CurrentUser, KioskOnly, Roles } from 'src/common/auth/auth.decorators';
import type { KioskPrincipal, UserPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import {
  BookConsultationDto,
  BookedConsultationDto,
  CancelConsultationDto,
  ConsultationPersonDto,
  ConsultationOutcomeDto,
  CreateLegalAdviserDto,
  CreateLegalDeskDto,
  LegalConsultationDto,
  LegalAdviserListDto,
  LegalConsultationListDto,
  LegalDeskDto,
  LegalDeskListDto,
  RescheduleConsultationDto,
} from 'src/modules/legal-aid/legal-aid.dto';
import { LegalAidService } from 'src/modules/legal-aid/legal-aid.service';

@ApiTags('legal-aid')
@Controller('v1')
export class LegalAidController {
  constructor(private readonly legalAid: LegalAidService) {}

  @Post('legal-advisers')
  @Roles('staff', 'admin')
  @Idempotent()
  @ApiRoute('Create a legal adviser user tied to one or more fairs (staff)', [400, 403, 409])
  createAdviser(@Body() dto: CreateLegalAdviserDto) {
    return this.legalAid.createAdviser(dto);
  }

  @Get('legal-advisers')
  @Roles('staff', 'admin')
  @ApiRoute('The active legal advisers and their fairs (staff), to assign one to a grievance', [403])
  @ApiOkResponse({ type: LegalAdviserListDto })
  advisers() {
    return this.legalAid.advisers();
  }

  @Post('fairs/:id/legal-desks')
  @Roles('staff', 'admin')
  @Idempotent()
  @ApiRoute(
    'Add a legal-aid desk with consultation slots to a fair (an adviser’s slots never overlap)',
    [400, 403, 404, 409, 422],
  )
  @ApiCreatedResponse({ type: LegalDeskDto })
  createDesk(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) fairId: string,
    @Body() dto: CreateLegalDeskDto,
  ) {
    return this.legalAid.createDesk(user, fairId, dto);
  }

  @Get('fairs/:id/legal-desks')
  @Roles('staff', 'admin', 'migrant', 'legal_adviser')
  @ApiRoute('The fair’s legal-aid desks and their slots, free or taken', [400, 404])
  @ApiOkResponse({ type: LegalDeskListDto })
  desks(@Param('id', UuidPipe) fairId: string) {
    return this.legalAid.desks(fairId);
  }

  @Post('legal-consultations')
  @Roles('migrant', 'staff', 'admin')
  @Idempotent()
  @ApiRoute(
    'Book a consultation slot on a topic (the person online, or staff for a person); answers with ICS',
    [400, 403, 404, 409],
  )
  @ApiCreatedResponse({ type: BookedConsultationDto })
  book(@CurrentUser() user: UserPrincipal, @Body() dto: BookConsultationDto) {
    return this.legalAid.book(user, dto);
  }

  @Get('legal-consultations')
  @Roles('migrant', 'staff', 'admin', 'legal_adviser')
  @ApiRoute('Consultations: a person their own, an adviser their own bookings, staff all', [403])
  @ApiOkResponse({ type: LegalConsultationListDto })
  list(@CurrentUser() user: UserPrincipal) {
    return this.legalAid.list(user);
  }

  @Get('legal-consultations/:id')
  @Roles('migrant', 'staff', 'admin', 'legal_adviser')
  @ApiRoute('One consultation: the person, its adviser or staff', [400, 404])
  @ApiOkResponse({ type: LegalConsultationDto })
  get(@CurrentUser() user: UserPrincipal, @Param('id', UuidPipe) id: string) {
    return this.legalAid.get(user, id);
  }

  @Get('legal-consultations/:id/person')
  @Roles('staff', 'admin', 'legal_adviser')
  @ApiRoute(
    'The person’s eligibility facts and documents, for the booking’s own adviser (audited)',
    [400, 404],
  )
  @ApiOkResponse({ type: ConsultationPersonDto })
  person(@CurrentUser() user: UserPrincipal, @Param('id', UuidPipe) id: string) {
    return this.legalAid.person(user, id);
  }

  @Post('legal-consultations/:id/reschedule')
  @HttpCode(200)
  @Roles('migrant', 'staff', 'admin', 'legal_adviser')
  @Idempotent()
  @ApiRoute(
    'Move the booking to another free slot of the same desk (the person, the booking’s adviser or staff); ' +
      'the person is told with the updated ICS (SEQUENCE raised) and the reminder follows the new time',
    [400, 403, 404, 409],
  )
  @ApiOkResponse({ type: BookedConsultationDto })
  reschedule(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RescheduleConsultationDto,
  ) {
    return this.legalAid.reschedule(user, id, dto);
  }

  @Post('legal-consultations/:id/cancel')
  @HttpCode(200)
  @Roles('migrant', 'staff', 'admin', 'legal_adviser')
  @Idempotent()
  @ApiRoute(
    'Cancel the booking with a reason (the person, the booking’s adviser or staff); the slot is free again and ' +
      'the person is told with an ICS METHOD:CANCEL',
    [400, 403, 404, 409],
  )
  @ApiOkResponse({ type: BookedConsultationDto })
  cancel(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CancelConsultationDto,
  ) {
    return this.legalAid.cancel(user, id, dto);
  }

  @Post('legal-consultations/:id/outcome')
  @Roles('staff', 'admin', 'legal_adviser')
  @Idempotent()
  @ApiRoute('Record the outcome; optionally open a grievance for the person from it', [400, 404, 409, 422])
  @ApiCreatedResponse({ type: LegalConsultationDto })
  outcome(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ConsultationOutcomeDto,
  ) {
    return this.legalAid.recordOutcome(user, id, dto);
  }
}

@ApiTags('kiosk')
@Controller('v1/kiosk/legal-consultations')
@KioskOnly()
export class KioskLegalConsultationsController {
  constructor(private readonly legalAid: LegalAidService) {}

  @Post()
  @Idempotent()
  @ApiRoute(
    'Book a consultation at this fair’s legal desk for a visitor (migrantId from the check-in)',
    [400, 403, 404, 409],
  )
  @ApiCreatedResponse({ type: BookedConsultationDto })
  book(@CurrentKiosk() kiosk: KioskPrincipal, @Body() dto: BookConsultationDto) {
    return this.legalAid.book(kiosk, dto);
  }
}

/** The kiosk's "book a legal consultation": the desks of its own fair and their slots. */
@ApiTags('kiosk')
@Controller('v1/kiosk/legal-desks')
@KioskOnly()
export class KioskLegalDesksController {
  constructor(private readonly legalAid: LegalAidService) {}

  @Get()
  @ApiRoute('The legal-aid desks of this kiosk’s fair and their slots, free or taken (kiosk token)', [403])
  @ApiOkResponse({ type: LegalDeskListDto })
  desks(@CurrentKiosk() kiosk: KioskPrincipal) {
    return this.legalAid.desks(kiosk.fairId);
  }
}

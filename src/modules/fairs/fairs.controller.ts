import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CurrentKiosk,
  CurrentPrincipal,
  CurrentUser,
  KioskOnly,
  OpenToUnverifiedEmployers,
  Public,
  Roles,
} from 'src/common/auth/auth.decorators';
import type { KioskPrincipal, Principal, UserPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import {
  AddFairVacanciesDto,
  AddParticipantDto,
  CreateFairDto,
  FairDto,
  FairListQuery,
  FairPageDto,
  KioskCreatedDto,
  KioskDto,
  ParticipantAddedDto,
  RegisterKioskDto,
  UpdateFairDto,
} from 'src/modules/fairs/fairs.dto';
import { FairsService } from 'src/modules/fairs/fairs.service';

@ApiTags('fairs')
@Controller('v1/fairs')
export class FairsController {
  constructor(private readonly fairs: FairsService) {}

  @Post()
  @Roles('staff', 'admin')
  @Idempotent()
  @ApiRoute('Create a job fair (staff)', [400, 403])
  @ApiCreatedResponse({ type: FairDto })
  create(@CurrentUser() user: UserPrincipal, @Body() dto: CreateFairDto): Promise<FairDto> {
    return this.fairs.create(user, dto);
  }

  @Public()
  @Get()
  @ApiRoute('Job fairs with their employers and vacancies (upcoming=true: not over, not cancelled)', [400], {
    auth: false,
  })
  @ApiOkResponse({ type: FairPageDto })
  list(@Query() query: FairListQuery): Promise<FairPageDto> {
    return this.fairs.list(query);
  }

  @Public()
  @Get(':id')
  @ApiRoute('A job fair with its employers and their vacancies', [400, 404], { auth: false })
  @ApiOkResponse({ type: FairDto })
  get(@Param('id', UuidPipe) id: string): Promise<FairDto> {
    return this.fairs.detail(id);
  }

  @Patch(':id')
  @Roles('staff', 'admin')
  @ApiRoute('Edit a job fair (staff)', [400, 403, 404, 409])
  @ApiOkResponse({ type: FairDto })
  update(@Param('id', UuidPipe) id: string, @Body() dto: UpdateFairDto): Promise<FairDto> {
    return this.fairs.update(id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiRoute('Cancel a job fair (staff); its kiosks stop working', [400, 403, 404, 409])
  @ApiOkResponse({ type: FairDto })
  cancel(@Param('id', UuidPipe) id: string): Promise<FairDto> {
    return this.fairs.cancel(id);
  }

  @Post(':id/participants')
  @Roles('staff', 'admin')
  @ApiRoute('Add a verified employer to the fair (staff)', [400, 403, 404, 409])
  @ApiCreatedResponse({ type: ParticipantAddedDto })
  addParticipant(
    @Param('id', UuidPipe) id: string,
    @Body() dto: AddParticipantDto,
  ): Promise<ParticipantAddedDto> {
    return this.fairs.addParticipant(id, dto.employerId.toLowerCase(), dto.booth?.trim() ?? null);
  }

  @OpenToUnverifiedEmployers()
  @Post(':id/vacancies')
  @HttpCode(200)
  @Roles('employer', 'staff', 'admin')
  @ApiRoute('Bring published vacancies of a participating employer to the fair', [400, 403, 404, 409])
  @ApiOkResponse({ type: FairDto })
  addVacancies(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: AddFairVacanciesDto,
  ): Promise<FairDto> {
    return this.fairs.addVacancies(
      principal,
      id,
      dto.vacancyIds.map((v) => v.toLowerCase()),
    );
  }

  @Post(':id/kiosks')
  @Roles('staff', 'admin')
  @ApiRoute('Register a kiosk; its token is shown only in this answer', [400, 403, 404, 409])
  @ApiCreatedResponse({ type: KioskCreatedDto })
  registerKiosk(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RegisterKioskDto,
  ): Promise<KioskCreatedDto> {
    return this.fairs.registerKiosk(user, id, dto.label);
  }

  @Get(':id/kiosks')
  @Roles('staff', 'admin')
  @ApiRoute('The kiosks of a fair (without tokens)', [400, 403, 404])
  @ApiOkResponse({ type: [KioskDto] })
  kiosks(@Param('id', UuidPipe) id: string): Promise<KioskDto[]> {
    return this.fairs.kiosks(id);
  }

  @Delete(':id/kiosks/:kioskId')
  @HttpCode(204)
  @Roles('staff', 'admin')
  @ApiRoute('Revoke a kiosk token', [400, 403, 404])
  @ApiNoContentResponse()
  async revokeKiosk(
    @Param('id', UuidPipe) id: string,
    @Param('kioskId', UuidPipe) kioskId: string,
  ): Promise<void> {
    await this.fairs.revokeKiosk(id, kioskId);
  }
}

@ApiTags('kiosk')
@Controller('v1/kiosk')
export class KioskController {
  constructor(private readonly fairs: FairsService) {}

  @Get('fair')
  @KioskOnly()
  @ApiRoute('The fair this kiosk serves (kiosk token)', [403])
  @ApiOkResponse({ type: FairDto })
  fair(@CurrentKiosk() kiosk: KioskPrincipal): Promise<FairDto> {
    return this.fairs.detail(kiosk.fairId);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, OpenToUnverifiedEmployers, Roles } from 'src/common/auth/auth.decorators';
import type { Principal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import {
  BookInterviewDto,
  CancelInterviewDto,
  CreateSlotsDto,
  InterviewDto,
  InterviewListDto,
  InterviewOutcomeDto,
  RescheduleInterviewDto,
  SlotListDto,
  SlotListQuery,
} from 'src/modules/interviews/interviews.dto';
import { InterviewsService } from 'src/modules/interviews/interviews.service';

@ApiTags('interviews')
@Controller('v1/vacancies')
export class InterviewSlotsController {
  constructor(private readonly interviews: InterviewsService) {}

  @OpenToUnverifiedEmployers()
  @Post(':id/interview-slots')
  @Roles('employer', 'staff', 'admin')
  @Idempotent()
  @ApiRoute('Publish interview slots of a vacancy (owning employer or staff)', [400, 403, 404, 409, 422])
  @ApiCreatedResponse({ type: SlotListDto })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateSlotsDto,
  ): Promise<SlotListDto> {
    return this.interviews.createSlots(principal, id, dto);
  }

  @OpenToUnverifiedEmployers()
  @Get(':id/interview-slots')
  @ApiRoute('Interview slots of a vacancy (available=true: free and not started)', [400, 404])
  @ApiOkResponse({ type: SlotListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: SlotListQuery,
  ): Promise<SlotListDto> {
    return { items: await this.interviews.listSlots(principal, id, query.available === true) };
  }
}

@ApiTags('interviews')
@Controller('v1/applications')
export class ApplicationInterviewsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Post(':id/interview')
  @Idempotent()
  @ApiRoute(
    'Book an interview slot for an application (the candidate, the employer or staff)',
    [400, 404, 409, 422],
  )
  @ApiCreatedResponse({ type: InterviewDto })
  book(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: BookInterviewDto,
  ): Promise<InterviewDto> {
    return this.interviews.book(principal, id, dto.slotId);
  }

  @Get(':id/interviews')
  @ApiRoute('Interviews of an application, oldest first', [400, 404])
  @ApiOkResponse({ type: InterviewListDto })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<InterviewListDto> {
    return { items: await this.interviews.listForApplication(principal, id) };
  }
}

@ApiTags('interviews')
@Controller('v1/interviews')
export class InterviewsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Get(':id')
  @ApiRoute('An interview (the candidate, the employer or staff)', [400, 404])
  @ApiOkResponse({ type: InterviewDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<InterviewDto> {
    return this.interviews.get(principal, id);
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @Idempotent()
  @ApiRoute(
    'Move an interview to another slot of the vacancy; sends an updated invitation',
    [400, 404, 409, 422],
  )
  @ApiOkResponse({ type: InterviewDto })
  reschedule(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RescheduleInterviewDto,
  ): Promise<InterviewDto> {
    return this.interviews.reschedule(principal, id, dto.slotId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Idempotent()
  @ApiRoute('Cancel an interview; the application returns to the shortlist', [400, 404, 409])
  @ApiOkResponse({ type: InterviewDto })
  cancel(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CancelInterviewDto,
  ): Promise<InterviewDto> {
    return this.interviews.cancel(principal, id, dto.reason);
  }

  @Post(':id/outcome')
  @HttpCode(200)
  @Roles('employer', 'staff', 'admin')
  @Idempotent()
  @ApiRoute(
    'Record attendance and result (employer or staff); attended=false records a no-show',
    [400, 403, 404, 409],
  )
  @ApiOkResponse({ type: InterviewDto })
  outcome(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: InterviewOutcomeDto,
  ): Promise<InterviewDto> {
    return this.interviews.outcome(principal, id, dto);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { funnelCsv, funnelXlsx } from 'src/modules/recruitment/recruitment-funnel';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, CurrentUser, Roles } from 'src/common/auth/auth.decorators';
import type { Principal, UserPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import {
  CreateRecruitmentOrderDto,
  FunnelDto,
  FunnelQuery,
  MoveRecruitDto,
  OfferDto,
  OfferQuery,
  OrderListQuery,
  PipelineDto,
  RecruitDto,
  RecruitmentOrderDto,
  RecruitmentOrderListDto,
  SelectRecruitDto,
} from 'src/modules/recruitment/recruitment.dto';
import { RecruitmentService } from 'src/modules/recruitment/recruitment.service';

@ApiTags('recruitment')
@Controller('v1/recruitment')
export class RecruitmentController {
  constructor(private readonly recruitment: RecruitmentService) {}

  @Get('funnel')
  @Roles('staff', 'admin')
  @ApiRoute(
    'Recruits who reached each journey step, by order, citizenship, gender or origin region',
    [400, 403],
  )
  @ApiOkResponse({ type: FunnelDto, description: 'JSON; format=csv or xlsx gives the same rows as a file' })
  async funnel(@Query() query: FunnelQuery, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const groupBy = query.groupBy ?? 'order';
    const rows = await this.recruitment.funnel(groupBy);
    const format = query.format ?? 'json';
    if (format === 'json') return reply.send({ groupBy, rows });
    const xlsx = format === 'xlsx';
    return reply
      .header(
        'content-type',
        xlsx
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv; charset=utf-8',
      )
      .header('content-disposition', `attachment; filename="recruitment-funnel-${groupBy}.${format}"`)
      .header('cache-control', 'no-store')
      .send(xlsx ? funnelXlsx(rows) : funnelCsv(rows));
  }

  @Post('orders')
  @Roles('employer', 'staff', 'admin')
  @ApiRoute('Place a recruitment order (employer pays every cost)', [400, 403, 404, 422])
  @ApiOkResponse({ type: RecruitmentOrderDto })
  create(
    @CurrentUser() user: UserPrincipal,
    @Body() dto: CreateRecruitmentOrderDto,
  ): Promise<RecruitmentOrderDto> {
    return this.recruitment.createOrder(user, dto);
  }

  @Get('orders')
  @Roles('employer', 'staff', 'admin')
  @ApiRoute('Recruitment orders, newest first: every one for staff, its own for an employer', [400, 403])
  @ApiOkResponse({ type: RecruitmentOrderListDto })
  async list(
    @CurrentUser() user: UserPrincipal,
    @Query() query: OrderListQuery,
  ): Promise<RecruitmentOrderListDto> {
    return { items: await this.recruitment.listOrders(user, query.status) };
  }

  @Post('orders/:id/approve')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiRoute('Approve a recruitment order (staff)', [404, 409])
  @ApiOkResponse({ type: RecruitmentOrderDto })
  approve(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
  ): Promise<RecruitmentOrderDto> {
    return this.recruitment.approve(user, id);
  }

  @Post('orders/:id/recruits')
  @Roles('employer', 'staff', 'admin')
  @ApiRoute('Select a candidate for an approved order', [400, 404, 409, 422])
  @ApiOkResponse({ type: RecruitDto })
  select(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: SelectRecruitDto,
  ): Promise<RecruitDto> {
    return this.recruitment.select(user, id, dto.migrantId.toLowerCase());
  }

  @Get('orders/:id/pipeline')
  @Roles('employer', 'staff', 'admin')
  @ApiRoute('The order’s recruits and where each is on the journey', [404])
  @ApiOkResponse({ type: PipelineDto })
  pipeline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<PipelineDto> {
    return this.recruitment.pipeline(principal, id);
  }

  @Get('recruits/:id')
  @Roles('migrant', 'employer', 'staff', 'admin')
  @ApiRoute('A recruit’s journey: the steps so far and the interview on both clocks', [400, 404])
  @ApiOkResponse({ type: RecruitDto })
  recruit(@CurrentUser() user: UserPrincipal, @Param('id', UuidPipe) id: string): Promise<RecruitDto> {
    return this.recruitment.getRecruit(user, id);
  }

  @Get('recruits/:id/offer')
  @Roles('migrant', 'employer', 'staff', 'admin')
  @ApiRoute('The conditional offer: the advertised terms in the person’s language', [400, 404])
  @ApiOkResponse({ type: OfferDto })
  offer(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Query() query: OfferQuery,
  ): Promise<OfferDto> {
    return this.recruitment.offer(user, id, query.lang ?? 'ru');
  }

  @Post('recruits/:id/steps')
  @HttpCode(200)
  @Roles('migrant', 'employer', 'staff', 'admin')
  @ApiRoute('Record the next journey step, or dropped with a reason (illegal step: 409)', [400, 404, 409])
  @ApiOkResponse({ type: RecruitDto })
  move(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: MoveRecruitDto,
  ): Promise<RecruitDto> {
    return this.recruitment.move(user, id, dto);
  }
}

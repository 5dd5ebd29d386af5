import { RateLimits } from 'src/common/http/rate-limits';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Ip } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CurrentPrincipal,
  CurrentUser,
  OpenToUnverifiedEmployers,
  Public,
  Roles,
} from 'src/common/auth/auth.decorators';
import type { Principal, UserPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import {
  EmployerDto,
  EmployerListQuery,
  EmployerPageDto,
  EmployerRegisteredDto,
  RegisterEmployerDto,
  RejectEmployerDto,
  UpdateEmployerDto,
} from 'src/modules/employers/employers.dto';
import { EmployersService } from 'src/modules/employers/employers.service';

@ApiTags('employers')
@Controller('v1/employers')
export class EmployersController {
  constructor(
    private readonly employers: EmployersService,
    private readonly limits: RateLimits,
  ) {}

  @Public()
  @Post()
  @Idempotent()
  @ApiRoute('Register an employer and its user (pending until staff verify it)', [400, 409, 429], {
    auth: false,
  })
  @ApiCreatedResponse({ type: EmployerRegisteredDto })
  async register(@Body() dto: RegisterEmployerDto, @Ip() clientIp: string): Promise<EmployerRegisteredDto> {
    // Registration hashes a password with scrypt: a per-address limit keeps one script from taking the CPU.
    await this.limits.hit('registerPerIp', clientIp, 'registrations from this address');
    return this.employers.register(dto);
  }

  @Get()
  @Roles('staff', 'admin')
  @ApiRoute('List employers, e.g. the verification queue (?status=pending)', [400, 403])
  @ApiOkResponse({ type: EmployerPageDto })
  list(@Query() query: EmployerListQuery): Promise<EmployerPageDto> {
    return this.employers.list(query);
  }

  @OpenToUnverifiedEmployers()
  @Get(':id')
  @ApiRoute('An employer (its own users and staff only)', [400, 404])
  @ApiOkResponse({ type: EmployerDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<EmployerDto> {
    return this.employers.get(principal, id);
  }

  @OpenToUnverifiedEmployers()
  @Patch(':id')
  @Roles('employer', 'staff', 'admin')
  @ApiRoute('Edit an employer (its own users and staff only)', [400, 403, 404])
  @ApiOkResponse({ type: EmployerDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateEmployerDto,
  ): Promise<EmployerDto> {
    return this.employers.update(principal, id, dto);
  }

  @Post(':id/verify')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiRoute('Verify an employer (staff)', [400, 403, 404, 409])
  @ApiOkResponse({ type: EmployerDto })
  verify(@CurrentUser() user: UserPrincipal, @Param('id', UuidPipe) id: string): Promise<EmployerDto> {
    return this.employers.verify(user, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('staff', 'admin')
  @ApiRoute('Reject an employer with a reason (staff)', [400, 403, 404, 409])
  @ApiOkResponse({ type: EmployerDto })
  reject(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RejectEmployerDto,
  ): Promise<EmployerDto> {
    return this.employers.reject(user, id, dto.reason);
  }
}

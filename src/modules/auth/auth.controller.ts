import { Body, Ip, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, OpenToUnverifiedEmployers, Public, Roles } from 'src/common/auth/auth.decorators';
import type { Principal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import {
  ChangePasswordDto,
  CreateStaffDto,
  LoginDto,
  MeDto,
  StaffCreatedDto,
  TokenDto,
} from 'src/modules/auth/auth.dto';
import { AuthService } from 'src/modules/auth/auth.service';

@ApiTags('auth')
@Controller('v1')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiRoute('Log in with email or phone and a password (or phone and a kiosk access code)', [400, 401, 429], {
    auth: false,
  })
  @ApiOkResponse({ type: TokenDto })
  login(@Body() dto: LoginDto, @Ip() clientIp: string): Promise<TokenDto> {
    return this.auth.login(dto, clientIp);
  }

  @OpenToUnverifiedEmployers()
  @Get('auth/me')
  @ApiRoute('Who the token belongs to', [])
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): Promise<MeDto> {
    return this.auth.me(principal);
  }

  @OpenToUnverifiedEmployers()
  @Post('me/password')
  @HttpCode(204)
  @ApiRoute(
    'Set or change one’s password (a kiosk visitor logged in with an access code sets a first one)',
    [400, 401, 403],
  )
  async changePassword(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: ChangePasswordDto,
  ): Promise<void> {
    await this.auth.changePassword(principal, dto);
  }

  @Post('staff')
  @Roles('admin')
  @ApiRoute('Create a labour department staff user (admin only)', [400, 403, 409])
  @ApiCreatedResponse({ type: StaffCreatedDto })
  createStaff(@Body() dto: CreateStaffDto): Promise<StaffCreatedDto> {
    return this.auth.createStaff(dto);
  }
}

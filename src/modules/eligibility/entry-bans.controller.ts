import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from 'src/common/auth/auth.decorators';
import type { Principal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { EntryBanDto, EntryBanListDto, RecordEntryBanDto } from 'src/modules/eligibility/entry-bans.dto';
import { EntryBansService } from 'src/modules/eligibility/entry-bans.service';

@ApiTags('eligibility')
@Controller('v1/migrants/:id/entry-bans')
export class EntryBansController {
  constructor(private readonly bans: EntryBansService) {}

  @Post()
  @ApiRoute('Record an entry ban the person declared or staff checked (personal data)', [400, 403, 404])
  @ApiOkResponse({ type: EntryBanDto })
  record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RecordEntryBanDto,
  ): Promise<EntryBanDto> {
    return this.bans.record(principal, id, dto);
  }

  @Get()
  @ApiRoute('The person’s entry bans: the person and staff only; every read is audited', [404])
  @ApiOkResponse({ type: EntryBanListDto })
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<EntryBanListDto> {
    return this.bans.list(principal, id);
  }

  @Delete(':banId')
  @HttpCode(204)
  @ApiRoute('Lift an entry ban (staff)', [403, 404])
  async lift(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('banId', UuidPipe) banId: string,
  ): Promise<void> {
    await this.bans.lift(principal, id, banId);
  }
}

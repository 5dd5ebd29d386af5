import { RateLimits } from 'src/common/http/rate-limits';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req, Ip } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentPrincipal, CurrentUser, Public, Roles } from 'src/common/auth/auth.decorators';
import type { Principal, UserPrincipal } from 'src/common/auth/principal';
import { ApiRoute } from 'src/common/http/api-docs.decorators';
import { PageQuery } from 'src/common/http/pagination';
import { UuidPipe } from 'src/common/http/uuid.pipe';
import { Idempotent } from 'src/common/idempotency/idempotency.interceptor';
import {
  CreateDocumentDto,
  DocumentDto,
  DocumentListDto,
  DocumentQueryDto,
  DuplicatePageDto,
  ErasureResultDto,
  MergeMigrantDto,
  MergeResultDto,
  MigrantCreatedDto,
  MigrantDto,
  RegisterMigrantDto,
  UpdateDocumentDto,
  UpdateMigrantDto,
} from 'src/modules/migrants/migrants.dto';
import { MigrantsService } from 'src/modules/migrants/migrants.service';

@ApiTags('migrants')
@Controller('v1/migrants')
export class MigrantsController {
  constructor(
    private readonly migrants: MigrantsService,
    private readonly limits: RateLimits,
  ) {}

  @Public()
  @Post()
  @Idempotent()
  @ApiRoute('Register online: profile, consent and a phone login', [400, 409, 429], { auth: false })
  @ApiCreatedResponse({ type: MigrantCreatedDto })
  async register(@Body() dto: RegisterMigrantDto, @Ip() clientIp: string): Promise<MigrantCreatedDto> {
    // Registration hashes a password with scrypt: a per-address limit keeps one script from taking the CPU.
    await this.limits.hit('registerPerIp', clientIp, 'registrations from this address');
    return this.migrants.register(dto);
  }

  @Get('duplicates')
  @Roles('staff', 'admin')
  @ApiRoute('Possible duplicate profiles awaiting staff review', [400, 403])
  @ApiOkResponse({ type: DuplicatePageDto })
  duplicates(@Query() query: PageQuery): Promise<DuplicatePageDto> {
    return this.migrants.listDuplicates(query);
  }

  @Get(':id')
  @ApiRoute('A migrant profile (self, staff, or an employer the person is visible to)', [400, 404])
  @ApiOkResponse({ type: MigrantDto })
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<MigrantDto> {
    return this.migrants.get(principal, id);
  }

  @Patch(':id')
  @ApiRoute('Change a profile (self or staff); a consent change is recorded', [400, 404, 409])
  @ApiOkResponse({ type: MigrantDto })
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateMigrantDto,
  ): Promise<MigrantDto> {
    return this.migrants.update(principal, id, dto);
  }

  @Post(':id/merge')
  @Roles('staff', 'admin')
  @HttpCode(200)
  @ApiRoute('Merge a duplicate into another profile (staff)', [400, 403, 404])
  @ApiOkResponse({ type: MergeResultDto })
  merge(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: MergeMigrantDto,
  ): Promise<MergeResultDto> {
    return this.migrants.merge(user, id, dto.intoId.toLowerCase());
  }

  @Post(':id/erase')
  @HttpCode(200)
  @ApiRoute('Withdraw consent and anonymise the person (self or staff)', [400, 404])
  @ApiOkResponse({ type: ErasureResultDto })
  erase(@CurrentUser() user: UserPrincipal, @Param('id', UuidPipe) id: string): Promise<ErasureResultDto> {
    return this.migrants.erase(user, id);
  }

  @Get(':id/documents')
  @ApiRoute('The person’s documents, numbers masked (self or staff)', [400, 404])
  @ApiOkResponse({ type: DocumentListDto })
  listDocuments(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
  ): Promise<DocumentListDto> {
    return this.migrants.listDocuments(principal, id);
  }

  @Post(':id/documents')
  @Idempotent()
  @ApiRoute('Add a document; its number is stored encrypted (self or staff)', [400, 404])
  @ApiCreatedResponse({ type: DocumentDto })
  createDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateDocumentDto,
  ): Promise<DocumentDto> {
    return this.migrants.createDocument(principal, id, dto);
  }

  @Get(':id/documents/:docId')
  @ApiRoute('One document; staff may reveal the number with a reason (audited)', [400, 403, 404])
  @ApiOkResponse({ type: DocumentDto })
  getDocument(
    @CurrentUser() user: UserPrincipal,
    @Param('id', UuidPipe) id: string,
    @Param('docId', UuidPipe) docId: string,
    @Query() query: DocumentQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<DocumentDto> {
    return this.migrants.getDocument(user, id, docId, {
      reveal: query.reveal === 'true',
      reason: query.reason,
      requestId: String(request.id),
    });
  }

  @Patch(':id/documents/:docId')
  @ApiRoute('Change a document (self or staff)', [400, 404])
  @ApiOkResponse({ type: DocumentDto })
  updateDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('docId', UuidPipe) docId: string,
    @Body() dto: UpdateDocumentDto,
  ): Promise<DocumentDto> {
    return this.migrants.updateDocument(principal, id, docId, dto);
  }

  @Delete(':id/documents/:docId')
  @HttpCode(204)
  @ApiRoute('Delete a document (self or staff)', [400, 404])
  @ApiNoContentResponse()
  deleteDocument(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Param('docId', UuidPipe) docId: string,
  ): Promise<void> {
    return this.migrants.deleteDocument(principal, id, docId);
  }
}

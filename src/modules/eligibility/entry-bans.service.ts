import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PiiCipher } from 'src/common/crypto/pii-cipher';
import { Principal, isStaff } from 'src/common/auth/principal';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { isIsoDate } from 'src/modules/eligibility/eligibility.dates';
import { EligibilityService } from 'src/modules/eligibility/eligibility.service';
import { EntryBanDto, RecordEntryBanDto } from 'src/modules/eligibility/entry-bans.dto';
import { EntryBanRow, EntryBansRepository } from 'src/modules/eligibility/entry-bans.repository';
import { MigrantsService } from 'src/modules/migrants/migrants.service';
import { inTransaction } from 'src/database/transaction';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Entry bans a person declares or staff check. They are personal data: the note is encrypted, every read and
 * change is on the audit trail, and only the person and staff see them (an employer never does).
 */
@Injectable()
export class EntryBansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bans: EntryBansRepository,
    private readonly migrants: MigrantsService,
    private readonly eligibility: EligibilityService,
    private readonly cipher: PiiCipher,
  ) {}

  async record(
    principal: Principal | undefined,
    migrantId: string,
    dto: RecordEntryBanDto,
  ): Promise<EntryBanDto> {
    const actor = await this.selfOrStaff(principal, migrantId);
    if (!isIsoDate(dto.until))
      throw ValidationError.field('until', 'must be an existing date written YYYY-MM-DD');
    if (dto.source === 'checked' && !actor.staff) {
      throw new DomainError(ErrorCode.Forbidden, 'Only staff may record a ban they checked');
    }
    if (!this.eligibility.coversEntryBans(dto.hostCountry)) {
      throw ValidationError.field(
        'hostCountry',
        `no rule set of ${dto.hostCountry} says how an entry ban applies`,
      );
    }
    const note = dto.note?.trim() || null;
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.bans.insert(manager, {
        migrantId,
        hostCountry: dto.hostCountry,
        until: dto.until,
        source: dto.source,
        noteEncrypted: note ? this.cipher.encrypt(note) : null,
        recordedBy: actor.userId,
      });
      await this.bans.writeAudit(manager, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'entry_ban.record',
        subjectId: migrantId,
        details: { entryBanId: row.id, hostCountry: dto.hostCountry, source: dto.source },
      });
      return this.view(row, note);
    });
  }

  async list(principal: Principal | undefined, migrantId: string): Promise<{ items: EntryBanDto[] }> {
    const actor = await this.selfOrStaff(principal, migrantId);
    const rows = await this.bans.listOfMigrant(migrantId);
    await inTransaction(this.dataSource, (manager) =>
      this.bans.writeAudit(manager, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'entry_ban.read',
        subjectId: migrantId,
        details: { count: rows.length },
      }),
    );
    return {
      items: rows.map((r) => this.view(r, r.note_encrypted ? this.cipher.decrypt(r.note_encrypted) : null)),
    };
  }

  /** Staff lift a ban that was challenged successfully or recorded by mistake; the record stays. */
  async lift(principal: Principal | undefined, migrantId: string, banId: string): Promise<void> {
    const actor = await this.selfOrStaff(principal, migrantId);
    if (!actor.staff) throw new DomainError(ErrorCode.Forbidden, 'Only staff may lift an entry ban');
    await inTransaction(this.dataSource, async (manager) => {
      if (!(await this.bans.lift(manager, migrantId, banId, actor.userId!)))
        throw new NotFoundError('Entry ban');
      await this.bans.writeAudit(manager, {
        actorId: actor.userId,
        actorRole: actor.role,
        action: 'entry_ban.lift',
        subjectId: migrantId,
        details: { entryBanId: banId },
      });
    });
  }

  private async selfOrStaff(principal: Principal | undefined, migrantId: string) {
    await this.migrants.assertCanView(principal, migrantId);
    const staff = isStaff(principal);
    const self =
      principal?.kind === 'user' && principal.role === 'migrant' && principal.migrantId === migrantId;
    if (principal?.kind !== 'user' || !(staff || self)) throw new NotFoundError('Migrant');
    return { userId: principal.userId, role: principal.role, staff };
  }

  private view(r: EntryBanRow, note: string | null): EntryBanDto {
    return {
      id: r.id,
      hostCountry: r.host_country,
      until: r.until_date,
      source: r.source,
      note,
      running: !r.lifted_at && r.until_date >= today(),
      liftedAt: r.lifted_at?.toISOString() ?? null,
      createdAt: new Date(r.created_at).toISOString(),
    };
  }
}

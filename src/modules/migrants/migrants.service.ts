import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, UserPrincipal, isStaff } from 'src/common/auth/principal';
import { RetentionService } from 'src/modules/retention/retention.service';
import { PiiCipher } from 'src/common/crypto/pii-cipher';
import { hashPassword } from 'src/common/crypto/password';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { PageQuery, pageOf } from 'src/common/http/pagination';
import { answerInTransaction } from 'src/common/idempotency/idempotency.context';
import { nameSimilarity, personNameKey } from 'src/common/text/transliterate';
import { normalizePhone } from 'src/common/validation/phone';
import { OutboxService } from 'src/database/outbox.service';
import { inTransaction } from 'src/database/transaction';
import { JobName } from 'src/queue/queue.constants';
import { DocumentType, MigrationCardPurpose } from 'src/modules/eligibility/eligibility.types';
import {
  Gender,
  MigrantDocumentEntity,
  MigrantEntity,
  MigrantLanguage,
  MigrantOccupation,
  MigrantSource,
} from 'src/modules/migrants/migrant.entity';
import {
  CreateDocumentDto,
  DocumentDto,
  DuplicateDto,
  MigrantDto,
  RegisterMigrantDto,
  UpdateDocumentDto,
  UpdateMigrantDto,
} from 'src/modules/migrants/migrants.dto';
import { DuplicateRow, MigrantsRepository, NewRegistration } from 'src/modules/migrants/migrants.repository';
import type { MigrantEligibilityFacts } from 'src/modules/migrants/migrants.types';
import { UserRepository } from 'src/modules/users/user.repository';
import { eraseGrievancesOf } from 'src/modules/grievances/grievance-erasure';

/** Names this similar (0..1) with the same birth date go to staff review as possible duplicates. */
const NAME_DUPLICATE_THRESHOLD = 0.85;

/** What a profile is created from, online or at a kiosk. `phone` may be in any format normalizePhone accepts. */
export interface MigrantProfileInput {
  fullName: string;
  fullNameLatin?: string | null;
  /** Null only for a kiosk visitor who reports a problem without giving it. */
  birthDate: string | null;
  gender: Gender;
  citizenship: string;
  phone: string;
  email?: string | null;
  preferredLanguage: string;
  languages?: MigrantLanguage[] | null;
  occupations?: MigrantOccupation[] | null;
  desiredRegions?: string[] | null;
  availableFrom?: string | null;
  needsHousing?: boolean | null;
  expectedMonthlySalary?: { amount: number; currency: string } | null;
  consent: { dataProcessing: boolean; visibleToEmployers: boolean; version: string };
}

type Access = 'full' | 'employer';

@Injectable()
export class MigrantsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly migrants: MigrantsRepository,
    private readonly users: UserRepository,
    private readonly outbox: OutboxService,
    private readonly cipher: PiiCipher,
    private readonly retention: RetentionService,
  ) {}

  // --- registration ---

  /**
   * Online registration: a profile plus a phone login. The same phone and birth date again is the same person,
   * who already has a login, so it is a 409 (log in instead) rather than a second profile.
   */
  async register(dto: RegisterMigrantDto): Promise<{ id: string }> {
    const phone = this.phone(dto.phone);
    const passwordHash = await hashPassword(dto.password);
    return inTransaction(this.dataSource, async (manager) => {
      const { migrantId, reused } = await this.registerOrReuse(manager, { ...dto, phone }, 'online');
      if (reused) {
        throw new DomainError(
          ErrorCode.Conflict,
          'A profile with this phone and birth date exists already: log in, or ask staff to restore access',
        );
      }
      const taken = await manager.query(`SELECT 1 FROM users WHERE phone = $1`, [phone]);
      if (taken.length) throw new DomainError(ErrorCode.Conflict, 'This phone number is registered already');
      await this.users.insert(manager, {
        phone,
        passwordHash,
        role: 'migrant',
        displayName: dto.fullName,
        migrantId,
        // Messages to the person follow the language they chose, as the kiosk's logins do.
        preferredLanguage: dto.preferredLanguage,
      });
      return answerInTransaction(manager, { id: migrantId });
    });
  }

  /**
   * Finds the person by exact phone and birth date, or creates the profile; a new profile whose name (in any
   * script) and birth date resemble another goes to the staff duplicate review. Creates no login.
   */
  async registerOrReuse(
    manager: EntityManager,
    input: MigrantProfileInput,
    source: MigrantSource,
    fairId?: string,
    options: { reuse?: boolean } = {},
  ): Promise<{ migrantId: string; reused: boolean }> {
    if (!input.consent?.dataProcessing) {
      throw ValidationError.field('consent.dataProcessing', 'must be true: no profile without consent');
    }
    const phone = this.phone(input.phone);
    // Serialises concurrent registrations of the same person (a kiosk double tap, a retry).
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [
      `migrant:${phone}:${input.birthDate}`,
    ]);
    // Everyone born that day, the same phone first: the same person is reused, similar names are flagged.
    const peers = input.birthDate
      ? await this.migrants.findActiveBornOn(manager, input.birthDate, phone)
      : [];
    // Without `reuse` (a kiosk visitor who did not prove who they are) the same phone and birth date make a new
    // profile, flagged below as a duplicate for staff, instead of writing into that person's.
    const existing = peers.find((p) => p.phone === phone);
    if (existing && options.reuse !== false) return { migrantId: existing.id, reused: true };

    const migrant: NewRegistration['migrant'] = {
      id: randomUUID(),
      fullName: input.fullName.trim(),
      fullNameLatin: input.fullNameLatin?.trim() || null,
      nameKey: personNameKey(input.fullName),
      birthDate: input.birthDate,
      gender: input.gender,
      citizenship: input.citizenship,
      phone,
      email: input.email ? input.email.toLowerCase() : null,
      preferredLanguage: input.preferredLanguage,
      languages: (input.languages ?? []).map((l) => ({ code: l.code, level: l.level })),
      occupations: (input.occupations ?? []).map((o) => ({ code: o.code, years: o.years })),
      desiredRegions: [...new Set(input.desiredRegions ?? [])],
      availableFrom: input.availableFrom ?? null,
      needsHousing: input.needsHousing ?? null,
      expectedSalaryAmount: input.expectedMonthlySalary ? String(input.expectedMonthlySalary.amount) : null,
      expectedSalaryCurrency: input.expectedMonthlySalary?.currency ?? null,
      visibleToEmployers: input.consent.visibleToEmployers,
      consentVersion: input.consent.version,
      source,
      fairId: fairId ?? null,
    };
    const duplicates = nameDuplicates(
      migrant,
      peers.map((p) => ({
        id: p.id,
        fullName: p.full_name,
        fullNameLatin: p.full_name_latin,
        phone: p.phone,
      })),
    );
    await this.migrants.insertRegistration(manager, { migrant, duplicates }, (params) =>
      this.outbox.insertSql(params, [
        { job: JobName.SearchIndexMigrant, payload: { migrantId: migrant.id } },
      ]),
    );
    return { migrantId: migrant.id, reused: false };
  }

  private async flagNameDuplicates(manager: EntityManager, migrant: MigrantEntity): Promise<void> {
    if (!migrant.birthDate || !migrant.fullName) return;
    const others = await this.migrants.findActiveByBirthDate(manager, migrant.birthDate, migrant.id);
    for (const d of nameDuplicates(migrant, others)) {
      await this.migrants.addDuplicate(manager, migrant.id, d.otherId, d.reason, d.score);
    }
  }

  // --- profile ---

  async get(principal: Principal | undefined, id: string): Promise<MigrantDto> {
    const migrant = await this.migrants.findById(id);
    const access = await this.access(principal, migrant);
    if (access === 'full') return this.fullView(migrant!);
    const employerId = (principal as UserPrincipal).employerId!;
    const engaged = await this.migrants.employerHasActiveRelation(employerId, id);
    return this.employerView(migrant!, engaged);
  }

  /** Whether an employer has an application of the person under way, or employs them now. */
  employerEngagedWith(employerId: string, migrantId: string): Promise<boolean> {
    return this.migrants.employerHasActiveRelation(employerId, migrantId);
  }

  /** Self, staff, or an employer allowed by consent or application; everyone else gets 404. */
  async assertCanView(principal: Principal | undefined, id: string): Promise<MigrantEntity> {
    const migrant = await this.migrants.findById(id);
    await this.access(principal, migrant);
    return migrant!;
  }

  private async access(principal: Principal | undefined, migrant: MigrantEntity | null): Promise<Access> {
    if (!migrant || !principal || principal.kind !== 'user') throw new NotFoundError('Migrant');
    if (isStaff(principal)) return 'full';
    if (migrant.status !== 'active') throw new NotFoundError('Migrant');
    if (principal.role === 'migrant' && principal.migrantId === migrant.id) return 'full';
    if (principal.role === 'employer' && principal.employerId) {
      if (await this.migrants.employerMayView(principal.employerId, migrant.id)) return 'employer';
    }
    throw new NotFoundError('Migrant');
  }

  /** Only the person and staff may change the profile or its documents. */
  private async ownerOrStaff(
    principal: Principal | undefined,
    id: string,
    manager?: EntityManager,
  ): Promise<MigrantEntity> {
    const migrant = manager
      ? await this.migrants.findByIdForUpdate(manager, id)
      : await this.migrants.findById(id);
    const self = principal?.kind === 'user' && principal.role === 'migrant' && principal.migrantId === id;
    if (!migrant || migrant.status !== 'active' || !(self || isStaff(principal))) {
      throw new NotFoundError('Migrant');
    }
    return migrant;
  }

  async update(principal: Principal | undefined, id: string, dto: UpdateMigrantDto): Promise<MigrantDto> {
    const updated = await inTransaction(this.dataSource, async (manager) => {
      const migrant = await this.ownerOrStaff(principal, id, manager);
      const patch: Partial<MigrantEntity> = {};
      if (dto.fullName !== undefined) {
        patch.fullName = dto.fullName.trim();
        patch.nameKey = personNameKey(dto.fullName);
      }
      if (dto.fullNameLatin !== undefined) patch.fullNameLatin = dto.fullNameLatin?.trim() || null;
      if (dto.birthDate !== undefined) patch.birthDate = dto.birthDate;
      if (dto.gender !== undefined) patch.gender = dto.gender;
      if (dto.citizenship !== undefined) patch.citizenship = dto.citizenship;
      if (dto.email !== undefined) patch.email = dto.email ? dto.email.toLowerCase() : null;
      if (dto.preferredLanguage !== undefined) {
        patch.preferredLanguage = dto.preferredLanguage;
        const user = await this.users.findByMigrantId(id);
        if (user) await this.users.update(manager, user.id, { preferredLanguage: dto.preferredLanguage });
      }
      if (dto.grievanceChannel !== undefined) patch.grievanceChannel = dto.grievanceChannel ?? null;
      if (dto.languages !== undefined) {
        patch.languages = (dto.languages ?? []).map((l) => ({ code: l.code, level: l.level }));
      }
      if (dto.occupations !== undefined) {
        patch.occupations = (dto.occupations ?? []).map((o) => ({ code: o.code, years: o.years }));
      }
      if (dto.desiredRegions !== undefined) patch.desiredRegions = [...new Set(dto.desiredRegions ?? [])];
      if (dto.availableFrom !== undefined) patch.availableFrom = dto.availableFrom ?? null;
      if (dto.needsHousing !== undefined) patch.needsHousing = dto.needsHousing ?? null;
      if (dto.expectedMonthlySalary !== undefined) {
        patch.expectedSalaryAmount = dto.expectedMonthlySalary
          ? String(dto.expectedMonthlySalary.amount)
          : null;
        patch.expectedSalaryCurrency = dto.expectedMonthlySalary?.currency ?? null;
      }
      if (dto.phone !== undefined) {
        patch.phone = this.phone(dto.phone);
        const user = await this.users.findByMigrantId(id);
        if (user && user.phone !== patch.phone) {
          const taken = await manager.query(`SELECT 1 FROM users WHERE phone = $1 AND id <> $2`, [
            patch.phone,
            user.id,
          ]);
          if (taken.length)
            throw new DomainError(ErrorCode.Conflict, 'This phone number is registered already');
          await this.users.update(manager, user.id, { phone: patch.phone });
        }
      }
      if (dto.consent) {
        patch.visibleToEmployers = dto.consent.visibleToEmployers;
        patch.consentVersion = dto.consent.version;
        patch.consentAt = new Date();
        await this.migrants.insertConsent(manager, {
          migrantId: id,
          action: 'changed',
          dataProcessing: true,
          visibleToEmployers: dto.consent.visibleToEmployers,
          version: dto.consent.version,
          source: 'online',
        });
      }
      if (Object.keys(patch).length) await this.migrants.update(manager, id, patch);
      const after = { ...migrant, ...patch } as MigrantEntity;
      if (
        patch.fullName !== undefined ||
        patch.fullNameLatin !== undefined ||
        patch.birthDate !== undefined
      ) {
        await this.flagNameDuplicates(manager, after);
      }
      await this.announce(manager, id);
      return after;
    });
    return this.fullView(updated);
  }

  // --- duplicates, merge, erasure ---

  async listDuplicates(query: PageQuery) {
    const { rows, total } = await this.migrants.listOpenDuplicates(
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return pageOf(rows.map(duplicateView), total, query);
  }

  /** Staff merge: documents, consents, login and applications move to `intoId`; the source is marked merged. */
  async merge(principal: UserPrincipal, id: string, intoId: string) {
    if (id === intoId) throw ValidationError.field('intoId', 'must differ from the profile being merged');
    await inTransaction(this.dataSource, async (manager) => {
      // Locks in id order so that two opposite merges cannot deadlock.
      const locked = new Map<string, MigrantEntity | null>();
      for (const key of [id, intoId].sort())
        locked.set(key, await this.migrants.findByIdForUpdate(manager, key));
      const source = locked.get(id);
      const target = locked.get(intoId);
      if (!source || source.status !== 'active') throw new NotFoundError('Migrant');
      if (!target || target.status !== 'active') {
        throw ValidationError.field('intoId', 'must be an active migrant profile');
      }
      await this.migrants.moveOwnedRecords(manager, id, intoId);

      const sourceUser = await this.users.findByMigrantId(id);
      const targetUser = await this.users.findByMigrantId(intoId);
      if (sourceUser && !targetUser) {
        await this.users.update(manager, sourceUser.id, { migrantId: intoId });
      } else if (sourceUser) {
        // Two logins for one person: the target's stays, the other is switched off.
        await this.users.update(manager, sourceUser.id, { disabled: true });
      }

      const fill: Partial<MigrantEntity> = {};
      if (!target.fullNameLatin && source.fullNameLatin) fill.fullNameLatin = source.fullNameLatin;
      if (!target.email && source.email) fill.email = source.email;
      if (!target.phone && source.phone) fill.phone = source.phone;
      if (Object.keys(fill).length) await this.migrants.update(manager, intoId, fill);
      await this.migrants.update(manager, id, { status: 'merged', mergedIntoId: intoId });
      await this.migrants.resolveDuplicatesOf(manager, id, 'merged');
      await this.migrants.writeAudit(manager, {
        actorId: principal.userId,
        actorRole: principal.role,
        action: 'migrant.merge',
        subjectType: 'migrant',
        subjectId: id,
        details: { intoId },
      });
      await this.announce(manager, id, intoId);
    });
    return { id, mergedInto: intoId };
  }

  /**
   * Withdraws consent and anonymises: names, contacts, birth date, documents and login go; gender, citizenship,
   * occupations and regions stay so that reports still count the person.
   */
  async erase(principal: UserPrincipal, id: string) {
    await inTransaction(this.dataSource, async (manager) => {
      const migrant = await this.ownerOrStaff(principal, id, manager);
      const now = new Date();
      await this.migrants.deleteDocumentsOf(manager, id);
      await this.migrants.insertConsent(manager, {
        migrantId: id,
        action: 'withdrawn',
        dataProcessing: false,
        visibleToEmployers: false,
        version: migrant.consentVersion ?? 'unknown',
        source: isStaff(principal) ? 'staff' : 'online',
      });
      await this.migrants.update(manager, id, {
        status: 'erased',
        fullName: null,
        fullNameLatin: null,
        nameKey: null,
        birthDate: null,
        phone: null,
        email: null,
        languages: [],
        availableFrom: null,
        needsHousing: null,
        expectedSalaryAmount: null,
        expectedSalaryCurrency: null,
        visibleToEmployers: false,
        consentWithdrawnAt: now,
        erasedAt: now,
      });
      const user = await this.users.findByMigrantId(id);
      if (user) {
        await this.users.update(manager, user.id, {
          disabled: true,
          phone: null,
          email: null,
          passwordHash: null,
          accessCodeHash: null,
          displayName: 'Erased migrant',
        });
      }
      // Stored responses name the person (a kiosk submission) or are their own requests': they go too.
      await this.retention.eraseResponsesOf(manager, id, user?.id ?? null);
      await this.migrants.resolveDuplicatesOf(manager, id, 'dismissed');
      await eraseGrievancesOf(manager, id);
      await this.migrants.writeAudit(manager, {
        actorId: principal.userId,
        actorRole: principal.role,
        action: 'migrant.erase',
        subjectType: 'migrant',
        subjectId: id,
      });
      await this.announce(manager, id);
    });
    return { id, status: 'erased' };
  }

  // --- documents ---

  async listDocuments(principal: Principal | undefined, id: string): Promise<{ items: DocumentDto[] }> {
    await this.ownerOrStaff(principal, id);
    const docs = await this.migrants.listDocuments(id);
    return { items: docs.map((d) => documentView(d)) };
  }

  async getDocument(
    principal: UserPrincipal,
    id: string,
    docId: string,
    reveal: { reveal: boolean; reason?: string; requestId?: string },
  ): Promise<DocumentDto> {
    await this.ownerOrStaff(principal, id);
    const doc = await this.migrants.findDocument(id, docId);
    if (!doc) throw new NotFoundError('Document');
    if (!reveal.reveal) return documentView(doc);
    if (!isStaff(principal))
      throw new DomainError(ErrorCode.Forbidden, 'Only staff may reveal a document number');
    if (!reveal.reason?.trim())
      throw ValidationError.field('reason', 'is required to reveal a document number');
    await inTransaction(this.dataSource, (manager) =>
      this.migrants.writeAudit(manager, {
        actorId: principal.userId,
        actorRole: principal.role,
        action: 'document.reveal',
        subjectType: 'migrant_document',
        subjectId: doc.id,
        reason: reveal.reason!.trim(),
        details: { migrantId: id, type: doc.type },
        requestId: reveal.requestId,
      }),
    );
    const number = doc.numberEncrypted ? this.cipher.decrypt(doc.numberEncrypted) : null;
    return { ...documentView(doc), number, revealed: true };
  }

  async createDocument(
    principal: Principal | undefined,
    id: string,
    dto: CreateDocumentDto,
  ): Promise<DocumentDto> {
    const fields = this.documentFields(dto.type, {
      issuingCountry: dto.issuingCountry ?? null,
      region: dto.region ?? null,
      validFrom: dto.validFrom ?? null,
      validUntil: dto.validUntil ?? null,
      purpose: dto.purpose ?? null,
      issuedAt: dto.issuedAt ?? null,
    });
    return inTransaction(this.dataSource, async (manager) => {
      await this.ownerOrStaff(principal, id, manager);
      const created = await this.migrants.insertDocument(manager, {
        migrantId: id,
        type: dto.type,
        ...this.numberFields(dto.number),
        ...fields,
      });
      await this.announce(manager, id);
      return answerInTransaction(manager, documentView(created));
    });
  }

  async updateDocument(
    principal: Principal | undefined,
    id: string,
    docId: string,
    dto: UpdateDocumentDto,
  ): Promise<DocumentDto> {
    const doc = await inTransaction(this.dataSource, async (manager) => {
      await this.ownerOrStaff(principal, id, manager);
      const existing = await this.migrants.findDocument(id, docId);
      if (!existing) throw new NotFoundError('Document');
      const pick = <K extends keyof UpdateDocumentDto & keyof MigrantDocumentEntity>(key: K) =>
        dto[key] === undefined ? existing[key] : (dto[key] ?? null);
      const fields = this.documentFields(existing.type, {
        issuingCountry: pick('issuingCountry') as string | null,
        region: pick('region') as string | null,
        validFrom: pick('validFrom') as string | null,
        validUntil: pick('validUntil') as string | null,
        purpose: pick('purpose') as MigrationCardPurpose | null,
        issuedAt: pick('issuedAt') as string | null,
      });
      const patch: Partial<MigrantDocumentEntity> = { ...fields };
      if (dto.number !== undefined) Object.assign(patch, this.numberFields(dto.number ?? undefined));
      await this.migrants.updateDocument(manager, docId, patch);
      await this.announce(manager, id);
      return { ...existing, ...patch } as MigrantDocumentEntity;
    });
    return documentView(doc);
  }

  async deleteDocument(principal: Principal | undefined, id: string, docId: string): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      await this.ownerOrStaff(principal, id, manager);
      const existing = await this.migrants.findDocument(id, docId);
      if (!existing) throw new NotFoundError('Document');
      await this.migrants.deleteDocument(manager, docId);
      await this.announce(manager, id);
    });
  }

  /** The stored, non-secret facts the eligibility check needs. */
  async eligibilityFacts(migrantId: string): Promise<MigrantEligibilityFacts> {
    const facts = (await this.migrants.eligibilityFactsOf([migrantId])).get(migrantId);
    if (!facts) throw new NotFoundError('Migrant');
    return facts;
  }

  // --- helpers ---

  private phone(input: string): string {
    const phone = normalizePhone(input);
    if (!phone) throw ValidationError.field('phone', 'must be a valid phone number in international format');
    return phone;
  }

  private numberFields(number: string | undefined): Partial<MigrantDocumentEntity> {
    const clean = number?.trim().replace(/\s+/g, ' ');
    if (!clean) return { numberEncrypted: null, numberBlindIndex: null, numberMasked: null };
    return {
      numberEncrypted: this.cipher.encrypt(clean),
      numberBlindIndex: this.cipher.blindIndex(clean),
      numberMasked: PiiCipher.mask(clean),
    };
  }

  private documentFields(
    type: DocumentType,
    f: {
      issuingCountry: string | null;
      region: string | null;
      validFrom: string | null;
      validUntil: string | null;
      purpose: MigrationCardPurpose | null;
      issuedAt: string | null;
    },
  ) {
    if (f.validFrom && f.validUntil && f.validFrom > f.validUntil) {
      throw ValidationError.field('validFrom', 'must not be after validUntil');
    }
    if (f.purpose && type !== 'migration_card') {
      throw ValidationError.field('purpose', 'applies only to a migration_card');
    }
    return f;
  }

  private async announce(manager: EntityManager, ...ids: string[]): Promise<void> {
    await this.outbox.add(
      manager,
      ...ids.map((migrantId) => ({ job: JobName.SearchIndexMigrant, payload: { migrantId } })),
    );
  }

  private fullView(m: MigrantEntity): MigrantDto {
    return {
      id: m.id,
      status: m.status,
      fullName: m.fullName,
      fullNameLatin: m.fullNameLatin,
      birthDate: m.birthDate,
      gender: m.gender,
      citizenship: m.citizenship,
      phone: m.phone,
      email: m.email,
      preferredLanguage: m.preferredLanguage,
      grievanceChannel: m.grievanceChannel,
      languages: m.languages,
      occupations: m.occupations,
      desiredRegions: m.desiredRegions,
      availableFrom: m.availableFrom,
      needsHousing: m.needsHousing,
      expectedMonthlySalary:
        m.expectedSalaryAmount !== null && m.expectedSalaryCurrency
          ? { amount: Number(m.expectedSalaryAmount), currency: m.expectedSalaryCurrency }
          : null,
      consent: {
        dataProcessing: m.status !== 'erased' && !m.consentWithdrawnAt,
        visibleToEmployers: m.visibleToEmployers,
        version: m.consentVersion,
        givenAt: m.consentAt ? m.consentAt.toISOString() : null,
        withdrawnAt: m.consentWithdrawnAt ? m.consentWithdrawnAt.toISOString() : null,
      },
      source: m.source,
      fairId: m.fairId,
      mergedIntoId: m.mergedIntoId,
      createdAt: m.createdAt.toISOString(),
    };
  }

  /**
   * What an employer sees: no birth date, no documents, and the phone only while an application to it is under
   * way or the person works there.
   */
  private employerView(m: MigrantEntity, engaged: boolean): MigrantDto {
    const view: MigrantDto = {
      id: m.id,
      status: m.status,
      fullName: m.fullName,
      fullNameLatin: m.fullNameLatin,
      gender: m.gender,
      citizenship: m.citizenship,
      languages: m.languages,
      occupations: m.occupations,
      desiredRegions: m.desiredRegions,
      availableFrom: m.availableFrom,
    };
    if (engaged) view.phone = m.phone;
    return view;
  }
}

function documentView(d: MigrantDocumentEntity): DocumentDto {
  return {
    id: d.id,
    type: d.type,
    number: d.numberMasked,
    issuingCountry: d.issuingCountry,
    region: d.region,
    validFrom: d.validFrom,
    validUntil: d.validUntil,
    purpose: d.purpose,
    issuedAt: d.issuedAt,
    createdAt: d.createdAt instanceof Date ? d.createdAt.toISOString() : String(d.createdAt),
  };
}

function duplicateView(r: DuplicateRow): DuplicateDto {
  const side = (p: 'm' | 'c') => ({
    id: r[`${p}_id`],
    fullName: r[`${p}_full_name`],
    birthDate: r[`${p}_birth_date`],
    phone: r[`${p}_phone`],
    citizenship: r[`${p}_citizenship`],
    source: r[`${p}_source`],
    createdAt: new Date(r[`${p}_created_at`]).toISOString(),
  });
  return {
    id: r.id,
    reason: r.reason,
    score: Number(r.score),
    migrant: side('m'),
    candidate: side('c'),
    createdAt: new Date(r.created_at).toISOString(),
  };
}

type NamedPerson = Pick<MigrantEntity, 'id' | 'fullName' | 'fullNameLatin' | 'phone'>;

/**
 * The people born the same day (`others`) who are probably this person: the same phone, or a name alike in
 * any script (`nameSimilarity` at least `NAME_DUPLICATE_THRESHOLD`).
 */
function nameDuplicates(person: NamedPerson, others: NamedPerson[]): NewRegistration['duplicates'] {
  if (!person.fullName) return [];
  const names = [person.fullName, person.fullNameLatin].filter((n): n is string => !!n);
  const out: NewRegistration['duplicates'] = [];
  for (const other of others) {
    if (other.id === person.id) continue;
    if (other.phone && other.phone === person.phone) {
      out.push({ otherId: other.id, reason: 'phone_birth_date', score: 1 });
      continue;
    }
    const theirs = [other.fullName, other.fullNameLatin].filter((n): n is string => !!n);
    let best = 0;
    for (const a of names) for (const b of theirs) best = Math.max(best, nameSimilarity(a, b));
    if (best >= NAME_DUPLICATE_THRESHOLD)
      out.push({ otherId: other.id, reason: 'name_birth_date', score: best });
  }
  return out;
}

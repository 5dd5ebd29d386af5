import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { UserPrincipal } from 'src/common/auth/principal';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { isOriginTaxIdCountry, isValidOriginTaxId } from 'src/common/validation/origin-tax-id';
import { inTransaction } from 'src/database/transaction';
import { isIsoDate } from 'src/modules/eligibility/eligibility.dates';
import {
  CreateRecruitmentAgencyDto,
  LicenceStatus,
  RecruitmentAgencyDto,
  RecruitmentAgencyListQuery,
  RecruitmentAgencyStatusDto,
  UpdateRecruitmentAgencyDto,
} from 'src/modules/recruitment/recruitment-agencies.dto';
import {
  AgencyFields,
  AgencyRow,
  RecruitmentAgenciesRepository,
} from 'src/modules/recruitment/recruitment-agencies.repository';

/** Which licence status may follow which: a revoked licence is final, a suspended one may be reinstated. */
const NEXT_STATUS: Record<LicenceStatus, LicenceStatus[]> = {
  active: ['suspended', 'revoked'],
  suspended: ['active', 'revoked'],
  revoked: [],
};

const EDITABLE: (keyof AgencyFields)[] = [
  'name',
  'taxId',
  'licenceNumber',
  'issuingBody',
  'licenceValidFrom',
  'licenceValidUntil',
  'source',
];

export interface OrderTerms {
  originCountries: string[];
  startsOn: string;
  endsOn: string;
}

function view(row: AgencyRow): RecruitmentAgencyDto {
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/**
 * Licensed private recruitment agencies of the countries of origin, kept by labour-department staff from the
 * licensing body's register or decision they checked. An order may name only an agency whose licence, from a
 * country of the order, is in force over the order's dates; every write is on the audit trail.
 */
@Injectable()
export class RecruitmentAgenciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: RecruitmentAgenciesRepository,
  ) {}

  async create(principal: UserPrincipal, dto: CreateRecruitmentAgencyDto): Promise<RecruitmentAgencyDto> {
    const fields = this.checked({
      country: dto.country,
      name: dto.name.trim(),
      taxId: dto.taxId.trim(),
      licenceNumber: dto.licenceNumber.trim(),
      issuingBody: dto.issuingBody.trim(),
      licenceValidFrom: dto.licenceValidFrom,
      licenceValidUntil: dto.licenceValidUntil,
      source: dto.source.trim(),
    });
    return this.write(async (manager) => {
      const row = await this.agencies.insert(manager, fields, principal.userId);
      await this.agencies.audit(manager, principal, 'recruitment_agency.create', row.id, { ...fields });
      return view(row);
    });
  }

  async update(
    principal: UserPrincipal,
    id: string,
    dto: UpdateRecruitmentAgencyDto,
  ): Promise<RecruitmentAgencyDto> {
    if (!EDITABLE.some((key) => dto[key as keyof UpdateRecruitmentAgencyDto] !== undefined)) {
      throw new ValidationError(
        [{ field: 'body', message: 'names no field to change' }],
        'Nothing to change',
      );
    }
    return this.write(async (manager) => {
      const current = await this.agencies.findById(manager, id, true);
      if (!current) throw new NotFoundError('Recruitment agency');
      const next: AgencyFields = { ...current };
      for (const key of EDITABLE) {
        const value = dto[key as keyof UpdateRecruitmentAgencyDto];
        if (value !== undefined) next[key] = key.startsWith('licenceValid') ? value : value.trim();
      }
      const fields = this.checked(next);
      const changes = Object.fromEntries(
        EDITABLE.filter((key) => fields[key] !== current[key]).map((key) => [
          key,
          { from: current[key], to: fields[key] },
        ]),
      );
      const row = await this.agencies.update(manager, id, fields);
      await this.agencies.audit(manager, principal, 'recruitment_agency.update', id, { changes });
      return view(row);
    });
  }

  async setStatus(
    principal: UserPrincipal,
    id: string,
    dto: RecruitmentAgencyStatusDto,
  ): Promise<RecruitmentAgencyDto> {
    const reason = dto.reason?.trim() || null;
    if (dto.status !== 'active' && !reason) {
      throw ValidationError.field('reason', `is required to mark a licence ${dto.status}`);
    }
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.agencies.findById(manager, id, true);
      if (!current) throw new NotFoundError('Recruitment agency');
      if (!NEXT_STATUS[current.licenceStatus].includes(dto.status)) {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          `A licence that is ${current.licenceStatus} cannot become ${dto.status}`,
          { from: current.licenceStatus, to: dto.status },
        );
      }
      const row = await this.agencies.setStatus(manager, id, dto.status, reason);
      await this.agencies.audit(
        manager,
        principal,
        `recruitment_agency.${dto.status === 'active' ? 'reinstate' : dto.status === 'suspended' ? 'suspend' : 'revoke'}`,
        id,
        { from: current.licenceStatus, to: dto.status },
        reason,
      );
      return view(row);
    });
  }

  async get(id: string): Promise<RecruitmentAgencyDto> {
    const row = await this.agencies.findById(undefined, id);
    if (!row) throw new NotFoundError('Recruitment agency');
    return view(row);
  }

  async list(query: RecruitmentAgencyListQuery): Promise<RecruitmentAgencyDto[]> {
    return (await this.agencies.list(query)).map(view);
  }

  /**
   * Refuses an agency an order may not name: not listed, of a country the order does not recruit from, with a
   * suspended or revoked licence, or one not in force on every day from the order's start to its end.
   */
  async assertUsable(manager: EntityManager, agencyId: string, order: OrderTerms): Promise<void> {
    const agency = await this.agencies.findById(manager, agencyId);
    const refuse = (reason: string, detail: string): never => {
      throw new DomainError(ErrorCode.AgencyNotLicensed, detail, { agencyId, reason });
    };
    if (!agency) return refuse('not_listed', 'The agency is not on the list of licensed agencies');
    if (!order.originCountries.includes(agency.country)) {
      return refuse(
        'other_country',
        `The agency is licensed in ${agency.country}, not in an origin country of the order (${order.originCountries.join(', ')})`,
      );
    }
    if (agency.licenceStatus !== 'active') {
      return refuse('licence_' + agency.licenceStatus, `The agency's licence is ${agency.licenceStatus}`);
    }
    if (agency.licenceValidFrom > order.startsOn || agency.licenceValidUntil < order.endsOn) {
      return refuse(
        'licence_dates',
        `The agency's licence (${agency.licenceValidFrom} – ${agency.licenceValidUntil}) does not cover the order ` +
          `(${order.startsOn} – ${order.endsOn})`,
      );
    }
  }

  private checked(fields: AgencyFields): AgencyFields {
    if (!isOriginTaxIdCountry(fields.country) || !isValidOriginTaxId(fields.country, fields.taxId)) {
      throw ValidationError.field('taxId', `is not a taxpayer number in the format of ${fields.country}`);
    }
    if (!isIsoDate(fields.licenceValidFrom)) {
      throw ValidationError.field('licenceValidFrom', 'is not an existing date');
    }
    if (!isIsoDate(fields.licenceValidUntil) || fields.licenceValidUntil < fields.licenceValidFrom) {
      throw ValidationError.field(
        'licenceValidUntil',
        'must be an existing date on or after licenceValidFrom',
      );
    }
    for (const key of ['name', 'licenceNumber', 'issuingBody', 'source'] as const) {
      if (!fields[key]) throw ValidationError.field(key, 'must not be blank');
    }
    return fields;
  }

  /** One transaction; a second agency with the same tax number in its country is a conflict, not a 500. */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(this.dataSource, work);
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'recruitment_agencies_tax_id_key'
      ) {
        throw new DomainError(
          ErrorCode.DuplicateTaxId,
          'An agency with this tax number is listed already in its country',
        );
      }
      throw error;
    }
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { UserPrincipal } from 'src/common/auth/principal';
import type { LicenceStatus } from 'src/modules/recruitment/recruitment-agencies.dto';

export interface AgencyRow {
  id: string;
  country: string;
  name: string;
  taxId: string;
  licenceNumber: string;
  issuingBody: string;
  licenceValidFrom: string;
  licenceValidUntil: string;
  source: string;
  licenceStatus: LicenceStatus;
  statusReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type AgencyFields = Pick<
  AgencyRow,
  | 'country'
  | 'name'
  | 'taxId'
  | 'licenceNumber'
  | 'issuingBody'
  | 'licenceValidFrom'
  | 'licenceValidUntil'
  | 'source'
>;

const COLUMNS = `id, country, name, tax_id AS "taxId", licence_number AS "licenceNumber",
  issuing_body AS "issuingBody", licence_valid_from::text AS "licenceValidFrom",
  licence_valid_until::text AS "licenceValidUntil", source, licence_status AS "licenceStatus",
  status_reason AS "statusReason", created_at AS "createdAt", updated_at AS "updatedAt"`;

/** Every query of the agencies list and its audit trail. */
@Injectable()
export class RecruitmentAgenciesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, fields: AgencyFields, createdBy: string): Promise<AgencyRow> {
    const [row] = await manager.query(
      `INSERT INTO recruitment_agencies (country, name, tax_id, licence_number, issuing_body, licence_valid_from,
                                         licence_valid_until, source, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        fields.country,
        fields.name,
        fields.taxId,
        fields.licenceNumber,
        fields.issuingBody,
        fields.licenceValidFrom,
        fields.licenceValidUntil,
        fields.source,
        createdBy,
      ],
    );
    return row;
  }

  async update(manager: EntityManager, id: string, fields: AgencyFields): Promise<AgencyRow> {
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM's driver.
    const [[row]] = await manager.query(
      `UPDATE recruitment_agencies SET name = $2, tax_id = $3, licence_number = $4, issuing_body = $5,
              licence_valid_from = $6, licence_valid_until = $7, source = $8, updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        fields.name,
        fields.taxId,
        fields.licenceNumber,
        fields.issuingBody,
        fields.licenceValidFrom,
        fields.licenceValidUntil,
        fields.source,
      ],
    );
    return row;
  }

  async setStatus(
    manager: EntityManager,
    id: string,
    status: LicenceStatus,
    reason: string | null,
  ): Promise<AgencyRow> {
    const [[row]] = await manager.query(
      `UPDATE recruitment_agencies SET licence_status = $2, status_reason = $3, updated_at = now()
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, status, reason],
    );
    return row;
  }

  async findById(manager: EntityManager | undefined, id: string, lock = false): Promise<AgencyRow | null> {
    const [row] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${COLUMNS} FROM recruitment_agencies WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  /** The list by country and name; a few hundred agencies at most are licensed per country. */
  async list(filter: { country?: string; status?: string }): Promise<AgencyRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM recruitment_agencies
        WHERE ($1::text IS NULL OR country = $1) AND ($2::text IS NULL OR licence_status = $2)
        ORDER BY country, name, id LIMIT 1000`,
      [filter.country ?? null, filter.status ?? null],
    );
  }

  async audit(
    manager: EntityManager,
    principal: UserPrincipal,
    action: string,
    agencyId: string,
    details: object,
    reason: string | null = null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, reason, details)
       VALUES ($1, $2, $3, 'recruitment_agency', $4, $5, $6::jsonb)`,
      [principal.userId, principal.role, action, agencyId, reason, JSON.stringify(details)],
    );
  }
}

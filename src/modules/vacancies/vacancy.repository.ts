import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import type { TotalRelation } from 'src/common/http/pagination';
import { preparedQuery } from 'src/database/prepared-query';
import { binder } from 'src/database/sql-params';
import { EmployerEntity } from 'src/modules/employers/employer.entity';
import {
  VacancyEntity,
  VacancyStatus,
  VacancyTermsSnapshotEntity,
} from 'src/modules/vacancies/vacancy.entity';

/** A listing counts exactly this many vacancies past its page's start; more are answered as "at least". */
export const LIST_EXACT_TOTAL = 1000;

export interface PublishedVacancyFilter {
  region?: string;
  occupation?: string;
  salaryMin?: number;
  schedule?: string;
  housing?: boolean;
  foreignersAccepted?: boolean;
  employerId?: string;
  fairId?: string;
}

export interface VacancyWithEmployerName {
  vacancy: VacancyEntity;
  employerName: string;
}

export interface VacancyWithEmployer {
  vacancy: VacancyEntity;
  employer: EmployerEntity;
}

@Injectable()
export class VacancyRepository {
  private readonly repo: Repository<VacancyEntity>;
  private readonly snapshots: Repository<VacancyTermsSnapshotEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(VacancyEntity);
    this.snapshots = dataSource.getRepository(VacancyTermsSnapshotEntity);
  }

  findById(id: string): Promise<VacancyEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<VacancyEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo.createQueryBuilder('v').where('v.id IN (:...ids)', { ids }).getMany();
  }

  /** The vacancy and the employer that posted it, or null. */
  async findWithEmployer(id: string, manager?: EntityManager): Promise<VacancyWithEmployer | null> {
    const m = manager ?? this.dataSource.manager;
    const vacancy = await m.getRepository(VacancyEntity).findOneBy({ id });
    if (!vacancy) return null;
    const employer = await m.getRepository(EmployerEntity).findOneBy({ id: vacancy.employerId });
    return employer ? { vacancy, employer } : null;
  }

  /** Locks the row for a change in the caller's transaction. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<VacancyEntity | null> {
    return manager
      .getRepository(VacancyEntity)
      .createQueryBuilder('v')
      .setLock('pessimistic_write')
      .where('v.id = :id', { id })
      .getOne();
  }

  insert(manager: EntityManager, vacancy: Partial<VacancyEntity>): Promise<VacancyEntity> {
    const repo = manager.getRepository(VacancyEntity);
    return repo.save(repo.create(vacancy));
  }

  /** Writes the patch and bumps the version (the caller holds the row lock and checked the version). */
  async update(manager: EntityManager, vacancy: VacancyEntity, patch: Partial<VacancyEntity>): Promise<void> {
    await manager
      .getRepository(VacancyEntity)
      .update({ id: vacancy.id }, { ...patch, version: vacancy.version + 1 });
  }

  async insertSnapshot(
    manager: EntityManager,
    vacancyId: string,
    vacancyVersion: number,
    terms: Record<string, unknown>,
  ): Promise<VacancyTermsSnapshotEntity> {
    const [{ seq }] = await manager.query(
      `SELECT coalesce(max(seq), 0) + 1 AS seq FROM vacancy_terms_snapshots WHERE vacancy_id = $1`,
      [vacancyId],
    );
    const repo = manager.getRepository(VacancyTermsSnapshotEntity);
    return repo.save(repo.create({ vacancyId, seq: Number(seq), vacancyVersion, terms }));
  }

  findSnapshot(id: string, manager?: EntityManager): Promise<VacancyTermsSnapshotEntity | null> {
    return (manager?.getRepository(VacancyTermsSnapshotEntity) ?? this.snapshots).findOneBy({ id });
  }

  findSnapshots(vacancyId: string): Promise<VacancyTermsSnapshotEntity[]> {
    return this.snapshots.find({ where: { vacancyId }, order: { seq: 'ASC' } });
  }

  /**
   * Published vacancies by filters, newest first, with the total and each one's employer name, as one prepared
   * statement: page and count read the filter index (`vacancies_published_filter_idx`), and the statement is planned
   * once per connection instead of three on every call.
   */
  async findPublishedPage(
    filter: PublishedVacancyFilter,
    offset: number,
    limit: number,
  ): Promise<{ rows: VacancyWithEmployerName[]; total: number; totalRelation: TotalRelation }> {
    const params: unknown[] = [];
    const param = binder(params);
    const where = [`v.status = 'published'`];
    if (filter.region) where.push(`v.region = ${param(filter.region)}`);
    if (filter.occupation) where.push(`v.occupation_code LIKE ${param(`${filter.occupation}%`)}`);
    if (filter.salaryMin !== undefined) {
      where.push(`coalesce(v.salary_max, v.salary_min) >= ${param(filter.salaryMin)}`);
    }
    if (filter.schedule) where.push(`v.schedule = ${param(filter.schedule)}`);
    if (filter.housing !== undefined) where.push(`v.housing_provided = ${param(filter.housing)}`);
    if (filter.foreignersAccepted !== undefined) {
      where.push(`v.foreigners_accepted = ${param(filter.foreignersAccepted)}`);
    }
    if (filter.employerId) where.push(`v.employer_id = ${param(filter.employerId)}`);
    if (filter.fairId) {
      where.push(
        `EXISTS (SELECT 1 FROM fair_vacancies fv WHERE fv.vacancy_id = v.id AND fv.fair_id = ${param(filter.fairId)})`,
      );
    }
    const w = where.join(' AND ');
    // The count reads at most LIST_EXACT_TOTAL rows past the page, so a page costs the same in a region of
    // 200 vacancies as in one of 200,000; beyond that the answer says "at least". The employer's name is a
    // primary-key lookup per row of the page.
    const countCap = offset + LIST_EXACT_TOTAL;
    // One row with the total and no vacancy when the page is empty.
    const raw = await preparedQuery<Record<string, unknown>>(
      this.dataSource,
      `SELECT c.total, p.*, e.name AS "_employer_name"
       FROM (SELECT count(*)::int AS total FROM (
         SELECT 1 FROM vacancies v WHERE ${w} LIMIT ${param(countCap + 1)}) n) c
       LEFT JOIN LATERAL (
         SELECT v.* FROM vacancies v WHERE ${w}
         ORDER BY v.published_at DESC, v.id LIMIT ${param(limit)} OFFSET ${param(offset)}) p ON true
       LEFT JOIN LATERAL (SELECT e.name FROM employers e WHERE e.id = p.employer_id) e ON true
       ORDER BY p.published_at DESC, p.id`,
      params,
    );
    const meta = this.dataSource.getMetadata(VacancyEntity);
    const rows = raw
      .filter((r) => r.id !== null)
      .map((r) => {
        // As TypeORM hydrates an entity: the driver's conversion and the column's transformer.
        const vacancy = meta.create() as VacancyEntity;
        for (const column of meta.columns) {
          column.setEntityValue(
            vacancy,
            this.dataSource.driver.prepareHydratedValue(r[column.databaseName], column),
          );
        }
        return { vacancy, employerName: r._employer_name as string };
      });
    const counted = (raw[0]?.total as number | undefined) ?? 0;
    return counted > countCap
      ? { rows, total: countCap, totalRelation: 'gte' }
      : { rows, total: counted, totalRelation: 'eq' };
  }

  findByEmployerPage(
    employerId: string,
    status: VacancyStatus | undefined,
    offset: number,
    limit: number,
  ): Promise<[VacancyEntity[], number]> {
    const qb = this.repo
      .createQueryBuilder('v')
      .where('v.employerId = :employerId', { employerId })
      .orderBy('v.createdAt', 'DESC')
      .addOrderBy('v.id', 'ASC');
    if (status) qb.andWhere('v.status = :status', { status });
    return qb.skip(offset).take(limit).getManyAndCount();
  }
}

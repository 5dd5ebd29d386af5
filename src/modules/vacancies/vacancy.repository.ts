import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import { EmployerEntity } from 'src/modules/employers/employer.entity';
import {
  VacancyEntity,
  VacancyStatus,
  VacancyTermsSnapshotEntity,
} from 'src/modules/vacancies/vacancy.entity';

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

  findPublishedPage(
    filter: PublishedVacancyFilter,
    offset: number,
    limit: number,
  ): Promise<[VacancyEntity[], number]> {
    const qb = this.repo
      .createQueryBuilder('v')
      .where(`v.status = 'published'`)
      .orderBy('v.publishedAt', 'DESC')
      .addOrderBy('v.id', 'ASC');
    if (filter.region) qb.andWhere('v.region = :region', { region: filter.region });
    if (filter.occupation) {
      qb.andWhere('v.occupationCode LIKE :occupation', { occupation: `${filter.occupation}%` });
    }
    if (filter.salaryMin !== undefined) {
      qb.andWhere('coalesce(v.salaryMax, v.salaryMin) >= :salaryMin', { salaryMin: filter.salaryMin });
    }
    if (filter.schedule) qb.andWhere('v.schedule = :schedule', { schedule: filter.schedule });
    if (filter.housing !== undefined)
      qb.andWhere('v.housingProvided = :housing', { housing: filter.housing });
    if (filter.foreignersAccepted !== undefined) {
      qb.andWhere('v.foreignersAccepted = :fa', { fa: filter.foreignersAccepted });
    }
    if (filter.employerId) qb.andWhere('v.employerId = :employerId', { employerId: filter.employerId });
    if (filter.fairId) {
      qb.andWhere(
        new Brackets((w) =>
          w.where(
            'EXISTS (SELECT 1 FROM fair_vacancies fv WHERE fv.vacancy_id = v.id AND fv.fair_id = :fairId)',
            { fairId: filter.fairId },
          ),
        ),
      );
    }
    // count(*), not TypeORM's count(DISTINCT id) (one table, no joins): it reads only the filter index.
    const count = qb
      .clone()
      .select('count(*)::int', 'n')
      .orderBy()
      .getRawOne<{ n: number }>()
      .then((r) => r?.n ?? 0);
    return Promise.all([qb.offset(offset).limit(limit).getMany(), count]);
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

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { EmployerEntity, EmployerStatus } from 'src/modules/employers/employer.entity';

@Injectable()
export class EmployerRepository {
  private readonly repo: Repository<EmployerEntity>;

  constructor(dataSource: DataSource) {
    this.repo = dataSource.getRepository(EmployerEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<EmployerEntity | null> {
    return (manager?.getRepository(EmployerEntity) ?? this.repo).findOneBy({ id });
  }

  /** Locks the row for a status change in the caller's transaction. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<EmployerEntity | null> {
    return manager
      .getRepository(EmployerEntity)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.id = :id', { id })
      .getOne();
  }

  findByTaxId(country: string, taxId: string): Promise<EmployerEntity | null> {
    return this.repo.findOneBy({ country: country as EmployerEntity['country'], taxId });
  }

  findByIds(ids: string[]): Promise<EmployerEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.repo.createQueryBuilder('e').where('e.id IN (:...ids)', { ids }).getMany();
  }

  async findPage(
    filter: { status?: EmployerStatus },
    offset: number,
    limit: number,
  ): Promise<[EmployerEntity[], number]> {
    const qb = this.repo.createQueryBuilder('e').orderBy('e.createdAt', 'ASC').addOrderBy('e.id');
    if (filter.status) qb.where('e.status = :status', { status: filter.status });
    return qb.skip(offset).take(limit).getManyAndCount();
  }

  insert(manager: EntityManager, employer: Partial<EmployerEntity>): Promise<EmployerEntity> {
    const repo = manager.getRepository(EmployerEntity);
    return repo.save(repo.create(employer));
  }

  async update(manager: EntityManager, id: string, patch: Partial<EmployerEntity>): Promise<void> {
    await manager.getRepository(EmployerEntity).update({ id }, patch);
  }

  async audit(
    manager: EntityManager,
    entry: { actorId: string; actorRole: string; action: string; subjectId: string; reason?: string | null },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, reason)
       VALUES ($1, $2, $3, 'employer', $4, $5)`,
      [entry.actorId, entry.actorRole, entry.action, entry.subjectId, entry.reason ?? null],
    );
  }
}

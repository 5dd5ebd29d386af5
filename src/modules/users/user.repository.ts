import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { UserEntity } from 'src/modules/users/user.entity';

@Injectable()
export class UserRepository {
  private readonly repo: Repository<UserEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(UserEntity);
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  findByPhone(phone: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ phone });
  }

  findByMigrantId(migrantId: string): Promise<UserEntity | null> {
    return this.repo.findOneBy({ migrantId });
  }

  async insert(manager: EntityManager, user: Partial<UserEntity>): Promise<UserEntity> {
    const entity = manager.getRepository(UserEntity).create(user);
    return manager.getRepository(UserEntity).save(entity);
  }

  async touchLogin(id: string): Promise<void> {
    await this.repo.update({ id }, { lastLoginAt: new Date() });
  }

  async update(manager: EntityManager, id: string, patch: Partial<UserEntity>): Promise<void> {
    await manager.getRepository(UserEntity).update({ id }, patch);
  }
}

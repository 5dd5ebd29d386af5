import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TokenService } from 'src/common/auth/token.service';
import { Principal, Role } from 'src/common/auth/principal';
import { AccessCodeHasher } from 'src/common/crypto/access-code-hasher';
import { dummyPasswordHash, hashPassword, verifyPassword } from 'src/common/crypto/password';
import { DomainError, ErrorCode, ValidationError } from 'src/common/errors/domain-error';
import { RateLimits } from 'src/common/http/rate-limits';
import { normalizePhone } from 'src/common/validation/phone';
import { OutboxService } from 'src/database/outbox.service';
import { inTransaction } from 'src/database/transaction';
import { JobName } from 'src/queue/queue.constants';
import { LoginDto } from 'src/modules/auth/auth.dto';
import { UserEntity } from 'src/modules/users/user.entity';
import { UserRepository } from 'src/modules/users/user.repository';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly limits: RateLimits,
    private readonly outbox: OutboxService,
    private readonly accessCodes: AccessCodeHasher,
  ) {}

  /**
   * Every attempt is counted before the password is checked (an atomic increment, so parallel guesses cannot slip
   * past a check made before the count): per address, per account from that address, and per account from
   * everywhere with a higher limit, so that a flood from one address neither exhausts the CPU with scrypt nor
   * locks the person out when they log in from elsewhere.
   */
  async login(dto: LoginDto, clientIp: string) {
    const identifier = this.identifier(dto);
    const secret = dto.password ?? dto.accessCode;
    if (!secret) throw ValidationError.field('password', 'is required (or accessCode with phone)');
    if (dto.accessCode && !dto.phone) throw ValidationError.field('phone', 'is required with accessCode');

    await this.limits.hit('loginPerIp', clientIp, 'logins from this address');
    await this.limits.hit('loginPerAccountAndIp', `${identifier}|${clientIp}`, 'logins to this account');
    await this.limits.hit('loginPerAccount', identifier, 'logins to this account');
    const user = dto.email
      ? await this.users.findByEmail(dto.email)
      : await this.users.findByPhone(normalizePhone(dto.phone!) ?? dto.phone!);
    const verified = dto.password
      ? await verifyPassword(dto.password, user?.passwordHash ?? (await dummyPasswordHash()))
      : this.accessCodes.verify(secret, user?.accessCodeHash);
    const ok = verified && !!user && !user.disabled;
    if (!ok || !user) throw new DomainError(ErrorCode.Unauthenticated, 'Wrong credentials');
    await this.users.touchLogin(user.id);
    return this.tokens.issue(user);
  }

  private identifier(dto: LoginDto): string {
    if (dto.email && dto.phone) throw ValidationError.field('email', 'send either email or phone, not both');
    if (dto.email) return `e:${dto.email.toLowerCase()}`;
    if (dto.phone) return `p:${normalizePhone(dto.phone) ?? dto.phone}`;
    throw ValidationError.field('email', 'email or phone is required');
  }

  async me(principal: Principal) {
    if (principal.kind === 'kiosk') return { id: principal.kioskId, role: 'kiosk', fairId: principal.fairId };
    const user = await this.users.findById(principal.userId);
    if (!user) throw new DomainError(ErrorCode.Unauthenticated, 'The user of this token no longer exists');
    return {
      id: user.id,
      role: user.role,
      displayName: user.displayName,
      email: user.email,
      phone: user.phone,
      employerId: user.employerId,
      migrantId: user.migrantId,
    };
  }

  /** A first password needs only the login (e.g. by access code); changing one needs the current one. */
  async changePassword(principal: Principal, input: { password: string; currentPassword?: string }) {
    if (principal.kind !== 'user') throw new DomainError(ErrorCode.Forbidden, 'A kiosk has no password');
    const user = await this.users.findById(principal.userId);
    if (!user || user.disabled) throw new DomainError(ErrorCode.Unauthenticated, 'The user no longer exists');
    if (user.passwordHash) {
      if (!input.currentPassword) {
        throw ValidationError.field('currentPassword', 'is required to change an existing password');
      }
      if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
        throw new DomainError(ErrorCode.Forbidden, 'The current password is wrong');
      }
    }
    const passwordHash = await hashPassword(input.password);
    await inTransaction(this.dataSource, (manager) => this.users.update(manager, user.id, { passwordHash }));
  }

  async createStaff(input: {
    email: string;
    password: string;
    displayName: string;
    role?: 'staff' | 'admin';
  }) {
    if (await this.users.findByEmail(input.email)) {
      throw new DomainError(ErrorCode.Conflict, 'A user with this email exists already');
    }
    const passwordHash = await hashPassword(input.password);
    const user = await inTransaction(this.dataSource, async (manager) => {
      const created = await this.users.insert(manager, {
        email: input.email.toLowerCase(),
        passwordHash,
        role: input.role ?? 'staff',
        displayName: input.displayName,
      });
      await this.outbox.add(manager, { job: JobName.StaffWelcome, payload: { userId: created.id } });
      return created;
    });
    return { id: user.id, email: user.email!, role: user.role };
  }

  /** Makes sure the bootstrap admin exists (ADMIN_EMAIL/ADMIN_PASSWORD); safe to run on every start. */
  async ensureAdmin(email: string, password: string): Promise<void> {
    const existing = await this.users.findByEmail(email);
    if (existing) {
      if (existing.role !== 'admin')
        this.logger.warn('ADMIN_EMAIL belongs to a user who is not an admin; left as is');
      return;
    }
    const passwordHash = await hashPassword(password);
    await inTransaction(this.dataSource, async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('bootstrap-admin'))`);
      const again = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where('lower(u.email) = lower(:email)', { email })
        .getOne();
      if (again) return;
      await this.users.insert(manager, {
        email: email.toLowerCase(),
        passwordHash,
        role: 'admin' as Role,
        displayName: 'Administrator',
      });
    });
    this.logger.log('bootstrap admin created');
  }
}

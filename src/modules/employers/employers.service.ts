import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Principal, UserPrincipal, isStaff } from 'src/common/auth/principal';
import { hashPassword } from 'src/common/crypto/password';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { Page, pageOf } from 'src/common/http/pagination';
import { answerInTransaction } from 'src/common/idempotency/idempotency.context';
import { normalizePhone } from 'src/common/validation/phone';
import { isValidTaxId } from 'src/common/validation/tax-id';
import { inTransaction } from 'src/database/transaction';
import { EmployerEntity } from 'src/modules/employers/employer.entity';
import { EmployerRepository } from 'src/modules/employers/employer.repository';
import {
  EmployerDto,
  EmployerListQuery,
  RegisterEmployerDto,
  UpdateEmployerDto,
} from 'src/modules/employers/employers.dto';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { UserRepository } from 'src/modules/users/user.repository';

@Injectable()
export class EmployersService {
  private readonly catalog = ReferenceCatalog.load();

  constructor(
    private readonly dataSource: DataSource,
    private readonly employers: EmployerRepository,
    private readonly users: UserRepository,
  ) {}

  /** Public registration: the organisation (pending verification) and its first user, together. */
  async register(dto: RegisterEmployerDto): Promise<{ id: string; status: string }> {
    const taxId = dto.taxId.trim();
    const errors = [];
    if (!isValidTaxId(dto.country, taxId)) {
      errors.push({
        field: 'taxId',
        message:
          dto.country === 'RU' ? 'is not a valid INN (check digits)' : 'is not a valid BIN (check digit)',
      });
    }
    if (!this.catalog.isRegion(dto.region, dto.country)) {
      errors.push({ field: 'region', message: `is not a region of ${dto.country}` });
    }
    const phone = normalizePhone(dto.phone, dto.country);
    if (!phone) errors.push({ field: 'phone', message: 'is not a valid phone number' });
    if (errors.length)
      throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));

    if (await this.employers.findByTaxId(dto.country, taxId)) {
      throw new DomainError(ErrorCode.DuplicateTaxId, 'An employer with this tax id is registered already');
    }
    if (await this.users.findByEmail(dto.email)) {
      throw new DomainError(ErrorCode.Conflict, 'A user with this email exists already');
    }
    const passwordHash = await hashPassword(dto.password);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const created = await this.employers.insert(manager, {
          kind: dto.kind ?? 'company',
          name: dto.name.trim(),
          country: dto.country,
          taxId,
          region: dto.region,
          address: dto.address.trim(),
          contactName: dto.contactName.trim(),
          email: dto.email.toLowerCase(),
          phone,
          status: 'pending',
        });
        await this.users.insert(manager, {
          email: dto.email.toLowerCase(),
          phone: null,
          passwordHash,
          role: 'employer',
          displayName: dto.contactName.trim(),
          employerId: created.id,
        });
        return answerInTransaction(manager, { id: created.id, status: created.status });
      });
    } catch (error) {
      // A concurrent registration of the same tax id or email lost the race at the unique index.
      const constraint = (error as { constraint?: string }).constraint;
      if (constraint === 'employers_tax_id_key') {
        throw new DomainError(ErrorCode.DuplicateTaxId, 'An employer with this tax id is registered already');
      }
      throw error;
    }
  }

  /** The employer if the principal may see it (its own users, staff); otherwise not found. */
  async getVisible(principal: Principal, id: string): Promise<EmployerEntity> {
    const employer = await this.employers.findById(id);
    if (!employer || !this.canSee(principal, employer.id)) throw new NotFoundError('Employer');
    return employer;
  }

  async get(principal: Principal, id: string): Promise<EmployerDto> {
    return EmployerDto.of(await this.getVisible(principal, id));
  }

  async update(principal: Principal, id: string, dto: UpdateEmployerDto): Promise<EmployerDto> {
    const employer = await this.getVisible(principal, id);
    const patch: Partial<EmployerEntity> = {};
    if (dto.name !== undefined && dto.name !== null) patch.name = dto.name.trim();
    if (dto.kind) patch.kind = dto.kind;
    if (dto.address) patch.address = dto.address.trim();
    if (dto.contactName) patch.contactName = dto.contactName.trim();
    if (dto.region) {
      if (!this.catalog.isRegion(dto.region, employer.country)) {
        throw ValidationError.field('region', `is not a region of ${employer.country}`);
      }
      patch.region = dto.region;
    }
    if (dto.phone) {
      const phone = normalizePhone(dto.phone, employer.country);
      if (!phone) throw ValidationError.field('phone', 'is not a valid phone number');
      patch.phone = phone;
    }
    // Verification checked the name and the kind (an individual may hire a patent holder only for personal
    // needs): the employer's own change of either sends a verified or rejected employer back to review.
    const changedChecked = [
      patch.name !== undefined && patch.name !== employer.name ? 'name' : null,
      patch.kind !== undefined && patch.kind !== employer.kind ? 'kind' : null,
    ].filter((field): field is string => field !== null);
    const backToReview =
      changedChecked.length > 0 &&
      !isStaff(principal) &&
      (employer.status === 'verified' || employer.status === 'rejected');
    if (backToReview) Object.assign(patch, { status: 'pending', verifiedAt: null, rejectionReason: null });
    if (Object.keys(patch).length) {
      await inTransaction(this.dataSource, async (manager) => {
        await this.employers.update(manager, id, patch);
        if (backToReview && principal.kind === 'user') {
          await this.employers.audit(manager, {
            actorId: principal.userId,
            actorRole: principal.role,
            action: 'employer.review_requested',
            subjectId: id,
            reason: `${changedChecked.join(' and ')} changed while ${employer.status}`,
          });
        }
      });
    }
    return EmployerDto.of((await this.employers.findById(id))!);
  }

  async list(query: EmployerListQuery): Promise<Page<EmployerDto>> {
    const [rows, total] = await this.employers.findPage(
      { status: query.status },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return pageOf(rows.map(EmployerDto.of), total, query);
  }

  verify(staff: UserPrincipal, id: string): Promise<EmployerDto> {
    return this.transition(staff, id, 'verified', ['pending', 'rejected'], null);
  }

  reject(staff: UserPrincipal, id: string, reason: string): Promise<EmployerDto> {
    return this.transition(staff, id, 'rejected', ['pending', 'verified'], reason.trim());
  }

  /** Throws 409 employer-not-verified unless the employer exists and is verified. */
  async requireVerified(employerId: string): Promise<EmployerEntity> {
    const employer = await this.employers.findById(employerId);
    if (!employer) throw new NotFoundError('Employer');
    if (employer.status !== 'verified') {
      throw new DomainError(
        ErrorCode.EmployerNotVerified,
        `The employer is ${employer.status}; only verified employers can do this`,
      );
    }
    return employer;
  }

  findById(id: string): Promise<EmployerEntity | null> {
    return this.employers.findById(id);
  }

  private canSee(principal: Principal, employerId: string): boolean {
    if (isStaff(principal)) return true;
    return principal.kind === 'user' && principal.employerId === employerId;
  }

  private async transition(
    staff: UserPrincipal,
    id: string,
    to: 'verified' | 'rejected',
    from: string[],
    reason: string | null,
  ): Promise<EmployerDto> {
    await inTransaction(this.dataSource, async (manager) => {
      const employer = await this.employers.findByIdForUpdate(manager, id);
      if (!employer) throw new NotFoundError('Employer');
      if (!from.includes(employer.status)) {
        throw new DomainError(ErrorCode.InvalidTransition, `The employer is ${employer.status} already`);
      }
      await this.employers.update(manager, id, {
        status: to,
        rejectionReason: to === 'rejected' ? reason : null,
        verifiedAt: to === 'verified' ? new Date() : null,
        verifiedBy: staff.userId,
      });
      await this.employers.audit(manager, {
        actorId: staff.userId,
        actorRole: staff.role,
        action: to === 'verified' ? 'employer.verify' : 'employer.reject',
        subjectId: id,
        reason,
      });
    });
    return EmployerDto.of((await this.employers.findById(id))!);
  }
}

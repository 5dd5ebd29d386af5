import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, UserPrincipal, isStaff } from 'src/common/auth/principal';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { Page, pageOf } from 'src/common/http/pagination';
import { answerInTransaction } from 'src/common/idempotency/idempotency.context';
import { OutboxService } from 'src/database/outbox.service';
import { inTransaction } from 'src/database/transaction';
import { JobName } from 'src/queue/queue.constants';
import { allowedTransitions, canTransition } from 'src/modules/applications/application-state';
import { transitionApplication } from 'src/modules/applications/application-transitions';
import { EligibilityService } from 'src/modules/eligibility/eligibility.service';
import { EligibilityResult, Lang } from 'src/modules/eligibility/eligibility.types';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { TemplateName, TemplatePayload } from 'src/modules/notifications/templates/render';
import { ObligationsService } from 'src/modules/placements/obligations.service';
import {
  ApplicationHistoryDto,
  PlacementDto,
  PlacementListQuery,
  TerminatePlacementDto,
  TransitionDto,
  TransitionResultDto,
} from 'src/modules/placements/placements.dto';
import { ApplicationRow, PlacementsRepository } from 'src/modules/placements/placements.repository';
import { VacanciesService } from 'src/modules/vacancies/vacancies.service';
import { pageLinks } from 'src/modules/notifications/links';

type Party = 'staff' | 'employer' | 'migrant';

/**
 * The application pipeline after submission (every change through `transitionApplication`), hiring with a fresh
 * eligibility check for the contract's start date, and the placements that hires create.
 */
@Injectable()
export class PlacementsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PlacementsRepository,
    private readonly vacancies: VacanciesService,
    private readonly eligibility: EligibilityService,
    private readonly notifications: NotificationsService,
    private readonly obligations: ObligationsService,
    private readonly outbox: OutboxService,
  ) {}

  async transition(
    principal: Principal,
    applicationId: string,
    dto: TransitionDto,
    lang: Lang,
  ): Promise<TransitionResultDto> {
    const application = await this.repository.findApplication(applicationId);
    const party = application && this.partyOf(principal, application);
    if (!application || !party) throw new NotFoundError('Application');
    // The migrant may only step back; moving an application forward is the employer's or staff's decision.
    if (party === 'migrant' && dto.to !== 'withdrawn') {
      throw new DomainError(ErrorCode.Forbidden, 'An applicant may only withdraw an application');
    }
    if (dto.to !== 'hired' && (dto.contractStartDate || dto.contractEndDate)) {
      throw ValidationError.field('contractStartDate', 'applies only to to=hired');
    }
    if (dto.to === 'hired') return this.hire(principal, application, dto, lang);

    return inTransaction(this.dataSource, async (manager) => {
      const { from } = await transitionApplication(manager, applicationId, dto.to, principal, dto.reason);
      if (dto.to === 'offered') await this.notifyOffer(manager, application);
      return answerInTransaction(manager, { applicationId, from, status: dto.to });
    });
  }

  async history(principal: Principal, applicationId: string): Promise<ApplicationHistoryDto> {
    const application = await this.repository.findApplication(applicationId);
    if (!application || !this.partyOf(principal, application)) throw new NotFoundError('Application');
    return { applicationId, status: application.status, items: await this.repository.history(applicationId) };
  }

  /**
   * Hiring re-checks eligibility for the contract's start date and refuses anything but `eligible`: a
   * `conditional` result means steps (a patent for the region, a permit) are still missing, so the person may
   * not legally start with the documents held now; the employer hires once they are in place.
   */
  private async hire(
    principal: Principal,
    application: ApplicationRow,
    dto: TransitionDto,
    lang: Lang,
  ): Promise<TransitionResultDto> {
    const start = dto.contractStartDate!;
    if (dto.contractEndDate && dto.contractEndDate < start) {
      throw ValidationError.field('contractEndDate', 'must not be before contractStartDate');
    }
    // The pipeline first, so an application that is not at the offer stage answers 409 rather than 422.
    if (!canTransition(application.status, 'hired')) {
      throw new DomainError(
        ErrorCode.InvalidTransition,
        `An application cannot go from ${application.status} to hired`,
        { currentStatus: application.status, allowed: allowedTransitions(application.status) },
      );
    }
    const found = await this.vacancies.findWithEmployer(application.vacancyId);
    if (!found) throw new NotFoundError('Vacancy');
    const { vacancy, employer } = found;
    const eligibility: EligibilityResult = await this.eligibility.checkMigrantForVacancy(
      application.migrantId,
      {
        hostCountry: employer.country,
        region: vacancy.region,
        startDate: start,
        occupationCode: vacancy.occupationCode.trim(),
        monthlySalary:
          vacancy.salaryPeriod === 'month'
            ? { amount: Number(vacancy.salaryMin), currency: vacancy.salaryCurrency.trim() }
            : undefined,
        employerKind: employer.kind,
        quotaAvailable: vacancy.quotaAvailable,
      },
      lang,
      start,
    );
    if (eligibility.status !== 'eligible') {
      throw new DomainError(
        ErrorCode.NotEligible,
        eligibility.status === 'ineligible'
          ? `The person may not legally start this job on ${start}`
          : `Steps remain before the person may legally start this job on ${start}; hire once they are done`,
        { eligibility },
      );
    }

    return inTransaction(this.dataSource, async (manager) => {
      await transitionApplication(manager, application.id, 'hired', principal, dto.reason);
      const { positions, taken } = await this.repository.lockVacancyPositions(manager, application.vacancyId);
      if (taken >= positions) {
        throw new DomainError(ErrorCode.Conflict, 'Every position of this vacancy is filled already', {
          positions,
        });
      }
      const id = await this.repository.insertPlacement(manager, {
        application,
        contractStartDate: start,
        contractEndDate: dto.contractEndDate ?? null,
        createdBy: principal.kind === 'user' ? principal.userId : null,
      });
      if (
        taken + 1 >= positions &&
        (await this.repository.markVacancyFilled(manager, application.vacancyId))
      ) {
        await this.outbox.add(manager, {
          job: JobName.SearchIndexVacancy,
          payload: { vacancyId: application.vacancyId },
        });
      }
      if (employer.country === 'RU') {
        await this.obligations.create(manager, {
          employerId: application.employerId,
          placementId: id,
          kind: 'hire_notification',
          eventDate: start,
          field: 'contractStartDate',
        });
      }
      await this.notifyMigrant(
        manager,
        application.migrantId,
        'hired',
        { vacancyTitle: vacancy.title, employerName: employer.name, startDate: start },
        `hired:${application.id}`,
      );
      const placement = await this.repository.findPlacement(id, manager);
      return answerInTransaction(manager, {
        applicationId: application.id,
        from: application.status,
        status: 'hired',
        placement: placement!,
        eligibility: eligibility as unknown as Record<string, unknown>,
      });
    });
  }

  async terminate(principal: UserPrincipal, id: string, dto: TerminatePlacementDto): Promise<PlacementDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.repository.lockPlacement(manager, id);
      if (!row || !this.obligations.mayManage(principal, row.employerId))
        throw new NotFoundError('Placement');
      if (row.status !== 'active') {
        throw new DomainError(ErrorCode.InvalidTransition, 'This placement has ended already', {
          currentStatus: row.status,
        });
      }
      if (dto.date < row.contractStartDate) {
        throw ValidationError.field('date', 'must not be before the contract start date');
      }
      await this.repository.terminatePlacement(manager, id, dto.date, dto.reason.trim());
      if ((await this.repository.employerCountry(manager, row.employerId)) === 'RU') {
        await this.obligations.create(manager, {
          employerId: row.employerId,
          placementId: id,
          kind: 'termination_notification',
          eventDate: dto.date,
          field: 'date',
        });
      }
      return answerInTransaction(manager, (await this.repository.findPlacement(id, manager))!);
    });
  }

  async list(principal: UserPrincipal, query: PlacementListQuery): Promise<Page<PlacementDto>> {
    const filter: { employerId?: string; migrantId?: string; status?: string } = { status: query.status };
    if (isStaff(principal)) filter.employerId = query.employerId;
    else if (principal.employerId) {
      if (query.employerId && query.employerId !== principal.employerId) throw new NotFoundError('Employer');
      filter.employerId = principal.employerId;
    } else if (principal.migrantId) filter.migrantId = principal.migrantId;
    else throw new DomainError(ErrorCode.Forbidden, 'No placements for this user');
    const { items, total } = await this.repository.listPlacements(
      filter,
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return pageOf(items, total, query);
  }

  private partyOf(principal: Principal, application: ApplicationRow): Party | null {
    if (isStaff(principal)) return 'staff';
    if (principal.kind !== 'user') return null;
    if (principal.role === 'employer' && principal.employerId === application.employerId) return 'employer';
    if (principal.role === 'migrant' && principal.migrantId === application.migrantId) return 'migrant';
    return null;
  }

  private async notifyOffer(manager: EntityManager, application: ApplicationRow): Promise<void> {
    const found = await this.vacancies.findWithEmployer(application.vacancyId, manager);
    if (!found) return;
    await this.notifyMigrant(
      manager,
      application.migrantId,
      'offer',
      {
        vacancyTitle: found.vacancy.title,
        employerName: found.employer.name,
        offerUrl: pageLinks.migrantApplication(application.id),
      },
      `offer:${application.id}`,
    );
  }

  /** In-app, e-mail and SMS to the person's login; an SMS to the profile phone when they have no login. */
  private async notifyMigrant(
    manager: EntityManager,
    migrantId: string,
    template: TemplateName,
    payload: TemplatePayload,
    dedupeKey: string,
  ): Promise<void> {
    const userId = await this.repository.userIdOfMigrant(manager, migrantId);
    if (userId) {
      await this.notifications.notifyUser(manager, userId, template, payload, undefined, { dedupeKey });
      return;
    }
    const contact = await this.repository.migrantContact(manager, migrantId);
    if (contact?.phone) {
      await this.notifications.enqueue(manager, {
        channel: 'sms',
        address: contact.phone,
        template,
        locale: contact.preferredLanguage,
        payload: { recipientName: contact.fullName ?? '', ...payload },
        dedupeKey: `${dedupeKey}:sms`,
      });
    }
  }
}

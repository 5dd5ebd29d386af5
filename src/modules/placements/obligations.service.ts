import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, UserPrincipal, isStaff } from 'src/common/auth/principal';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { Page, pageOf } from 'src/common/http/pagination';
import { answerInTransaction } from 'src/common/idempotency/idempotency.context';
import { inTransaction } from 'src/database/transaction';
import { CalendarService } from 'src/modules/calendar/calendar.service';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { TemplateName, TemplatePayload } from 'src/modules/notifications/templates/render';
import {
  CompleteObligationDto,
  ObligationDto,
  ObligationKind,
  ObligationListQuery,
} from 'src/modules/placements/placements.dto';
import { PlacementsRepository } from 'src/modules/placements/placements.repository';
import { pageLinks } from 'src/modules/notifications/links';

/** Working days the employer has to notify the Interior Ministry (115-FZ art. 13 p.8). */
export const NOTIFICATION_WORKING_DAYS = 3;
export const OBLIGATION_LEGAL_BASIS: Record<ObligationKind, string> = {
  hire_notification:
    'Federal Law 115-FZ of 25.07.2002, art. 13 p.8: notify the Interior Ministry within 3 working days of concluding an employment contract with a foreign national (form: MVD order 536 of 30.07.2020)',
  termination_notification:
    'Federal Law 115-FZ of 25.07.2002, art. 13 p.8: notify the Interior Ministry within 3 working days of ending an employment contract with a foreign national (form: MVD order 536 of 30.07.2020)',
};
/** Days before the end of a patent's paid period when worker and employer are warned. */
export const PATENT_WARNING_DAYS = 10;

/** `YYYY-MM-DD` in Moscow: the date legal deadlines are counted in. */
export function moscowToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(now);
}

export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Employers' duties after a hire or a termination in Russia, their deadlines on the production calendar in force,
 * and the daily reminders (each sent once: deduplicated per duty, kind of reminder and recipient).
 */
@Injectable()
export class ObligationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: PlacementsRepository,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Creates the notification duty for an event on `eventDate`, in the caller's transaction. */
  async create(
    manager: EntityManager,
    o: { employerId: string; placementId: string; kind: ObligationKind; eventDate: string; field: string },
  ): Promise<string> {
    let dueDate: string;
    try {
      dueDate = await this.calendar.addWorkingDays(o.eventDate, NOTIFICATION_WORKING_DAYS, 'RU');
    } catch (error) {
      throw ValidationError.field(o.field, (error as Error).message);
    }
    return this.repository.insertObligation(manager, {
      employerId: o.employerId,
      placementId: o.placementId,
      kind: o.kind,
      eventDate: o.eventDate,
      dueDate,
      legalBasis: OBLIGATION_LEGAL_BASIS[o.kind],
    });
  }

  async list(principal: UserPrincipal, query: ObligationListQuery): Promise<Page<ObligationDto>> {
    let employerId = query.employerId;
    if (!isStaff(principal)) {
      // Another employer's duties are not there for this user at all.
      if (employerId && employerId !== principal.employerId) throw new NotFoundError('Employer');
      employerId = principal.employerId ?? undefined;
      if (!employerId) throw new DomainError(ErrorCode.Forbidden, 'Only employers and staff see obligations');
    }
    const { items, total } = await this.repository.listObligations(
      { employerId, status: query.status },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return pageOf(items, total, query);
  }

  async complete(principal: UserPrincipal, id: string, dto: CompleteObligationDto): Promise<ObligationDto> {
    const completedAt = new Date(dto.completedAt);
    if (Number.isNaN(completedAt.getTime())) throw ValidationError.field('completedAt', 'is not a date');
    if (completedAt.getTime() > Date.now() + 5 * 60_000) {
      throw ValidationError.field('completedAt', 'must not be in the future');
    }
    return inTransaction(this.dataSource, async (manager) => {
      const row = await this.repository.lockObligation(manager, id);
      if (!row || !this.mayManage(principal, row.employerId)) throw new NotFoundError('Obligation');
      if (row.status === 'done') {
        throw new DomainError(ErrorCode.InvalidTransition, 'This obligation is recorded as done already', {
          currentStatus: row.status,
        });
      }
      await this.repository.completeObligation(
        manager,
        id,
        completedAt,
        dto.reference.trim(),
        principal.userId,
      );
      return answerInTransaction(manager, (await this.repository.findObligation(id, manager))!);
    });
  }

  /**
   * The daily reminder run for `today` (Moscow date): duties due tomorrow get `obligation_due`, duties past due
   * `obligation_overdue`. Returns how many duties were reminded about (a reminder already sent is not repeated).
   */
  async sweep(today: string): Promise<{ date: string; reminded: number }> {
    const rows = await this.repository.obligationsToRemind(today, addCalendarDays(today, 1));
    for (const row of rows) {
      const template: TemplateName = row.overdue ? 'obligation_overdue' : 'obligation_due';
      await inTransaction(this.dataSource, (manager) =>
        this.notifyEmployer(
          manager,
          row.employerId,
          template,
          {
            workerName: row.workerName ?? '',
            eventDate: row.eventDate,
            dueDate: row.dueDate,
            obligationUrl: pageLinks.employerObligations(),
          },
          `obligation:${row.id}:${row.overdue ? 'overdue' : 'due'}`,
        ),
      );
    }
    return { date: today, reminded: rows.length };
  }

  /**
   * The daily patent run for `today`: patents whose paid period ends in 10 days, held by someone placed in a job,
   * warn the worker and the employer once per document and end date.
   */
  async sweepPatents(today: string): Promise<{ date: string; reminded: number }> {
    const until = addCalendarDays(today, PATENT_WARNING_DAYS);
    const rows = await this.repository.patentsEndingOn(until);
    for (const row of rows) {
      // The code is named in each recipient's language when the message is rendered.
      const place = { region: row.region ?? '', regionName: row.region ?? '' };
      const key = `patent:${row.documentId}:${row.validUntil}`;
      await inTransaction(this.dataSource, async (manager) => {
        const userId = await this.repository.userIdOfMigrant(manager, row.migrantId);
        if (userId) {
          await this.notifications.notifyUser(
            manager,
            userId,
            'patent_expiring_migrant',
            { paidUntil: row.validUntil, ...place },
            undefined,
            { dedupeKey: `${key}:migrant` },
          );
        }
        await this.notifyEmployer(
          manager,
          row.employerId,
          'patent_expiring_employer',
          { workerName: row.workerName ?? '', paidUntil: row.validUntil, ...place },
          `${key}:employer`,
        );
      });
    }
    return { date: today, reminded: rows.length };
  }

  mayManage(principal: Principal, employerId: string): boolean {
    return isStaff(principal) || (principal.kind === 'user' && principal.employerId === employerId);
  }

  private async notifyEmployer(
    manager: EntityManager,
    employerId: string,
    template: TemplateName,
    payload: TemplatePayload,
    dedupeKey: string,
  ): Promise<void> {
    for (const userId of await this.repository.userIdsOfEmployer(manager, employerId)) {
      await this.notifications.notifyUser(manager, userId, template, payload, undefined, {
        dedupeKey: `${dedupeKey}:${userId}`,
      });
    }
  }
}

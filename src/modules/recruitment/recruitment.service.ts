import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Principal, UserPrincipal, isStaff } from 'src/common/auth/principal';
import { DomainError, ErrorCode, NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { inTransaction } from 'src/database/transaction';
import { isIsoDate } from 'src/modules/eligibility/eligibility.dates';
import { InterviewsService } from 'src/modules/interviews/interviews.service';
import { RecruitmentAgenciesService } from 'src/modules/recruitment/recruitment-agencies.service';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { OFFER_CONDITION, OfferLang, offerTerms } from 'src/modules/recruitment/recruitment-offer';
import { FunnelGroup, FunnelRow, funnel } from 'src/modules/recruitment/recruitment-funnel';
import { RecruitStatus, canMove } from 'src/modules/recruitment/recruit-journey';
import {
  CreateRecruitmentOrderDto,
  MoveRecruitDto,
  OfferDto,
  PipelineDto,
  RecruitDto,
  RecruitmentOrderDto,
  RecruitmentOrderListItemDto,
} from 'src/modules/recruitment/recruitment.dto';

interface OrderRow {
  id: string;
  employer_id: string;
  vacancy_id: string;
  workers: number;
  origin_countries: string[];
  starts_on: string;
  ends_on: string;
  costs: RecruitmentOrderDto['costs'];
  agency_id: string | null;
  status: string;
  host_country: string;
}

interface RecruitRow {
  id: string;
  order_id: string;
  migrant_id: string;
  full_name?: string | null;
  citizenship?: string;
  status: RecruitStatus;
  dropped_reason: string | null;
  steps: RecruitDto['steps'];
}

const ORDER_COLUMNS = `o.id, o.employer_id, o.vacancy_id, o.workers, o.origin_countries, o.starts_on::text AS starts_on,
  o.ends_on::text AS ends_on, o.costs, o.agency_id, o.status, e.country AS host_country`;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Organised recruitment: an employer in Russia or Kazakhstan orders workers from countries of origin, staff approve,
 * and each recruit's journey is tracked step by step on the audit trail. The employer pays every cost.
 */
@Injectable()
export class RecruitmentService {
  private readonly catalog = ReferenceCatalog.load();

  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: RecruitmentAgenciesService,
    private readonly interviews: InterviewsService,
  ) {}

  async createOrder(principal: UserPrincipal, dto: CreateRecruitmentOrderDto): Promise<RecruitmentOrderDto> {
    if (!isIsoDate(dto.startsOn)) throw ValidationError.field('startsOn', 'is not an existing date');
    if (!isIsoDate(dto.endsOn) || dto.endsOn < dto.startsOn) {
      throw ValidationError.field('endsOn', 'must be an existing date on or after startsOn');
    }
    const onWorker = Object.entries(dto.costs).filter(([, payer]) => payer === 'worker');
    if (onWorker.length) {
      throw new DomainError(
        ErrorCode.WorkerPaidCost,
        `Workers may not be charged recruitment fees or related costs (ILO employer pays principle): ${onWorker
          .map(([item]) => item)
          .join(', ')}`,
        { items: onWorker.map(([item]) => ({ item })) },
      );
    }
    const [vacancy] = await this.dataSource.query(
      `SELECT v.id, v.employer_id, e.country FROM vacancies v JOIN employers e ON e.id = v.employer_id WHERE v.id = $1`,
      [dto.vacancyId],
    );
    if (!vacancy || (!isStaff(principal) && vacancy.employer_id !== principal.employerId)) {
      throw new NotFoundError('Vacancy');
    }
    if (!['RU', 'KZ'].includes(vacancy.country)) {
      throw ValidationError.field('vacancyId', 'must be a vacancy of an employer in Russia or Kazakhstan');
    }
    const agencyId = dto.agencyId?.toLowerCase() ?? null;
    return inTransaction(this.dataSource, async (manager) => {
      if (agencyId) await this.agencies.assertUsable(manager, agencyId, dto);
      const [row] = await manager.query(
        `INSERT INTO recruitment_orders (employer_id, vacancy_id, workers, origin_countries, starts_on, ends_on, costs,
                                         agency_id, terms_snapshot_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8,
                 (SELECT current_terms_snapshot_id FROM vacancies WHERE id = $2)) RETURNING id`,
        [
          vacancy.employer_id,
          dto.vacancyId,
          dto.workers,
          [...new Set(dto.originCountries)],
          dto.startsOn,
          dto.endsOn,
          JSON.stringify(dto.costs),
          agencyId,
        ],
      );
      await this.audit(manager, principal, 'recruitment_order.create', 'recruitment_order', row.id, {});
      return this.orderView(await this.order(row.id, manager));
    });
  }

  async approve(principal: UserPrincipal, id: string): Promise<RecruitmentOrderDto> {
    return inTransaction(this.dataSource, async (manager) => {
      const order = await this.order(id, manager, true);
      if (order.status !== 'pending') {
        throw new DomainError(ErrorCode.InvalidTransition, `A ${order.status} order cannot be approved`);
      }
      // The licence may have been suspended, revoked or corrected since the order was placed.
      if (order.agency_id) {
        await this.agencies.assertUsable(manager, order.agency_id, {
          originCountries: order.origin_countries,
          startsOn: order.starts_on,
          endsOn: order.ends_on,
        });
      }
      await manager.query(
        `UPDATE recruitment_orders SET status = 'approved', approved_by = $2, approved_at = now() WHERE id = $1`,
        [id, principal.userId],
      );
      await this.audit(manager, principal, 'recruitment_order.approve', 'recruitment_order', id, {});
      return this.orderView(await this.order(id, manager));
    });
  }

  /** Selects a candidate for an approved order: a citizen of an origin country with no entry ban of the host. */
  async select(principal: UserPrincipal, orderId: string, migrantId: string): Promise<RecruitDto> {
    const recruit = await inTransaction(this.dataSource, async (manager) => {
      const order = await this.order(orderId, manager);
      this.assertOrderAccess(principal, order);
      if (order.status !== 'approved') {
        throw new DomainError(ErrorCode.InvalidTransition, `A ${order.status} order takes no candidates`);
      }
      const [migrant] = await manager.query(
        `SELECT id, citizenship,
                EXISTS (SELECT 1 FROM entry_bans b WHERE b.migrant_id = m.id AND b.host_country = $2
                          AND b.lifted_at IS NULL AND b.until_date >= $3::date) AS banned,
                m.visible_to_employers
                  OR EXISTS (SELECT 1 FROM applications a WHERE a.migrant_id = m.id AND a.employer_id = $4)
                  AS visible
           FROM migrants m WHERE id = $1 AND status = 'active'`,
        [
          migrantId,
          order.host_country,
          order.starts_on < today() ? today() : order.starts_on,
          order.employer_id,
        ],
      );
      // An employer selects only people it may see (consent, or an application to it), and learns no more than
      // that one cannot be recruited: the reason (citizenship, an entry ban) is for the person and staff.
      const byEmployer = principal.role === 'employer';
      if (!migrant || (byEmployer && !migrant.visible)) throw new NotFoundError('Migrant');
      if (!order.origin_countries.includes(migrant.citizenship) || migrant.banned) {
        throw new DomainError(
          ErrorCode.NotEligible,
          byEmployer
            ? 'The person cannot be recruited for this order'
            : migrant.banned
              ? `The person has an entry ban of ${order.host_country}`
              : 'The person is not a citizen of an origin country of the order',
        );
      }
      const steps = [{ status: 'selected', date: today(), by: principal.role }];
      const [row] = await manager.query(
        `INSERT INTO recruits (order_id, migrant_id, steps) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (order_id, migrant_id) DO NOTHING RETURNING id`,
        [orderId, migrantId, JSON.stringify(steps)],
      );
      if (!row) throw new DomainError(ErrorCode.Conflict, 'The person is already a recruit of this order');
      await this.interviews.linkRecruit(manager, row.id, migrantId, order.vacancy_id);
      await this.audit(manager, principal, 'recruit.selected', 'recruit', row.id, { orderId, migrantId });
      return this.recruitView(await this.recruit(row.id, manager));
    });
    return this.withInterviews(principal, [recruit]).then(([r]) => r);
  }

  /** The next journey step, or `dropped` with a reason; by the person, the order's employer or staff. */
  async move(principal: UserPrincipal, recruitId: string, dto: MoveRecruitDto): Promise<RecruitDto> {
    const to = dto.to as RecruitStatus;
    if (dto.date !== undefined && !isIsoDate(dto.date))
      throw ValidationError.field('date', 'is not an existing date');
    if (to === 'dropped' && !dto.reason?.trim()) throw ValidationError.field('reason', 'is required to drop');
    const moved = await inTransaction(this.dataSource, async (manager) => {
      const recruit = await this.recruit(recruitId, manager, true);
      const order = await this.order(recruit.order_id, manager);
      const self = principal.role === 'migrant' && principal.migrantId === recruit.migrant_id;
      if (!self) this.assertOrderAccess(principal, order, 'Recruit');
      if (!canMove(recruit.status, to)) {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          `A recruit cannot go from ${recruit.status} to ${to}`,
          {
            from: recruit.status,
            to,
          },
        );
      }
      const steps = [...recruit.steps, { status: to, date: dto.date ?? today(), by: principal.role }];
      await manager.query(
        `UPDATE recruits SET status = $2, steps = $3::jsonb, dropped_reason = $4, updated_at = now() WHERE id = $1`,
        [recruitId, to, JSON.stringify(steps), to === 'dropped' ? dto.reason!.trim() : null],
      );
      await this.audit(manager, principal, `recruit.${to}`, 'recruit', recruitId, {
        from: recruit.status,
        date: dto.date ?? today(),
      });
      return this.recruitView(await this.recruit(recruitId, manager));
    });
    return this.withInterviews(principal, [moved]).then(([r]) => r);
  }

  /** The recruit's journey: each step, and the interview for the order's vacancy, on both clocks. */
  async getRecruit(principal: UserPrincipal, recruitId: string): Promise<RecruitDto> {
    const recruit = await this.recruit(recruitId, this.dataSource.manager);
    const order = await this.order(recruit.order_id);
    const self = principal.role === 'migrant' && principal.migrantId === recruit.migrant_id;
    if (!self) this.assertOrderAccess(principal, order, 'Recruit');
    const [view] = await this.withInterviews(principal, [this.recruitView(recruit)]);
    return view;
  }

  /**
   * The conditional offer: the terms of the vacancy as advertised when the order was placed (its immutable
   * snapshot), in the person's language, with who pays each cost. For the recruit, the employer and staff.
   */
  async offer(principal: UserPrincipal, recruitId: string, lang: OfferLang): Promise<OfferDto> {
    const recruit = await this.recruit(recruitId, this.dataSource.manager);
    const order = await this.order(recruit.order_id);
    const self = principal.role === 'migrant' && principal.migrantId === recruit.migrant_id;
    if (!self) this.assertOrderAccess(principal, order, 'Recruit');
    const [snapshot] = await this.dataSource.query(
      `SELECT s.id, s.terms FROM recruitment_orders o JOIN vacancy_terms_snapshots s ON s.id = o.terms_snapshot_id
        WHERE o.id = $1`,
      [order.id],
    );
    if (!snapshot) throw new NotFoundError('Terms snapshot');
    return {
      recruitId,
      orderId: order.id,
      termsSnapshotId: snapshot.id,
      lang,
      conditional: OFFER_CONDITION[lang],
      terms: offerTerms(snapshot.terms, { ...order.costs }, lang, this.catalog),
    };
  }

  funnel(groupBy: FunnelGroup): Promise<FunnelRow[]> {
    return funnel(this.dataSource, groupBy);
  }

  /** Staff see every order; an employer its own. */
  async listOrders(principal: UserPrincipal, status?: string): Promise<RecruitmentOrderListItemDto[]> {
    const employerId = isStaff(principal) ? null : principal.employerId;
    if (!isStaff(principal) && !employerId) return [];
    const rows: (OrderRow & { employer_name: string; vacancy_title: string; recruits: number })[] =
      await this.dataSource.query(
        `SELECT ${ORDER_COLUMNS}, e.name AS employer_name, v.title AS vacancy_title,
                (SELECT count(*)::int FROM recruits r WHERE r.order_id = o.id) AS recruits
           FROM recruitment_orders o JOIN employers e ON e.id = o.employer_id JOIN vacancies v ON v.id = o.vacancy_id
          WHERE ($1::uuid IS NULL OR o.employer_id = $1) AND ($2::text IS NULL OR o.status = $2)
          ORDER BY o.created_at DESC, o.id LIMIT 500`,
        [employerId, status ?? null],
      );
    return rows.map((o) => ({
      ...this.orderView(o),
      employerName: o.employer_name,
      vacancyTitle: o.vacancy_title,
      hostCountry: o.host_country,
      recruits: o.recruits,
    }));
  }

  async pipeline(principal: Principal, orderId: string): Promise<PipelineDto> {
    const order = await this.order(orderId);
    if (principal.kind !== 'user') throw new NotFoundError('Recruitment order');
    this.assertOrderAccess(principal, order);
    const rows: RecruitRow[] = await this.dataSource.query(
      `SELECT r.id, r.order_id, r.migrant_id, r.status, r.dropped_reason, r.steps, m.full_name, m.citizenship
         FROM recruits r JOIN migrants m ON m.id = r.migrant_id WHERE r.order_id = $1
        ORDER BY r.created_at, r.id`,
      [orderId],
    );
    const counts: Record<string, number> = {};
    for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
    return {
      order: this.orderView(order),
      recruits: await this.withInterviews(
        principal,
        rows.map((r) => ({
          ...this.recruitView(r),
          migrantName: r.full_name ?? null,
          citizenship: r.citizenship,
        })),
      ),
      counts,
    };
  }

  /** Each recruit with its interview for the order's vacancy (null when none was booked). */
  private async withInterviews(principal: Principal, recruits: RecruitDto[]): Promise<RecruitDto[]> {
    const interviews = await this.interviews.forRecruits(
      principal,
      recruits.map((r) => r.id),
    );
    return recruits.map((r) => ({ ...r, interview: interviews.get(r.id) ?? null }));
  }

  private assertOrderAccess(principal: UserPrincipal, order: OrderRow, what = 'Recruitment order'): void {
    if (isStaff(principal)) return;
    if (principal.role === 'employer' && principal.employerId === order.employer_id) return;
    throw new NotFoundError(what);
  }

  private async order(id: string, manager?: EntityManager, lock = false): Promise<OrderRow> {
    const [row] = await (manager ?? this.dataSource).query(
      `SELECT ${ORDER_COLUMNS} FROM recruitment_orders o JOIN employers e ON e.id = o.employer_id WHERE o.id = $1${
        lock ? ' FOR UPDATE OF o' : ''
      }`,
      [id],
    );
    if (!row) throw new NotFoundError('Recruitment order');
    return row as OrderRow;
  }

  private async recruit(id: string, manager: EntityManager, lock = false): Promise<RecruitRow> {
    const [row] = await manager.query(
      `SELECT id, order_id, migrant_id, status, dropped_reason, steps FROM recruits WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    if (!row) throw new NotFoundError('Recruit');
    return row as RecruitRow;
  }

  private orderView(o: OrderRow): RecruitmentOrderDto {
    return {
      id: o.id,
      employerId: o.employer_id,
      vacancyId: o.vacancy_id,
      workers: o.workers,
      originCountries: o.origin_countries,
      startsOn: o.starts_on,
      endsOn: o.ends_on,
      costs: o.costs,
      agencyId: o.agency_id,
      status: o.status,
    };
  }

  private recruitView(r: RecruitRow): RecruitDto {
    return {
      id: r.id,
      orderId: r.order_id,
      migrantId: r.migrant_id,
      status: r.status,
      droppedReason: r.dropped_reason,
      steps: r.steps,
    };
  }

  private async audit(
    manager: EntityManager,
    principal: UserPrincipal,
    action: string,
    subjectType: string,
    subjectId: string,
    details: object,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, details)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [principal.userId, principal.role, action, subjectType, subjectId, JSON.stringify(details)],
    );
  }
}

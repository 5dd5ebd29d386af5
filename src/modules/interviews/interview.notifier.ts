import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { normalizePhone } from 'src/common/validation/phone';
import { OutboxEvent } from 'src/database/outbox.service';
import { JobName } from 'src/queue/queue.constants';
import { buildInterviewIcs } from 'src/modules/interviews/ics';
import { InterviewContext } from 'src/modules/interviews/interview.repository';
import {
  InterviewZones,
  PlaceClock,
  differentClocks,
  interviewZones,
  isRemote,
} from 'src/modules/interviews/interview-zones';
import {
  NewNotification,
  NotificationsService,
  UserNotificationRequest,
} from 'src/modules/notifications/notifications.service';
import { TemplateName, normalizeLocale } from 'src/modules/notifications/templates/render';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { pageLinks } from 'src/modules/notifications/links';

export type InterviewChange = 'invitation' | 'rescheduled' | 'cancelled';

const TEMPLATES: Record<InterviewChange, TemplateName> = {
  invitation: 'interview_invitation',
  rescheduled: 'interview_rescheduled',
  cancelled: 'interview_cancelled',
};

const LOCALE_TAGS: Record<string, string> = {
  ru: 'ru-RU',
  uz: 'uz-Latn-UZ',
  tg: 'tg-TJ',
  ky: 'ky-KG',
  en: 'en-GB',
};

interface Messages {
  migrantItems: NewNotification[];
  employerRequests: UserNotificationRequest[];
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+$/;

/** `interview-<id>@jobfair`: one calendar event per interview for its whole life. */
export function interviewUid(interviewId: string): string {
  return `interview-${interviewId}@jobfair`;
}

/** One reminder of one interview time: the same key however often (or under whichever job) it is sent. */
export function reminderKey(interviewId: string, startsAt: Date, offsetMinutes: number): string {
  return `interview-reminder:${interviewId}:${startsAt.toISOString()}:${offsetMinutes}`;
}

/** Deterministic, so a repeated relay never doubles a reminder and a reschedule can remove the old ones. */
export function reminderJobId(interviewId: string, sequence: number, offsetMinutes: number): string {
  return `reminder-${interviewId}-${sequence}-${offsetMinutes}`;
}

// Building an Intl formatter costs far more than using one; reminders falling due together share them.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The instant in the recipient's language and the venue's zone, e.g. "15 марта 2027 г., 10:00 GMT+3". */
export function formatWhen(date: Date, locale: string, timeZone: string): string {
  const tag = LOCALE_TAGS[normalizeLocale(locale) ?? 'ru'] ?? 'ru-RU';
  const key = `${tag} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, {
      timeZone,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time alone with its zone, e.g. "10:00 GMT+3". */
export function formatTime(date: Date, locale: string, timeZone: string): string {
  const tag = LOCALE_TAGS[normalizeLocale(locale) ?? 'ru'] ?? 'ru-RU';
  const key = `${tag} ${timeZone}`;
  let formatter = timeFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(tag, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    timeFormatters.set(key, formatter);
  }
  return formatter.format(date);
}

const REMOTE_LABELS: Record<'video' | 'phone', Record<string, string>> = {
  video: { ru: 'Видеозвонок', uz: 'Video qoʻngʻiroq', tg: 'Видеозанг', ky: 'Видео чалуу', en: 'Video call' },
  phone: {
    ru: 'Звонок по телефону',
    uz: 'Telefon qoʻngʻirogʻi',
    tg: 'Занги телефонӣ',
    ky: 'Телефон чалуу',
    en: 'Phone call',
  },
};

/**
 * Writes the messages about an interview (to the candidate and the employer's users) and its reminder jobs
 * into the caller's transaction, so a booking and its invitation commit or vanish together.
 */
@Injectable()
export class InterviewNotifier {
  private readonly catalog = ReferenceCatalog.load();
  private readonly fallbackOrganizer: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationsService,
  ) {
    this.fallbackOrganizer = /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? 'no-reply@jobfair.local';
  }

  /** In person: the fair's clock (or the employer's region's) for both; remote: each side its own. */
  zonesOf(ctx: InterviewContext): InterviewZones {
    return interviewZones(ctx.interview.zoneFacts, this.catalog);
  }

  /**
   * Where to be: the venue and booth in person; for a video call its link; for a phone call the number to call,
   * or that the employer calls the candidate.
   */
  locationOf(ctx: InterviewContext, locale = 'ru'): string {
    const { interview, fair } = ctx;
    if (isRemote(interview.mode)) {
      const lang = normalizeLocale(locale) ?? 'ru';
      const label = REMOTE_LABELS[interview.mode as 'video' | 'phone'][lang];
      return interview.location ? `${label}: ${interview.location}` : label;
    }
    const parts = [fair?.venue, interview.location ?? fair?.booth].filter((p): p is string => !!p);
    return parts.length ? parts.join(', ') : interview.mode;
  }

  /**
   * The time on the reader's clock and, when the other side's differs, on theirs with its region, e.g.
   * "15 марта 2027 г., 12:00 GMT+5 (Москва: 10:00 GMT+3)".
   */
  whenFor(ctx: InterviewContext, locale: string, side: 'employer' | 'candidate'): string {
    const zones = this.zonesOf(ctx);
    const own = zones[side];
    const other = zones[side === 'employer' ? 'candidate' : 'employer'];
    const start = ctx.interview.startsAt;
    const text = formatWhen(start, locale, own.timeZone);
    if (!differentClocks(start, own.timeZone, other.timeZone)) return text;
    return `${text} (${this.placeName(other, locale)}: ${formatTime(start, locale, other.timeZone)})`;
  }

  private placeName(place: PlaceClock, locale: string): string {
    const lang = normalizeLocale(locale) ?? 'ru';
    return (place.region && this.catalog.regionName(place.region, lang)) || place.timeZone;
  }

  /**
   * The event for the candidate names them as attendee; the employer's copy carries no address of the person
   * (an employer reaches a candidate through the service, never by the candidate's e-mail).
   */
  ics(
    ctx: InterviewContext,
    method: 'REQUEST' | 'CANCEL',
    forEmployer = false,
  ): { method: string; content: string } {
    const { interview, migrant, employer } = ctx;
    const lang = forEmployer ? (ctx.employerUsers[0]?.preferredLanguage ?? 'ru') : migrant.preferredLanguage;
    const content = buildInterviewIcs({
      uid: interviewUid(interview.id),
      sequence: interview.sequence,
      method,
      startsAt: interview.startsAt,
      endsAt: interview.endsAt,
      timezone: this.zonesOf(ctx)[forEmployer ? 'employer' : 'candidate'].timeZone,
      summary: `${ctx.vacancyTitle} — ${employer.name}`,
      description: `${ctx.vacancyTitle}\n${employer.name}\n${this.locationOf(ctx, lang)}`,
      location: this.locationOf(ctx, lang),
      organizer: {
        name: employer.name,
        email: EMAIL.test(employer.email) ? employer.email : this.fallbackOrganizer,
      },
      attendee:
        !forEmployer && migrant.email && EMAIL.test(migrant.email)
          ? { name: migrant.fullName ?? migrant.email, email: migrant.email }
          : undefined,
    });
    return { method, content };
  }

  /** Invitation, reschedule or cancellation to both sides, e-mails with the iCalendar event. */
  async announce(manager: EntityManager, ctx: InterviewContext, change: InterviewChange): Promise<void> {
    const method = change === 'cancelled' ? 'CANCEL' : 'REQUEST';
    const icalEvents = { migrant: this.ics(ctx, method), employer: this.ics(ctx, method, true) };
    const key = `interview:${ctx.interview.id}:${ctx.interview.sequence}:${change}`;
    await this.write(manager, [this.messages(ctx, TEMPLATES[change], TEMPLATES[change], key, icalEvents)]);
  }

  /**
   * Reminders to both sides of several interviews, written with one read of the employer users and one
   * insert; the keys make a retried job send nothing twice.
   */
  async remind(
    manager: EntityManager,
    reminders: { ctx: InterviewContext; offsetMinutes: number }[],
  ): Promise<void> {
    await this.write(
      manager,
      reminders.map(({ ctx, offsetMinutes }) =>
        this.messages(
          ctx,
          'interview_reminder_migrant',
          'interview_reminder_employer',
          reminderKey(ctx.interview.id, ctx.interview.startsAt, offsetMinutes),
        ),
      ),
    );
  }

  /** Reminder jobs for the interview's current time and sequence; those already due are skipped. */
  reminderEvents(
    interviewId: string,
    sequence: number,
    startsAt: Date,
    now = Date.now(),
  ): OutboxEvent<JobName.InterviewReminder>[] {
    const events: OutboxEvent<JobName.InterviewReminder>[] = [];
    for (const offset of new Set(this.config.reminderOffsetsMinutes)) {
      const delayMs = startsAt.getTime() - offset * 60_000 - now;
      if (delayMs <= 0) continue;
      events.push({
        job: JobName.InterviewReminder,
        payload: { interviewId, startsAt: startsAt.toISOString(), offsetMinutes: offset },
        jobId: reminderJobId(interviewId, sequence, offset),
        delayMs,
      });
    }
    return events;
  }

  reminderJobIds(interviewId: string, sequence: number): string[] {
    return [...new Set(this.config.reminderOffsetsMinutes)].map((o) =>
      reminderJobId(interviewId, sequence, o),
    );
  }

  private async write(manager: EntityManager, messages: Messages[]): Promise<void> {
    const forEmployers = await this.notifications.forUsers(
      manager,
      messages.flatMap((m) => m.employerRequests),
    );
    const items = [...messages.flatMap((m) => m.migrantItems), ...forEmployers.flat()];
    if (items.length) await this.notifications.enqueueMany(manager, items);
  }

  /** The candidate's messages, and the requests for each of the employer's users, in their own language. */
  private messages(
    ctx: InterviewContext,
    migrantTemplate: TemplateName,
    employerTemplate: TemplateName,
    key: string,
    icalEvents?: Record<'migrant' | 'employer', { method: string; content: string }>,
  ): Messages {
    const { interview, migrant } = ctx;
    const base = {
      vacancyTitle: ctx.vacancyTitle,
      employerName: ctx.employer.name,
    };
    const candidateName = migrant.fullName ?? '';

    const lang = migrant.preferredLanguage;
    const migrantPayload = {
      ...base,
      recipientName: migrant.fullName ?? '',
      interviewUrl: pageLinks.migrantInterview(interview.id),
      location: this.locationOf(ctx, lang),
      startsAt: this.whenFor(ctx, lang, 'candidate'),
    };
    const migrantItems: NewNotification[] = [];
    const common = { template: migrantTemplate, locale: lang, payload: migrantPayload };
    if (migrant.email && EMAIL.test(migrant.email)) {
      migrantItems.push({
        ...common,
        recipientUserId: migrant.userId,
        channel: 'email',
        address: migrant.email,
        icalEvent: icalEvents?.migrant,
        dedupeKey: `${key}:migrant:email`,
      });
    }
    if (migrant.phone && normalizePhone(migrant.phone)) {
      migrantItems.push({
        ...common,
        recipientUserId: migrant.userId,
        channel: 'sms',
        address: migrant.phone,
        dedupeKey: `${key}:migrant:sms`,
      });
    }
    if (migrant.userId) {
      migrantItems.push({
        ...common,
        recipientUserId: migrant.userId,
        channel: 'in_app',
        dedupeKey: `${key}:migrant:in_app`,
      });
    }

    const employerRequests: UserNotificationRequest[] = ctx.employerUsers.map((user) => ({
      userId: user.id,
      template: employerTemplate,
      payload: {
        ...base,
        interviewUrl: pageLinks.employerInterview(interview.id),
        candidateName,
        location: this.locationOf(ctx, user.preferredLanguage),
        startsAt: this.whenFor(ctx, user.preferredLanguage, 'employer'),
      },
      options: { dedupeKey: `${key}:user:${user.id}`, icalEvent: icalEvents?.employer },
    }));
    return { migrantItems, employerRequests };
  }
}

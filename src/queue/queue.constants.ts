/**
 * Queue and job names are persisted in Redis with every job: never rename one that has shipped.
 * Each job name has exactly one payload type and one queue.
 */
export enum QueueName {
  Mail = 'mail',
  Notifications = 'notifications',
  SearchSync = 'search-sync',
  Scheduling = 'scheduling',
  Maintenance = 'maintenance',
}

export enum JobName {
  StaffWelcome = 'staff.welcome',
  NotificationDeliver = 'notification.deliver',
  NotificationsFanOut = 'notifications.fan-out',
  SearchIndexVacancy = 'search.index-vacancy',
  SearchIndexMigrant = 'search.index-migrant',
  InterviewReminder = 'interview.reminder',
  ObligationsSweep = 'obligations.sweep',
  PatentExpirySweep = 'patents.expiry-sweep',
  IdempotencyCleanup = 'idempotency.cleanup',
  OutboxPrune = 'outbox.prune',
  HeldSubmissionsPrune = 'kiosk.held-submissions.prune',
  GrievancesOverdueSweep = 'grievances.overdue-sweep',
  LegalConsultationReminder = 'legal-consultation.reminder',
  PreDepartureReminder = 'pre-departure.reminder',
}

export interface JobPayloads {
  [JobName.StaffWelcome]: { userId: string };
  [JobName.NotificationDeliver]: { notificationId: string };
  [JobName.NotificationsFanOut]: { notificationIds: string[] };
  [JobName.SearchIndexVacancy]: { vacancyId: string };
  [JobName.SearchIndexMigrant]: { migrantId: string };
  [JobName.InterviewReminder]: { interviewId: string; startsAt: string; offsetMinutes: number };
  [JobName.ObligationsSweep]: Record<string, never>;
  [JobName.PatentExpirySweep]: Record<string, never>;
  [JobName.IdempotencyCleanup]: Record<string, never>;
  [JobName.OutboxPrune]: Record<string, never>;
  [JobName.HeldSubmissionsPrune]: Record<string, never>;
  [JobName.GrievancesOverdueSweep]: Record<string, never>;
  [JobName.LegalConsultationReminder]: { consultationId: string; startsAt: string };
  [JobName.PreDepartureReminder]: { stepId: string; dueDate: string; daysBefore: number; round: number };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.StaffWelcome]: QueueName.Mail,
  [JobName.NotificationDeliver]: QueueName.Notifications,
  [JobName.NotificationsFanOut]: QueueName.Notifications,
  [JobName.SearchIndexVacancy]: QueueName.SearchSync,
  [JobName.SearchIndexMigrant]: QueueName.SearchSync,
  [JobName.InterviewReminder]: QueueName.Scheduling,
  [JobName.ObligationsSweep]: QueueName.Maintenance,
  [JobName.PatentExpirySweep]: QueueName.Maintenance,
  [JobName.IdempotencyCleanup]: QueueName.Maintenance,
  [JobName.OutboxPrune]: QueueName.Maintenance,
  [JobName.HeldSubmissionsPrune]: QueueName.Maintenance,
  [JobName.GrievancesOverdueSweep]: QueueName.Maintenance,
  [JobName.LegalConsultationReminder]: QueueName.Scheduling,
  [JobName.PreDepartureReminder]: QueueName.Scheduling,
};

/** One retry policy: 8 attempts, exponential backoff from 30 s: 30 s × (1+2+…+64) ≈ 63 minutes in total. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 100_000 },
  removeOnFail: { age: 30 * 24 * 3600 },
} as const;

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const NOTIFICATION_CHANNELS = ['email', 'sms', 'in_app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_STATUSES = ['queued', 'sent', 'failed', 'dead'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface NotificationAttachments {
  /** An iCalendar invitation sent as an alternative part of the e-mail (e.g. an interview). */
  icalEvent?: { method: string; content: string };
}

@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  recipientUserId: string | null;

  /** E-mail address or E.164 phone, as it was when the message was created; null for in-app. */
  @Column('text', { nullable: true })
  recipientAddress: string | null;

  @Column('text')
  channel: NotificationChannel;

  @Column('text')
  template: string;

  @Column('text')
  locale: string;

  @Column('jsonb', { default: {} })
  payload: Record<string, string | number | null>;

  @Column('jsonb', { nullable: true })
  attachments: NotificationAttachments | null;

  @Column('text', { default: 'queued' })
  status: NotificationStatus;

  /** Delivery attempts over the notification's life, staff retries included. */
  @Column('integer', { default: 0 })
  attempts: number;

  /** How many times staff sent it again. */
  @Column('integer', { default: 0 })
  retries: number;

  /** The one queue job allowed to deliver it; an older job (before a staff retry) skips. */
  @Column('text')
  jobId: string;

  @Column('text', { nullable: true })
  lastError: string | null;

  @Column('text', { nullable: true })
  providerMessageId: string | null;

  @Column('text', { nullable: true, unique: true })
  dedupeKey: string | null;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

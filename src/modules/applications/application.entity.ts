import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ApplicationStatus } from 'src/modules/applications/application-state';

@Entity('applications')
export class ApplicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  migrantId: string;

  @Column('uuid')
  vacancyId: string;

  @Column('uuid')
  employerId: string;

  @Column('uuid', { nullable: true })
  termsSnapshotId: string | null;

  @Column('text')
  status: ApplicationStatus;

  @Column('text')
  source: 'online' | 'kiosk';

  @Column('uuid', { nullable: true })
  fairId: string | null;

  @Column('uuid', { nullable: true })
  kioskId: string | null;

  @Column('text', { nullable: true })
  message: string | null;

  @Column('jsonb', { nullable: true })
  eligibility: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('application_transitions')
export class ApplicationTransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid')
  applicationId: string;

  @Column('text', { nullable: true })
  fromStatus: ApplicationStatus | null;

  @Column('text')
  toStatus: ApplicationStatus;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text')
  actorRole: string;

  @Column('text', { nullable: true })
  reason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

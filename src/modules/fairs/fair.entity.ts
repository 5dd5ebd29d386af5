import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type FairStatus = 'scheduled' | 'cancelled';

@Entity('fairs')
export class FairEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  region: string;

  @Column('text')
  city: string;

  @Column('text')
  venue: string;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;

  @Column('text')
  timezone: string;

  @Column('text', { array: true })
  languages: string[];

  @Column('text')
  status: FairStatus;

  @Column('timestamptz', { nullable: true })
  cancelledAt: Date | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('fair_participants')
export class FairParticipantEntity {
  @PrimaryColumn('uuid')
  fairId: string;

  @PrimaryColumn('uuid')
  employerId: string;

  @Column('text', { nullable: true })
  booth: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Entity('fair_vacancies')
export class FairVacancyEntity {
  @PrimaryColumn('uuid')
  fairId: string;

  @PrimaryColumn('uuid')
  vacancyId: string;

  @Column('uuid')
  employerId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A touch-screen at a fair; only the hash of its bearer token is stored. */
@Entity('kiosks')
export class KioskEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  fairId: string;

  @Column('text')
  label: string;

  @Column('text')
  tokenHash: string;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

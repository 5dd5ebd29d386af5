import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type VacancyStatus = 'draft' | 'published' | 'paused' | 'closed' | 'filled';
export type SalaryPeriod = 'month' | 'day' | 'hour';
export type Schedule = 'full_time' | 'part_time' | 'shift' | 'rotation' | 'seasonal';

export interface VacancyRequirements {
  languages?: Array<{ code: string; level: string }>;
  experienceYears?: number;
  skills?: string[];
  medicalBook?: boolean;
}

export interface WorkerCost {
  item: string;
  amount: number;
  note?: string;
}

// PostgreSQL numeric comes back as a string; salaries fit a double exactly at 2 decimals.
const numeric = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null ? null : Number(v)),
};

@Entity('vacancies')
export class VacancyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  employerId: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('char', { length: 4 })
  occupationCode: string;

  @Column('text')
  region: string;

  @Column('text')
  city: string;

  @Column('text', { nullable: true })
  address: string | null;

  @Column('double precision', { nullable: true })
  lat: number | null;

  @Column('double precision', { nullable: true })
  lng: number | null;

  @Column('numeric', { precision: 14, scale: 2, transformer: numeric })
  salaryMin: number;

  @Column('numeric', { precision: 14, scale: 2, nullable: true, transformer: numeric })
  salaryMax: number | null;

  @Column('char', { length: 3 })
  salaryCurrency: string;

  @Column('text')
  salaryPeriod: SalaryPeriod;

  @Column('boolean')
  salaryGross: boolean;

  @Column('integer')
  positions: number;

  @Column('text')
  schedule: Schedule;

  /** Weekly schedules: hours a week (see working-time.ts). */
  @Column('numeric', { precision: 4, scale: 1, nullable: true, transformer: numeric })
  hoursPerWeek: number | null;

  /** Shift and rotation work: hours of one shift. */
  @Column('numeric', { precision: 4, scale: 1, nullable: true, transformer: numeric })
  shiftHours: number | null;

  /** Shift and rotation work: shifts in an average month. */
  @Column('numeric', { precision: 4, scale: 1, nullable: true, transformer: numeric })
  shiftsPerMonth: number | null;

  @Column('date')
  startDate: string;

  @Column('date', { nullable: true })
  endDate: string | null;

  @Column('boolean')
  housingProvided: boolean;

  @Column('numeric', { precision: 14, scale: 2, nullable: true, transformer: numeric })
  housingCost: number | null;

  @Column('boolean')
  meals: boolean;

  @Column('jsonb')
  requirements: VacancyRequirements;

  @Column('boolean')
  foreignersAccepted: boolean;

  @Column('boolean')
  quotaAvailable: boolean;

  @Column('jsonb')
  workerCosts: WorkerCost[];

  @Column('text')
  status: VacancyStatus;

  @Column('integer')
  version: number;

  @Column('uuid', { nullable: true })
  currentTermsSnapshotId: string | null;

  @Column('timestamptz', { nullable: true })
  publishedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** What the worker was promised, frozen at publication (and at each later change of the terms). */
@Entity('vacancy_terms_snapshots')
export class VacancyTermsSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  vacancyId: string;

  @Column('integer')
  seq: number;

  @Column('integer')
  vacancyVersion: number;

  @Column('jsonb')
  terms: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

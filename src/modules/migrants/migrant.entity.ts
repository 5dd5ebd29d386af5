import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DocumentType, MigrationCardPurpose } from 'src/modules/eligibility/eligibility.types';

export type MigrantStatus = 'active' | 'merged' | 'erased';
export type MigrantSource = 'online' | 'kiosk';
export type Gender = 'female' | 'male' | 'unspecified';

export interface MigrantLanguage {
  code: string;
  level: string;
}

export interface MigrantOccupation {
  code: string;
  years: number;
}

/** The one channel a person picked for grievance news; in-app always holds the thread. */
export const GRIEVANCE_CHANNELS = ['in_app', 'sms', 'email'] as const;
export type GrievanceChannel = (typeof GRIEVANCE_CHANNELS)[number];

@Entity('migrants')
export class MigrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { default: 'active' })
  status: MigrantStatus;

  @Column('text', { nullable: true })
  fullName: string | null;

  @Column('text', { nullable: true })
  fullNameLatin: string | null;

  /** Script- and order-independent key (personNameKey) for duplicate search. */
  @Column('text', { nullable: true })
  nameKey: string | null;

  /** `YYYY-MM-DD`; null once erased. */
  @Column('date', { nullable: true })
  birthDate: string | null;

  @Column('text')
  gender: Gender;

  @Column('text')
  citizenship: string;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text')
  preferredLanguage: string;

  /** How grievance messages and state changes reach the person besides the in-app thread; null: every channel. */
  @Column('text', { nullable: true })
  grievanceChannel: GrievanceChannel | null;

  @Column('jsonb', { default: [] })
  languages: MigrantLanguage[];

  @Column('jsonb', { default: [] })
  occupations: MigrantOccupation[];

  @Column('text', { array: true, default: [] })
  desiredRegions: string[];

  @Column('date', { nullable: true })
  availableFrom: string | null;

  @Column('boolean', { nullable: true })
  needsHousing: boolean | null;

  @Column('numeric', { nullable: true, precision: 14, scale: 2 })
  expectedSalaryAmount: string | null;

  @Column('text', { nullable: true })
  expectedSalaryCurrency: string | null;

  @Column('boolean', { default: false })
  visibleToEmployers: boolean;

  @Column('text', { nullable: true })
  consentVersion: string | null;

  @Column('timestamptz', { nullable: true })
  consentAt: Date | null;

  @Column('timestamptz', { nullable: true })
  consentWithdrawnAt: Date | null;

  @Column('text')
  source: MigrantSource;

  @Column('uuid', { nullable: true })
  fairId: string | null;

  @Column('uuid', { nullable: true })
  mergedIntoId: string | null;

  @Column('timestamptz', { nullable: true })
  erasedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('migrant_documents')
export class MigrantDocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  migrantId: string;

  @Column('text')
  type: DocumentType;

  /** `keyId:iv:tag:ciphertext` from PiiCipher; never the clear number. */
  @Column('text', { nullable: true })
  numberEncrypted: string | null;

  @Column('text', { nullable: true })
  numberBlindIndex: string | null;

  @Column('text', { nullable: true })
  numberMasked: string | null;

  @Column('text', { nullable: true })
  issuingCountry: string | null;

  @Column('text', { nullable: true })
  region: string | null;

  @Column('date', { nullable: true })
  validFrom: string | null;

  @Column('date', { nullable: true })
  validUntil: string | null;

  @Column('text', { nullable: true })
  purpose: MigrationCardPurpose | null;

  @Column('date', { nullable: true })
  issuedAt: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

@Entity('migrant_consents')
export class MigrantConsentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  migrantId: string;

  @Column('text')
  action: 'granted' | 'changed' | 'withdrawn';

  @Column('boolean')
  dataProcessing: boolean;

  @Column('boolean')
  visibleToEmployers: boolean;

  @Column('text')
  version: string;

  @Column('text')
  source: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

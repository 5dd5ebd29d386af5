import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type EmployerStatus = 'pending' | 'verified' | 'rejected';
export type EmployerKind = 'company' | 'individual';
export type EmployerCountry = 'RU' | 'KZ' | 'TJ' | 'UZ' | 'KG';

@Entity('employers')
export class EmployerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  kind: EmployerKind;

  @Column('text')
  name: string;

  @Column('text')
  country: EmployerCountry;

  @Column('text')
  taxId: string;

  @Column('text')
  region: string;

  @Column('text')
  address: string;

  @Column('text')
  contactName: string;

  @Column('text')
  email: string;

  @Column('text')
  phone: string;

  @Column('text')
  status: EmployerStatus;

  @Column('text', { nullable: true })
  rejectionReason: string | null;

  @Column('timestamptz', { nullable: true })
  verifiedAt: Date | null;

  @Column('uuid', { nullable: true })
  verifiedBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from 'src/common/auth/principal';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  passwordHash: string | null;

  @Column('text')
  role: Role;

  @Column('text')
  displayName: string;

  @Column('uuid', { nullable: true })
  employerId: string | null;

  @Column('uuid', { nullable: true })
  migrantId: string | null;

  @Column('text', { nullable: true })
  accessCodeHash: string | null;

  /** The language of the user's notifications: a migrant's own choice, Russian for staff and employers. */
  @Column('text', { default: 'ru' })
  preferredLanguage: string;

  @Column('boolean', { default: false })
  disabled: boolean;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

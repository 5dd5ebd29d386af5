import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('outbox')
export class OutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('text')
  jobName: string;

  @Column('jsonb')
  payload: Record<string, unknown>;

  @Column('text', { nullable: true })
  jobId: string | null;

  @Column('bigint', { default: 0 })
  delayMs: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { default: () => 'now()' })
  availableAt: Date;

  @Column('timestamptz', { nullable: true })
  dispatchedAt: Date | null;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('text', { nullable: true })
  lastError: string | null;

  /** Job options beyond the defaults, e.g. `{ backoffMs }`. */
  @Column('jsonb', { nullable: true })
  options: { backoffMs?: number } | null;
}

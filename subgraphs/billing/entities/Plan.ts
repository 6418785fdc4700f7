import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';
import type { PlanInterval } from '../domain/subscriptionLifecycle';

/** What an organization sells by subscription: a price per unit and term. */
@Entity({ name: 'plan' })
export class Plan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** e.g. PRO-M; unique in the organization. */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Per unit and term. */
  @Column({ type: 'numeric', precision: 12, scale: 2, transformer: numericTransformer })
  price: number;

  @Column({ type: 'text' })
  interval: PlanInterval;

  /** Intervals per term: 3 with MONTH bills quarterly. */
  @Column({ name: 'interval_count', type: 'integer' })
  intervalCount: number;

  /** 0 when the plan offers no trial. */
  @Column({ name: 'trial_days', type: 'integer' })
  trialDays: number;

  /** An inactive plan is offered no more; its subscriptions carry on. */
  @Column({ type: 'boolean' })
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

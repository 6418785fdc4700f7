import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { numericTransformer } from '../../../shared/database/numeric';
import type { SubscriptionStatus } from '../domain/subscriptionLifecycle';

/**
 * BIL-3. Status and dates change only through domain/subscriptionLifecycle, whose rules the
 * table's CHECK constraints repeat.
 */
@Entity({ name: 'subscription' })
export class Subscription {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  /** SUB-00001, per organization. */
  @Column({ type: 'text' })
  number: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId: string;

  @Column({ type: 'integer' })
  quantity: number;

  /** Per term: the plan's price times the quantity. */
  @Column({ type: 'numeric', precision: 14, scale: 2, transformer: numericTransformer })
  amount: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'text' })
  status: SubscriptionStatus;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'activated_on', type: 'date', nullable: true })
  activatedOn: string | null;

  @Column({ name: 'trial_ends_on', type: 'date', nullable: true })
  trialEndsOn: string | null;

  @Column({ name: 'current_term_starts_on', type: 'date', nullable: true })
  currentTermStartsOn: string | null;

  /** The term's last day; it renews the day after. */
  @Column({ name: 'current_term_ends_on', type: 'date', nullable: true })
  currentTermEndsOn: string | null;

  /** Null unless FUTURE, TRIAL, LIVE or DUNNING: the others will not renew. */
  @Column({ name: 'next_renewal_on', type: 'date', nullable: true })
  nextRenewalOn: string | null;

  @Column({ name: 'cancelled_on', type: 'date', nullable: true })
  cancelledOn: string | null;

  @Column({ name: 'paused_on', type: 'date', nullable: true })
  pausedOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ActivityKind } from '../domain/subscriptionLifecycle';

/** BIL-6's Activity tab: one line per lifecycle event, written with the change it describes. */
@Entity({ name: 'subscription_activity' })
export class SubscriptionActivity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  /** The subscription's customer, kept here so a panel's activity is one index range. */
  @Column({ name: 'customer_id', type: 'uuid' })
  customerId: string;

  @Column({ type: 'text' })
  kind: ActivityKind;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  summary: string;
}

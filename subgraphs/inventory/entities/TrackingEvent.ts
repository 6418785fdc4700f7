import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeliveryStatus } from './Package';

/** INV-8: one step of a package's delivery, with when it happened. */
@Entity({ name: 'tracking_event' })
export class TrackingEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'package_id', type: 'uuid' })
  packageId: string;

  @Column({ type: 'text' })
  status: DeliveryStatus;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text', nullable: true })
  note: string | null;
}

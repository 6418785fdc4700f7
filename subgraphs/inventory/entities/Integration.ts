import { Column, Entity, PrimaryColumn } from 'typeorm';

export type IntegrationStatus = 'NOT_SET_UP' | 'ENABLED' | 'DISABLED' | 'DELETED';

/** The single row saying whether this help desk's inventory integration is on, and with which org. */
@Entity({ name: 'integration' })
export class Integration {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'text' })
  status: IntegrationStatus;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'changed_by', type: 'text', nullable: true })
  changedBy: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', nullable: true })
  changedAt: Date | null;
}

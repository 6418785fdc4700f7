import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConnectionStatus, Edition, ProcessRule } from '../domain/status';

/**
 * The single row saying whether this help desk is connected to books (BKS-2/3/8): with which
 * service key and edition, to which organization, and what deal events do. Books keeps it here
 * rather than in the shared `integration` row, whose states have no CONNECTED step and no edition.
 */
@Entity({ name: 'connection' })
export class Connection {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'text' })
  status: ConnectionStatus;

  /** Null until connected; afterwards kept through DISABLED, as the edition switch is one-way. */
  @Column({ type: 'text', nullable: true })
  edition: Edition | null;

  /** The address the service key belongs to, as stored with the key. */
  @Column({ name: 'connected_email', type: 'text', nullable: true })
  connectedEmail: string | null;

  @Column({ name: 'service_key_id', type: 'uuid', nullable: true })
  serviceKeyId: string | null;

  /** One the key reaches; null while CONNECTED, until one is chosen. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'process_rule', type: 'text' })
  processRule: ProcessRule;

  /** The desk agent (by e-mail) who last changed any of the above. */
  @Column({ name: 'changed_by', type: 'text', nullable: true })
  changedBy: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', nullable: true })
  changedAt: Date | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  ConflictPolicy,
  ContactModule,
  FieldMapping,
  RecordFilter,
  SyncDirection,
} from '../domain/contactSync';

/**
 * BKS-4/BKS-5: the one row of contact sync settings, checked by domain/contactSync
 * contactSyncProblems before it is stored; the next sync run reads it.
 */
@Entity({ name: 'contact_sync_setting' })
export class ContactSyncSetting {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ type: 'text' })
  module: ContactModule;

  @Column({ name: 'record_filter', type: 'jsonb' })
  recordFilter: RecordFilter;

  @Column({ type: 'text' })
  direction: SyncDirection;

  @Column({ name: 'conflict_policy', type: 'text' })
  conflictPolicy: ConflictPolicy;

  /** ACCOUNTS only (a CHECK says so). */
  @Column({ name: 'delete_earlier_records', type: 'boolean' })
  deleteEarlierRecords: boolean;

  @Column({ type: 'jsonb' })
  mapping: FieldMapping[];

  /** Null until an administrator first saves the settings. */
  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt: Date | null;
}

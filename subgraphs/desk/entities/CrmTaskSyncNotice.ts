import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * PRJ-6/PRJ-7: an update of a CRM task that a peer service (projects) did not apply on its side.
 * Recording it put the named fields back to the service's values in the same transaction, so the
 * task says what happened to it and both sides agree again. One per refused desk event.
 */
@Entity({ name: 'crm_task_sync_notice' })
export class CrmTaskSyncNotice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  /** The service that did not apply the update, e.g. `projects`. */
  @Column({ type: 'text' })
  source: string;

  /** The desk event that was refused; unique, so a repeated call changes nothing. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'text' })
  message: string;

  /** Desk's field names (as in desk.crm_task.updated's `changed`) the service's values restored. */
  @Column({ name: 'restored_fields', type: 'text', array: true })
  restoredFields: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

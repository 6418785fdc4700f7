import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RefusalRule = 'FIXED_SCHEDULE' | 'PARENT_COMPLETED';

/**
 * An update from the CRM side that projects refused (PRJ-6/7): nothing changed on the task, and
 * the author's e-mail was queued in the same transaction. One row per desk event, so a redelivered
 * event neither refuses nor mails twice.
 */
@Entity({ name: 'crm_update_refusal' })
export class CrmUpdateRefusal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'task_id', type: 'uuid' })
  taskId: string;

  @Column({ name: 'desk_crm_task_id', type: 'uuid' })
  deskCrmTaskId: string;

  /** The desk event that carried the update; unique. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'text' })
  rule: RefusalRule;

  /** What the e-mail tells the author. */
  @Column({ type: 'text' })
  reason: string;

  /** Lower-case; null when no agent was behind the change (a service's), so no one was mailed. */
  @Column({ name: 'author_email', type: 'text', nullable: true })
  authorEmail: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** The same four values as desk's CrmTaskPriority (PRJ-3 maps them one to one). */
export type TaskPriority = 'NONE' | 'LOW' | 'MEDIUM' | 'HIGH';
/** CLOSED ↔ desk's COMPLETED; OPEN and IN_PROGRESS are desk's own. */
export type TaskStatus = 'OPEN' | 'IN_PROGRESS' | 'CLOSED';

/**
 * A task or, with a parent, a subtask (one level only) of a project. percent_complete is 100
 * exactly when the task is CLOSED. A task added to the CRM (PRJ-4/5) carries the desk CRM task's
 * id and what it was added to: a desk account or a desk deal, never both.
 */
@Entity({ name: 'task' })
export class Task {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  /** A list of the same project, or none. */
  @Column({ name: 'task_list_id', type: 'uuid', nullable: true })
  taskListId: string | null;

  /** A top-level task of the same project; subtasks have no subtasks of their own. */
  @Column({ name: 'parent_task_id', type: 'uuid', nullable: true })
  parentTaskId: string | null;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  /** ↔ the desk task's dueDate, which may be empty; on or after start_date. */
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'text', default: 'NONE' })
  priority: TaskPriority;

  @Column({ type: 'text', default: 'OPEN' })
  status: TaskStatus;

  /** 0..100; 100 exactly when CLOSED. */
  @Column({ name: 'percent_complete', type: 'smallint', default: 0 })
  percentComplete: number;

  /** The desk CRM task it is synced with (PRJ-3/4/5); unique. */
  @Column({ name: 'desk_crm_task_id', type: 'uuid', nullable: true })
  deskCrmTaskId: string | null;

  /** Set, without crm_deal_id, when the task was added to the CRM for a desk account. */
  @Column({ name: 'crm_account_id', type: 'uuid', nullable: true })
  crmAccountId: string | null;

  /** Set, without crm_account_id, when it was added for a deal associated with the project. */
  @Column({ name: 'crm_deal_id', type: 'uuid', nullable: true })
  crmDealId: string | null;

  /** When it was added to the CRM; set exactly when desk_crm_task_id is. */
  @Column({ name: 'crm_linked_at', type: 'timestamptz', nullable: true })
  crmLinkedAt: Date | null;

  /**
   * The synced fields' hash (SHA-256 hex) when both sides last agreed, as books' contact sync
   * keeps one; set together with crm_synced_at.
   */
  @Column({ name: 'crm_synced_hash', type: 'text', nullable: true })
  crmSyncedHash: string | null;

  @Column({ name: 'crm_synced_at', type: 'timestamptz', nullable: true })
  crmSyncedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

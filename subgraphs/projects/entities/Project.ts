import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

export type ProjectStatus = 'ACTIVE' | 'ON_HOLD' | 'COMPLETED' | 'CANCELLED';

@Entity({ name: 'project' })
export class Project {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** PRJ-12: `PRJ-` and the next value of projects.project_number_seq; unique. */
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** An INTERNAL user: the table's foreign key checks the kind. */
  @Column({ name: 'owner_user_id', type: 'uuid' })
  ownerUserId: string;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  /** On or after start_date; in a fixed-schedule project no task may end after it (PRJ-6). */
  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  /** PRJ-6. */
  @Column({ name: 'fixed_schedule', type: 'boolean', default: false })
  fixedSchedule: boolean;

  @Column({ type: 'text', default: 'ACTIVE' })
  status: ProjectStatus;

  /** The client it is done for; internal projects have none (PRJ-2). */
  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

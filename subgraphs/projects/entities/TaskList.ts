import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'task_list' })
export class TaskList {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'text' })
  name: string;

  /** 1, 2, …: the order of the project's lists; unique in the project. */
  @Column({ type: 'integer' })
  position: number;
}

import { Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'agent_department' })
export class AgentDepartment {
  @PrimaryColumn({ name: 'agent_id', type: 'uuid' })
  agentId: string;

  @PrimaryColumn({ name: 'department_id', type: 'uuid' })
  departmentId: string;
}

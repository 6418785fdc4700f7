import { Entity, PrimaryColumn } from 'typeorm';

/** A desk deal associated with a project (PRJ-4's choice of deals, `Deal.projects`). */
@Entity({ name: 'project_deal' })
export class ProjectDeal {
  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ name: 'desk_deal_id', type: 'uuid' })
  deskDealId: string;
}

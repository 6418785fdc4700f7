import { Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'organization_admin' })
export class OrganizationAdmin {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ type: 'text' })
  email: string;
}

import { Entity, PrimaryColumn } from 'typeorm';

/** BKS-2: an organization a service key reaches, which connecting may therefore choose. */
@Entity({ name: 'service_key_organization' })
export class ServiceKeyOrganization {
  @PrimaryColumn({ name: 'service_key_id', type: 'uuid' })
  serviceKeyId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;
}

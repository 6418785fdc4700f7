import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/*
 * The tables every integration subgraph (inventory, billing) keeps the same way. The entities name
 * no schema: each subgraph's data source places them in its own (see shared/database/dataSource).
 */

export type IntegrationStatus = 'NOT_SET_UP' | 'ENABLED' | 'DISABLED' | 'DELETED';

/** The single row saying whether this help desk's integration is on, and with which org. */
@Entity({ name: 'integration' })
export class Integration {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'text' })
  status: IntegrationStatus;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'changed_by', type: 'text', nullable: true })
  changedBy: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', nullable: true })
  changedAt: Date | null;
}

@Entity({ name: 'organization' })
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Administrators are people (by e-mail): the organization belongs to the other product. */
@Entity({ name: 'organization_admin' })
export class OrganizationAdmin {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @PrimaryColumn({ type: 'text' })
  email: string;
}

export interface Address {
  attention: string | null;
  street: string;
  city: string;
  state: string | null;
  zip: string | null;
  country: string;
}

/** A customer of an organization, mapped to a desk contact by e-mail. */
@Entity({ name: 'customer' })
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  /** The desk contact; cleared when the integration is deleted. */
  @Column({ name: 'contact_id', type: 'uuid', nullable: true })
  contactId: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'company_name', type: 'text', nullable: true })
  companyName: string | null;

  @Column({ name: 'billing_address', type: 'jsonb', nullable: true })
  billingAddress: Address | null;

  @Column({ name: 'shipping_address', type: 'jsonb', nullable: true })
  shippingAddress: Address | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** What createOrganizationTables makes. */
export const organizationEntities = [Organization, OrganizationAdmin];
/** What createIntegrationTables makes. */
export const integrationEntities = [...organizationEntities, Integration, Customer];

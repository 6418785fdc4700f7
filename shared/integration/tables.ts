import type { QueryRunner } from 'typeorm';

/**
 * The tables of shared/integration/entities in a subgraph's own schema, plus the numbering of its
 * documents. An integration subgraph calls these from its initial migration.
 */
export async function createIntegrationTables(runner: QueryRunner, schema: string): Promise<void> {
  await createOrganizationTables(runner, schema);
  await runner.query(`
    -- One row: the integration of this help desk.
    CREATE TABLE "${schema}".integration (
      id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      status text NOT NULL CHECK (status IN ('NOT_SET_UP','ENABLED','DISABLED','DELETED')),
      organization_id uuid REFERENCES "${schema}".organization(id),
      changed_by text,
      changed_at timestamptz,
      CHECK (status <> 'ENABLED' OR organization_id IS NOT NULL)
    );
    INSERT INTO "${schema}".integration (id, status) VALUES (1, 'NOT_SET_UP');
    CREATE TABLE "${schema}".customer (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES "${schema}".organization(id),
      contact_id uuid,
      name text NOT NULL,
      email text NOT NULL,
      company_name text,
      billing_address jsonb,
      shipping_address jsonb,
      created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
      UNIQUE (organization_id, email)
    );
    CREATE UNIQUE INDEX customer_contact_idx ON "${schema}".customer (contact_id, organization_id);
  `);
}

/**
 * Organizations, their administrators and document numbering alone: for an integration whose
 * connection and customers have a shape of their own (books' connection has steps and an
 * edition, its contacts sync with accounts as well as contacts).
 */
export async function createOrganizationTables(runner: QueryRunner, schema: string): Promise<void> {
  // Timestamps that list cursors carry are kept to the millisecond (see the desk migration).
  await runner.query(`
    CREATE TABLE "${schema}".organization (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      currency char(3) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
    );
    -- Administrators are people (by e-mail): the organization is the other product's own.
    CREATE TABLE "${schema}".organization_admin (
      organization_id uuid NOT NULL REFERENCES "${schema}".organization(id) ON DELETE CASCADE,
      email text NOT NULL,
      PRIMARY KEY (organization_id, email)
    );
    CREATE INDEX organization_admin_email_idx ON "${schema}".organization_admin (lower(email));
    -- Next number of each document kind per organization (see shared/integration/numbering).
    CREATE TABLE "${schema}".document_sequence (
      organization_id uuid NOT NULL REFERENCES "${schema}".organization(id),
      kind text NOT NULL,
      next_value integer NOT NULL,
      PRIMARY KEY (organization_id, kind)
    );
  `);
}

/** Drops them; the subgraph's own tables that reference them must go first. */
export async function dropIntegrationTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`DROP TABLE "${schema}".customer, "${schema}".integration;`);
  await dropOrganizationTables(runner, schema);
}

export async function dropOrganizationTables(runner: QueryRunner, schema: string): Promise<void> {
  await runner.query(`
    DROP TABLE "${schema}".document_sequence, "${schema}".organization_admin,
      "${schema}".organization;
  `);
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { createIntegrationTables, dropIntegrationTables } from '../../../shared/integration/tables';
import { createJobTables, dropJobTables } from '../../../shared/jobs/tables';
import { createSeedScaleTable } from '../../../shared/seed/scale';

export class BillingInitial1764200000000 implements MigrationInterface {
  name = 'BillingInitial1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIntegrationTables(queryRunner, 'billing');
    // Timestamps that list cursors carry are kept to the millisecond (see the desk migration).
    // Composite foreign keys such as (customer_id, organization_id) keep every document with a
    // customer, plan or subscription of its own organization and customer.
    await queryRunner.query(`
      CREATE UNIQUE INDEX customer_organization_idx ON billing.customer (id, organization_id);
      CREATE TABLE billing.profile_permission (
        profile_id uuid PRIMARY KEY,
        can_view boolean NOT NULL,
        create_customers boolean NOT NULL,
        create_invoices boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (can_view OR NOT (create_customers OR create_invoices))
      );
      CREATE TABLE billing.plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES billing.organization(id),
        code text NOT NULL,
        name text NOT NULL,
        price numeric(12,2) NOT NULL CHECK (price >= 0),
        "interval" text NOT NULL CHECK ("interval" IN ('MONTH','YEAR')),
        interval_count integer NOT NULL CHECK (interval_count > 0),
        trial_days integer NOT NULL DEFAULT 0 CHECK (trial_days >= 0),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        UNIQUE (organization_id, code),
        UNIQUE (id, organization_id)
      );
      -- The rules of domain/subscriptionLifecycle that one row can show.
      CREATE TABLE billing.subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES billing.organization(id),
        customer_id uuid NOT NULL,
        number text NOT NULL,
        plan_id uuid NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        amount numeric(14,2) NOT NULL CHECK (amount >= 0),
        currency char(3) NOT NULL,
        status text NOT NULL CHECK (status IN
          ('FUTURE','TRIAL','LIVE','NON_RENEWING','UNPAID','DUNNING','PAUSED','CANCELLED','EXPIRED')),
        starts_on date NOT NULL,
        activated_on date CHECK (activated_on >= starts_on),
        trial_ends_on date CHECK (trial_ends_on > starts_on),
        current_term_starts_on date,
        current_term_ends_on date CHECK (current_term_ends_on >= current_term_starts_on),
        next_renewal_on date,
        cancelled_on date,
        paused_on date,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, number),
        UNIQUE (id, customer_id),
        FOREIGN KEY (customer_id, organization_id) REFERENCES billing.customer (id, organization_id),
        FOREIGN KEY (plan_id, organization_id) REFERENCES billing.plan (id, organization_id),
        CHECK ((current_term_starts_on IS NULL) = (current_term_ends_on IS NULL)),
        CHECK ((next_renewal_on IS NOT NULL) = (status IN ('FUTURE','TRIAL','LIVE','DUNNING'))),
        CHECK (status <> 'FUTURE' OR next_renewal_on = COALESCE(trial_ends_on, starts_on)),
        CHECK (status <> 'TRIAL' OR next_renewal_on = trial_ends_on),
        CHECK (status NOT IN ('FUTURE','TRIAL')
          OR (activated_on IS NULL AND current_term_starts_on IS NULL)),
        CHECK (status NOT IN ('LIVE','NON_RENEWING','UNPAID','DUNNING','PAUSED')
          OR (activated_on IS NOT NULL AND current_term_starts_on IS NOT NULL)),
        CHECK (status NOT IN ('LIVE','DUNNING') OR next_renewal_on = current_term_ends_on + 1),
        CHECK ((cancelled_on IS NOT NULL) = (status = 'CANCELLED')),
        CHECK ((paused_on IS NOT NULL) = (status = 'PAUSED'))
      );
      CREATE INDEX subscription_customer_idx
        ON billing.subscription (customer_id, created_at DESC, id DESC);
      CREATE INDEX subscription_plan_idx ON billing.subscription (plan_id);
      -- What the lifecycle sweep (jobs/lifecycleSweep) looks for: the day each subscription that
      -- can still move on by itself is due, written exactly as the sweep's query writes it.
      CREATE INDEX subscription_scheduled_idx ON billing.subscription ((CASE status
          WHEN 'FUTURE' THEN starts_on
          WHEN 'NON_RENEWING' THEN current_term_ends_on + 1
          ELSE next_renewal_on
        END), id) WHERE status IN ('FUTURE', 'TRIAL', 'LIVE', 'NON_RENEWING');
      CREATE TABLE billing.subscription_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subscription_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CREATED','TRIAL_STARTED','ACTIVATED','RENEWED',
          'UPGRADED','DOWNGRADED','PAYMENT_FAILED','PAYMENT_RECOVERED','MARKED_UNPAID','PAUSED',
          'RESUMED','CANCELLATION_SCHEDULED','CANCELLED','EXPIRED','REACTIVATED')),
        occurred_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        summary text NOT NULL,
        FOREIGN KEY (subscription_id, customer_id) REFERENCES billing.subscription (id, customer_id)
          ON DELETE CASCADE
      );
      CREATE INDEX subscription_activity_customer_idx
        ON billing.subscription_activity (customer_id, occurred_at DESC, id DESC);
      CREATE INDEX subscription_activity_subscription_idx
        ON billing.subscription_activity (subscription_id, occurred_at DESC, id DESC);
      -- Amount paid and balance due are derived from the applications (domain/amounts).
      CREATE TABLE billing.invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES billing.organization(id),
        customer_id uuid NOT NULL,
        subscription_id uuid,
        ticket_id uuid,
        number text NOT NULL,
        issued_on date NOT NULL,
        due_on date NOT NULL,
        status text NOT NULL CHECK (status IN
          ('DRAFT','SENT','PAID','PARTIALLY_PAID','OVERDUE','VOID','WRITTEN_OFF')),
        total numeric(14,2) NOT NULL CHECK (total >= 0),
        currency char(3) NOT NULL,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, number),
        UNIQUE (id, customer_id),
        CHECK (due_on >= issued_on),
        FOREIGN KEY (customer_id, organization_id) REFERENCES billing.customer (id, organization_id),
        FOREIGN KEY (subscription_id, customer_id) REFERENCES billing.subscription (id, customer_id)
      );
      CREATE INDEX invoice_customer_idx ON billing.invoice (customer_id, issued_on DESC, id DESC);
      CREATE INDEX invoice_ticket_idx ON billing.invoice (ticket_id, issued_on DESC, id DESC)
        WHERE ticket_id IS NOT NULL;
      CREATE INDEX invoice_subscription_idx ON billing.invoice (subscription_id, issued_on DESC, id DESC)
        WHERE subscription_id IS NOT NULL;
      CREATE TABLE billing.invoice_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES billing.invoice(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position > 0),
        description text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        rate numeric(12,2) NOT NULL CHECK (rate >= 0),
        amount numeric(14,2) NOT NULL CHECK (amount = quantity * rate),
        UNIQUE (invoice_id, position)
      );
      CREATE TABLE billing.payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES billing.organization(id),
        customer_id uuid NOT NULL,
        number text NOT NULL,
        paid_on date NOT NULL,
        amount numeric(14,2) NOT NULL CHECK (amount > 0),
        mode text NOT NULL CHECK (mode IN ('CARD','BANK_TRANSFER','CASH','CHECK')),
        reference text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        UNIQUE (organization_id, number),
        FOREIGN KEY (customer_id, organization_id) REFERENCES billing.customer (id, organization_id)
      );
      CREATE INDEX payment_customer_idx ON billing.payment (customer_id, paid_on DESC, id DESC);
      CREATE TABLE billing.payment_application (
        payment_id uuid NOT NULL REFERENCES billing.payment(id) ON DELETE CASCADE,
        invoice_id uuid NOT NULL REFERENCES billing.invoice(id),
        amount numeric(14,2) NOT NULL CHECK (amount > 0),
        applied_on date NOT NULL,
        PRIMARY KEY (payment_id, invoice_id)
      );
      CREATE INDEX payment_application_invoice_idx ON billing.payment_application (invoice_id);
      CREATE TABLE billing.credit_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES billing.organization(id),
        customer_id uuid NOT NULL,
        invoice_id uuid,
        number text NOT NULL,
        issued_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('OPEN','CLOSED','VOID')),
        reason text,
        total numeric(14,2) NOT NULL CHECK (total > 0),
        currency char(3) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        UNIQUE (organization_id, number),
        UNIQUE (id, customer_id),
        FOREIGN KEY (customer_id, organization_id) REFERENCES billing.customer (id, organization_id),
        FOREIGN KEY (invoice_id, customer_id) REFERENCES billing.invoice (id, customer_id)
      );
      CREATE INDEX credit_note_customer_idx
        ON billing.credit_note (customer_id, issued_on DESC, id DESC);
      CREATE TABLE billing.credit_application (
        credit_note_id uuid NOT NULL REFERENCES billing.credit_note(id) ON DELETE CASCADE,
        invoice_id uuid NOT NULL REFERENCES billing.invoice(id),
        amount numeric(14,2) NOT NULL CHECK (amount > 0),
        applied_on date NOT NULL,
        PRIMARY KEY (credit_note_id, invoice_id)
      );
      CREATE INDEX credit_application_invoice_idx ON billing.credit_application (invoice_id);
      CREATE TABLE billing.refund (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        credit_note_id uuid NOT NULL,
        customer_id uuid NOT NULL,
        amount numeric(14,2) NOT NULL CHECK (amount > 0),
        refunded_on date NOT NULL,
        mode text NOT NULL CHECK (mode IN ('CARD','BANK_TRANSFER','CASH','CHECK')),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        FOREIGN KEY (credit_note_id, customer_id) REFERENCES billing.credit_note (id, customer_id)
          ON DELETE CASCADE
      );
      CREATE INDEX refund_customer_idx ON billing.refund (customer_id, refunded_on DESC, id DESC);
      CREATE INDEX refund_credit_note_idx ON billing.refund (credit_note_id);
      -- BIL-4's list in one place. Each branch is read through its own (customer_id, date, id)
      -- index, so a customer's newest transactions are a merge of four short index scans.
      CREATE VIEW billing.transaction AS
        SELECT i.id, 'INVOICE'::text AS kind, i.customer_id, i.issued_on AS date, i.number,
          i.total AS amount, i.status, i.id AS invoice_id, NULL::uuid AS payment_id,
          NULL::uuid AS credit_note_id, NULL::uuid AS refund_id
        FROM billing.invoice i
        UNION ALL
        SELECT p.id, 'PAYMENT', p.customer_id, p.paid_on, p.number, p.amount, NULL, NULL, p.id,
          NULL, NULL
        FROM billing.payment p
        UNION ALL
        SELECT c.id, 'CREDIT_NOTE', c.customer_id, c.issued_on, c.number, c.total, c.status, NULL,
          NULL, c.id, NULL
        FROM billing.credit_note c
        UNION ALL
        SELECT r.id, 'REFUND', r.customer_id, r.refunded_on, c.number, r.amount, NULL, NULL, NULL,
          r.credit_note_id, r.id
        FROM billing.refund r JOIN billing.credit_note c ON c.id = r.credit_note_id;
    `);
    // Billing has no syncs of its own, but the job engine every subgraph runs expects its tables;
    // it sends no mail, so it has no mail outbox.
    await createJobTables(queryRunner, 'billing');
    await createSeedScaleTable(queryRunner, 'billing');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropJobTables(queryRunner, 'billing');
    await queryRunner.query(`
      DROP VIEW billing.transaction;
      DROP TABLE billing.demo_seed, billing.refund, billing.credit_application, billing.credit_note,
        billing.payment_application, billing.payment, billing.invoice_line, billing.invoice,
        billing.subscription_activity, billing.subscription, billing.plan,
        billing.profile_permission;
      DROP INDEX billing.customer_organization_idx;
    `);
    await dropIntegrationTables(queryRunner, 'billing');
  }
}

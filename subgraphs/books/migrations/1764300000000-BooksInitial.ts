import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createOrganizationTables,
  dropOrganizationTables,
} from '../../../shared/integration/tables';
import {
  addSyncRunDeletedCount,
  createJobTables,
  dropJobTables,
} from '../../../shared/jobs/tables';
import { createMailTables, dropMailTables } from '../../../shared/mail/tables';
import { createSeedScaleTable } from '../../../shared/seed/scale';

/*
 * Money columns: rates numeric(12,2), amounts and totals numeric(14,2), quantities numeric(12,3),
 * tax rates numeric(6,3) percent (domain/money). A line's amount is quantity × rate rounded to the
 * currency: to the cent, or to whole units for currencies without a minor unit such as yen; the
 * line has no currency of its own, so its CHECK accepts either rounding and domain/money decides.
 */
const LINE_COLUMNS = `
  position integer NOT NULL CHECK (position > 0),
  item_id uuid REFERENCES books.item(id),
  description text NOT NULL CHECK (btrim(description) <> ''),
  quantity numeric(12,3) NOT NULL CHECK (quantity > 0),
  rate numeric(12,2) NOT NULL CHECK (rate >= 0),
  tax_rate numeric(6,3) NOT NULL CHECK (tax_rate BETWEEN 0 AND 100),
  amount numeric(14,2) NOT NULL
    CHECK (amount = round(quantity * rate, 2) OR amount = round(quantity * rate))`;

/**
 * What estimates, invoices and sales orders share (entities/document). A document belongs to a
 * contact of its own organization, which the composite foreign key guarantees.
 */
const DOCUMENT_COLUMNS = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL REFERENCES books.organization(id),
  contact_id uuid NOT NULL,
  number text NOT NULL,
  date date NOT NULL,
  sub_total numeric(14,2) NOT NULL CHECK (sub_total >= 0),
  tax numeric(14,2) NOT NULL CHECK (tax >= 0),
  total numeric(14,2) NOT NULL CHECK (total = sub_total + tax),
  currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  notes text,
  deal_id uuid,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, number),
  UNIQUE (id, contact_id),
  FOREIGN KEY (contact_id, organization_id) REFERENCES books.contact (id, organization_id)`;

/** BKS-10's panel lists: a contact's documents and a deal's, newest first. */
const panelIndexes = (table: string) => `
  CREATE INDEX ${table}_contact_idx ON books.${table} (contact_id, date DESC, id DESC);
  CREATE INDEX ${table}_deal_idx ON books.${table} (deal_id, date DESC, id DESC)
    WHERE deal_id IS NOT NULL;`;

export class BooksInitial1764300000000 implements MigrationInterface {
  name = 'BooksInitial1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Organizations, their administrators and document numbering are shared with the other
    // integrations; the shared integration row and customer table are not: books' connection has
    // steps and an edition (the `connection` table below), and its contacts are synced with
    // accounts as well as contacts (the `contact` table).
    await createOrganizationTables(queryRunner, 'books');
    // Books e-mails transactions as PDFs (BKS-11); the mail outbox comes first so nothing of
    // books' own needs to be dropped before it.
    await createMailTables(queryRunner, 'books');
    // Timestamps that list cursors carry are kept to the millisecond (see the desk migration).
    await queryRunner.query(`
      -- BKS-2: keys are kept as SHA-256 hex (domain/serviceKey), with the lower-case address they
      -- belong to; the key itself is never stored.
      CREATE TABLE books.service_key (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
        key_hash text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        UNIQUE (id, email)
      );
      CREATE INDEX service_key_email_idx ON books.service_key (email);
      CREATE TABLE books.service_key_organization (
        service_key_id uuid NOT NULL REFERENCES books.service_key(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES books.organization(id) ON DELETE CASCADE,
        PRIMARY KEY (service_key_id, organization_id)
      );
      CREATE INDEX service_key_organization_organization_idx
        ON books.service_key_organization (organization_id);
      -- One row: this help desk's connection (BKS-2/3/8). Connecting stores the key and its address
      -- (the same as the key's, by the foreign key) and the edition; the organization, one the key
      -- reaches (again by foreign key), is chosen next. Disabling keeps all of it.
      CREATE TABLE books.connection (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        status text NOT NULL CHECK (status IN ('NOT_SET_UP','CONNECTED','ENABLED','DISABLED')),
        edition text CHECK (edition IN ('INVOICE','BOOKS')),
        connected_email text,
        service_key_id uuid,
        organization_id uuid,
        process_rule text NOT NULL DEFAULT 'NONE'
          CHECK (process_rule IN ('ESTIMATES','INVOICES','NONE')),
        changed_by text,
        changed_at timestamptz,
        CHECK ((status = 'NOT_SET_UP') = (edition IS NULL)),
        CHECK ((status = 'NOT_SET_UP') = (service_key_id IS NULL)),
        CHECK ((status = 'NOT_SET_UP') = (connected_email IS NULL)),
        CHECK (status <> 'CONNECTED' OR organization_id IS NULL),
        CHECK (status <> 'ENABLED' OR organization_id IS NOT NULL),
        FOREIGN KEY (service_key_id, connected_email) REFERENCES books.service_key (id, email),
        FOREIGN KEY (service_key_id, organization_id)
          REFERENCES books.service_key_organization (service_key_id, organization_id)
      );
      INSERT INTO books.connection (id, status) VALUES (1, 'NOT_SET_UP');
      -- BKS-1/BKS-7 (domain/permissions): create & edit and email need view, and without invoices
      -- view nothing of books is on.
      CREATE TABLE books.profile_permission (
        profile_id uuid PRIMARY KEY,
        invoices_view boolean NOT NULL,
        invoices_create_edit boolean NOT NULL,
        invoices_email boolean NOT NULL,
        estimates_view boolean NOT NULL,
        estimates_create_edit boolean NOT NULL,
        estimates_email boolean NOT NULL,
        receivables_view boolean NOT NULL,
        receivables_create_edit boolean NOT NULL,
        receivables_email boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (invoices_view OR NOT (invoices_create_edit OR invoices_email)),
        CHECK (estimates_view OR NOT (estimates_create_edit OR estimates_email)),
        CHECK (receivables_view OR NOT (receivables_create_edit OR receivables_email)),
        CHECK (invoices_view OR NOT (estimates_view OR receivables_view))
      );
      -- A books contact, synced with at most one desk account or contact, each at most once per
      -- organization. synced_hash (domain/contactSync) is the mapped fields' hash when the two
      -- sides last agreed; it and desk_synced_at are set together.
      CREATE TABLE books.contact (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES books.organization(id),
        name text NOT NULL CHECK (btrim(name) <> ''),
        company_name text,
        email text,
        phone text,
        website text,
        city text,
        country text,
        currency char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        unused_credits numeric(14,2) NOT NULL DEFAULT 0 CHECK (unused_credits >= 0),
        desk_account_id uuid,
        desk_contact_id uuid,
        desk_synced_at timestamptz,
        synced_hash text CHECK (synced_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (id, organization_id),
        UNIQUE (organization_id, desk_account_id),
        UNIQUE (organization_id, desk_contact_id),
        CHECK (num_nonnulls(desk_account_id, desk_contact_id) <= 1),
        CHECK ((desk_synced_at IS NULL) = (synced_hash IS NULL))
      );
      -- A contact sync matches a desk record that has no books contact yet to one of the same name.
      CREATE INDEX contact_organization_name_idx ON books.contact (organization_id, lower(name));
      CREATE TABLE books.item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES books.organization(id),
        sku text NOT NULL CHECK (btrim(sku) <> ''),
        name text NOT NULL CHECK (btrim(name) <> ''),
        rate numeric(12,2) NOT NULL CHECK (rate >= 0),
        tax_rate numeric(6,3) NOT NULL CHECK (tax_rate BETWEEN 0 AND 100),
        active boolean NOT NULL DEFAULT true,
        desk_product_id uuid,
        desk_synced_at timestamptz,
        synced_hash text CHECK (synced_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, sku),
        UNIQUE (organization_id, desk_product_id),
        CHECK ((desk_synced_at IS NULL) = (synced_hash IS NULL))
      );
      CREATE TABLE books.estimate (
        ${DOCUMENT_COLUMNS},
        status text NOT NULL
          CHECK (status IN ('DRAFT','SENT','ACCEPTED','DECLINED','EXPIRED','INVOICED')),
        expires_on date CHECK (expires_on >= date),
        CHECK (status <> 'EXPIRED' OR expires_on IS NOT NULL)
      );
      ${panelIndexes('estimate')}
      CREATE TABLE books.estimate_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        estimate_id uuid NOT NULL REFERENCES books.estimate(id) ON DELETE CASCADE,
        ${LINE_COLUMNS},
        UNIQUE (estimate_id, position)
      );
      CREATE TABLE books.sales_order (
        ${DOCUMENT_COLUMNS},
        status text NOT NULL
          CHECK (status IN ('DRAFT','OPEN','PARTIALLY_INVOICED','INVOICED','VOID')),
        shipment_on date CHECK (shipment_on >= date)
      );
      ${panelIndexes('sales_order')}
      CREATE TABLE books.sales_order_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sales_order_id uuid NOT NULL REFERENCES books.sales_order(id) ON DELETE CASCADE,
        ${LINE_COLUMNS},
        UNIQUE (sales_order_id, position)
      );
      -- What one row can show of domain/status invoiceStatusOn: nothing is due on a paid or void
      -- invoice, everything on one not paid at all, part on a partially paid one. An invoice made
      -- from an estimate or a sales order is for the same contact.
      CREATE TABLE books.invoice (
        ${DOCUMENT_COLUMNS},
        status text NOT NULL CHECK (status IN
          ('DRAFT','SENT','VIEWED','OVERDUE','PAID','PARTIALLY_PAID','UNPAID','VOID')),
        due_on date NOT NULL CHECK (due_on >= date),
        balance_due numeric(14,2) NOT NULL CHECK (balance_due >= 0 AND balance_due <= total),
        estimate_id uuid,
        sales_order_id uuid,
        CHECK (status NOT IN ('PAID','VOID') OR balance_due = 0),
        CHECK (status NOT IN ('DRAFT','SENT','VIEWED','UNPAID') OR balance_due = total),
        CHECK (status <> 'PARTIALLY_PAID' OR (balance_due > 0 AND balance_due < total)),
        CHECK (status <> 'OVERDUE' OR balance_due > 0),
        CHECK (estimate_id IS NULL OR sales_order_id IS NULL),
        FOREIGN KEY (estimate_id, contact_id) REFERENCES books.estimate (id, contact_id),
        FOREIGN KEY (sales_order_id, contact_id) REFERENCES books.sales_order (id, contact_id)
      );
      ${panelIndexes('invoice')}
      CREATE INDEX invoice_estimate_idx ON books.invoice (estimate_id) WHERE estimate_id IS NOT NULL;
      CREATE INDEX invoice_sales_order_idx ON books.invoice (sales_order_id)
        WHERE sales_order_id IS NOT NULL;
      -- The panel's receivables: what a contact's invoices still ask for.
      CREATE INDEX invoice_outstanding_idx ON books.invoice (contact_id)
        INCLUDE (balance_due)
        WHERE status IN ('SENT','VIEWED','UNPAID','PARTIALLY_PAID','OVERDUE');
      CREATE TABLE books.invoice_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES books.invoice(id) ON DELETE CASCADE,
        ${LINE_COLUMNS},
        UNIQUE (invoice_id, position)
      );
      -- BKS-7 receivables create & edit: money received against an invoice, which lowers its
      -- balance_due in the same transaction (domain/payments). An invoice with payments is a record
      -- of them: it cannot be deleted from under them. That the amount is at most what was due and
      -- the date neither before the invoice's nor in the future needs the invoice and the clock:
      -- domain/payments checks them with the invoice row locked.
      CREATE TABLE books.payment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES books.invoice(id),
        amount numeric(14,2) NOT NULL CHECK (amount > 0),
        date date NOT NULL,
        mode text NOT NULL CHECK (mode IN ('CASH','BANK_TRANSFER','CHECK','CARD')),
        reference text CHECK (btrim(reference) <> ''),
        created_by text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX payment_invoice_idx ON books.payment (invoice_id, date, created_at);
      -- BKS-10's list in one place. Each branch is read through its own (contact_id, date, id) or
      -- (deal_id, date, id) index, so a contact's or deal's newest transactions are a merge of
      -- three short index scans.
      CREATE VIEW books.transaction AS
        SELECT id, 'ESTIMATE'::text AS kind, organization_id, contact_id, number, date, status,
          total, currency, deal_id, created_at
        FROM books.estimate
        UNION ALL
        SELECT id, 'INVOICE', organization_id, contact_id, number, date, status, total, currency,
          deal_id, created_at
        FROM books.invoice
        UNION ALL
        SELECT id, 'SALES_ORDER', organization_id, contact_id, number, date, status, total,
          currency, deal_id, created_at
        FROM books.sales_order;
      -- BKS-11, and BKS-7's statements of account. Which placeholders a kind's templates may use
      -- is domain/templates' to check.
      CREATE TABLE books.email_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES books.organization(id),
        kind text NOT NULL CHECK (kind IN ('ESTIMATE','INVOICE','SALES_ORDER','STATEMENT')),
        name text NOT NULL CHECK (btrim(name) <> ''),
        subject text NOT NULL CHECK (btrim(subject) <> ''),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        UNIQUE (organization_id, kind, name)
      );
      -- One row each (BKS-4/5/6), off until an administrator saves them. Deleting what an earlier
      -- setting sent is offered with accounts only; the record filter is ALL, or an industry or
      -- country with its value. The mapping's content is domain/contactSync's to check.
      CREATE TABLE books.contact_sync_setting (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        enabled boolean NOT NULL,
        module text NOT NULL CHECK (module IN ('ACCOUNTS','CONTACTS')),
        record_filter jsonb NOT NULL CHECK (
          record_filter->>'kind' IN ('ALL','INDUSTRY','COUNTRY')
          AND CASE WHEN record_filter->>'kind' = 'ALL' THEN record_filter->>'value' IS NULL
                   ELSE btrim(record_filter->>'value') <> '' END),
        direction text NOT NULL CHECK (direction IN ('TWO_WAY','TO_BOOKS')),
        conflict_policy text NOT NULL CHECK (conflict_policy IN ('DUPLICATE','OVERWRITE','SKIP')),
        delete_earlier_records boolean NOT NULL DEFAULT false,
        mapping jsonb NOT NULL CHECK (jsonb_typeof(mapping) = 'array'),
        updated_at timestamptz,
        CHECK (NOT delete_earlier_records OR module = 'ACCOUNTS')
      );
      INSERT INTO books.contact_sync_setting
        (id, enabled, module, record_filter, direction, conflict_policy, mapping)
      VALUES (1, false, 'ACCOUNTS', '{"kind": "ALL", "value": null}', 'TWO_WAY', 'SKIP',
        '[{"deskField": "name", "booksField": "NAME"},
          {"deskField": "name", "booksField": "COMPANY_NAME"},
          {"deskField": "phone", "booksField": "PHONE"},
          {"deskField": "website", "booksField": "WEBSITE"},
          {"deskField": "city", "booksField": "CITY"},
          {"deskField": "country", "booksField": "COUNTRY"}]');
      CREATE TABLE books.product_sync_setting (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        enabled boolean NOT NULL,
        direction text NOT NULL CHECK (direction IN ('TWO_WAY','TO_BOOKS')),
        conflict_policy text NOT NULL CHECK (conflict_policy IN ('DUPLICATE','OVERWRITE','SKIP')),
        updated_at timestamptz
      );
      INSERT INTO books.product_sync_setting (id, enabled, direction, conflict_policy)
        VALUES (1, false, 'TWO_WAY', 'SKIP');
      -- BKS-3: when the newest deal event applied to each deal happened, so that an older one
      -- arriving late (a retry, a copy) cannot undo what a newer one did.
      CREATE TABLE books.deal_event_applied (
        deal_id uuid PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        event_type text NOT NULL
      );
    `);
    // Contact and product syncs are sync runs; deal events from desk are consumed exactly once
    // through the job tables' processed_event.
    await createJobTables(queryRunner, 'books');
    await addSyncRunDeletedCount(queryRunner, 'books');
    await createSeedScaleTable(queryRunner, 'books');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropJobTables(queryRunner, 'books');
    await queryRunner.query(`
      DROP VIEW books.transaction;
      DROP TABLE books.demo_seed, books.deal_event_applied, books.product_sync_setting,
        books.contact_sync_setting, books.email_template, books.payment, books.invoice_line,
        books.invoice, books.sales_order_line,
        books.sales_order, books.estimate_line, books.estimate, books.item, books.contact,
        books.profile_permission, books.connection, books.service_key_organization,
        books.service_key;
    `);
    await dropMailTables(queryRunner, 'books');
    await dropOrganizationTables(queryRunner, 'books');
  }
}

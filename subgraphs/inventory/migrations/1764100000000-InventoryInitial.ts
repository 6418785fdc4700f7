import { MigrationInterface, QueryRunner } from 'typeorm';
import { createJobTables, dropJobTables } from '../../../shared/jobs/tables';
import { createMailTables, dropMailTables } from '../../../shared/mail/tables';
import { createIntegrationTables, dropIntegrationTables } from '../../../shared/integration/tables';
import { createSeedScaleTable } from '../../../shared/seed/scale';

export class InventoryInitial1764100000000 implements MigrationInterface {
  name = 'InventoryInitial1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createIntegrationTables(queryRunner, 'inventory');
    // Timestamps that list cursors carry are kept to the millisecond (see the desk migration).
    await queryRunner.query(`
      CREATE TABLE inventory.profile_permission (
        profile_id uuid PRIMARY KEY,
        can_view boolean NOT NULL,
        sales_orders text NOT NULL,
        invoices text NOT NULL,
        create_contacts boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (sales_orders IN ('OFF','VIEW','VIEW_SEND','VIEW_CREATE_EDIT','VIEW_SEND_CREATE_EDIT')),
        CHECK (invoices IN ('OFF','VIEW','VIEW_SEND','VIEW_CREATE_EDIT','VIEW_SEND_CREATE_EDIT')),
        CHECK (can_view OR (sales_orders = 'OFF' AND invoices = 'OFF' AND NOT create_contacts))
      );
      CREATE TABLE inventory.item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES inventory.organization(id),
        sku text NOT NULL,
        name text NOT NULL,
        description text,
        rate numeric(12,2) NOT NULL CHECK (rate >= 0),
        purchase_rate numeric(12,2) CHECK (purchase_rate >= 0),
        unit text NOT NULL DEFAULT 'pcs',
        stock_on_hand integer NOT NULL DEFAULT 0,
        status text NOT NULL CHECK (status IN ('ACTIVE','INACTIVE')),
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, sku)
      );
      CREATE TABLE inventory.sales_order (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES inventory.organization(id),
        customer_id uuid NOT NULL REFERENCES inventory.customer(id),
        number text NOT NULL,
        ordered_on date NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT','CONFIRMED','ON_HOLD','VOID','CLOSED')),
        shipment_status text NOT NULL
          CHECK (shipment_status IN ('NOT_SHIPPED','PARTIALLY_SHIPPED','SHIPPED','FULFILLED')),
        invoiced_status text NOT NULL
          CHECK (invoiced_status IN ('NOT_INVOICED','PARTIALLY_INVOICED','INVOICED')),
        total numeric(14,2) NOT NULL,
        currency char(3) NOT NULL,
        notes text,
        ticket_id uuid,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, number)
      );
      CREATE INDEX sales_order_customer_idx ON inventory.sales_order (customer_id, ordered_on DESC, id DESC);
      CREATE INDEX sales_order_ticket_idx ON inventory.sales_order (ticket_id) WHERE ticket_id IS NOT NULL;
      CREATE TABLE inventory.sales_order_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sales_order_id uuid NOT NULL REFERENCES inventory.sales_order(id) ON DELETE CASCADE,
        position integer NOT NULL,
        item_id uuid NOT NULL REFERENCES inventory.item(id),
        description text,
        quantity integer NOT NULL CHECK (quantity > 0),
        rate numeric(12,2) NOT NULL CHECK (rate >= 0),
        amount numeric(14,2) NOT NULL,
        UNIQUE (sales_order_id, position)
      );
      CREATE TABLE inventory.invoice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES inventory.organization(id),
        customer_id uuid NOT NULL REFERENCES inventory.customer(id),
        sales_order_id uuid REFERENCES inventory.sales_order(id),
        number text NOT NULL,
        issued_on date NOT NULL,
        due_on date NOT NULL CHECK (due_on >= issued_on),
        status text NOT NULL
          CHECK (status IN ('DRAFT','SENT','VIEWED','OVERDUE','PAID','PARTIALLY_PAID','UNPAID','VOID')),
        total numeric(14,2) NOT NULL,
        balance_due numeric(14,2) NOT NULL CHECK (balance_due >= 0),
        currency char(3) NOT NULL,
        notes text,
        ticket_id uuid,
        created_by text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, number)
      );
      CREATE INDEX invoice_customer_idx ON inventory.invoice (customer_id, issued_on DESC, id DESC);
      CREATE INDEX invoice_ticket_idx ON inventory.invoice (ticket_id) WHERE ticket_id IS NOT NULL;
      CREATE INDEX invoice_sales_order_idx ON inventory.invoice (sales_order_id);
      CREATE TABLE inventory.invoice_line (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        invoice_id uuid NOT NULL REFERENCES inventory.invoice(id) ON DELETE CASCADE,
        position integer NOT NULL,
        item_id uuid NOT NULL REFERENCES inventory.item(id),
        description text,
        quantity integer NOT NULL CHECK (quantity > 0),
        rate numeric(12,2) NOT NULL CHECK (rate >= 0),
        amount numeric(14,2) NOT NULL,
        UNIQUE (invoice_id, position)
      );
      CREATE TABLE inventory.package (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sales_order_id uuid NOT NULL REFERENCES inventory.sales_order(id),
        number text NOT NULL,
        packed_on date NOT NULL,
        delivery_status text NOT NULL
          CHECK (delivery_status IN ('PACKED','SHIPPED','IN_TRANSIT','OUT_FOR_DELIVERY','DELIVERED')),
        carrier text,
        tracking_number text,
        shipped_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CHECK (delivery_status = 'PACKED' OR (shipped_at IS NOT NULL AND carrier IS NOT NULL AND tracking_number IS NOT NULL)),
        CHECK ((delivery_status = 'DELIVERED') = (delivered_at IS NOT NULL))
      );
      CREATE INDEX package_sales_order_idx ON inventory.package (sales_order_id);
      CREATE INDEX package_shipped_idx ON inventory.package (shipped_at DESC) WHERE shipped_at IS NOT NULL;
      CREATE TABLE inventory.package_line (
        package_id uuid NOT NULL REFERENCES inventory.package(id) ON DELETE CASCADE,
        sales_order_line_id uuid NOT NULL REFERENCES inventory.sales_order_line(id),
        quantity integer NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (package_id, sales_order_line_id)
      );
      CREATE TABLE inventory.tracking_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        package_id uuid NOT NULL REFERENCES inventory.package(id) ON DELETE CASCADE,
        status text NOT NULL,
        occurred_at timestamptz NOT NULL,
        note text
      );
      CREATE INDEX tracking_event_package_idx ON inventory.tracking_event (package_id, occurred_at);
      CREATE TABLE inventory.sales_return (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sales_order_id uuid NOT NULL REFERENCES inventory.sales_order(id),
        number text NOT NULL,
        returned_on date NOT NULL,
        reason text,
        created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
      );
      CREATE INDEX sales_return_sales_order_idx ON inventory.sales_return (sales_order_id);
      CREATE TABLE inventory.sales_return_line (
        sales_return_id uuid NOT NULL REFERENCES inventory.sales_return(id) ON DELETE CASCADE,
        sales_order_line_id uuid NOT NULL REFERENCES inventory.sales_order_line(id),
        quantity integer NOT NULL CHECK (quantity > 0),
        PRIMARY KEY (sales_return_id, sales_order_line_id)
      );
      CREATE TABLE inventory.activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES inventory.customer(id),
        kind text NOT NULL,
        occurred_at timestamptz NOT NULL,
        summary text NOT NULL,
        sales_order_id uuid REFERENCES inventory.sales_order(id),
        invoice_id uuid REFERENCES inventory.invoice(id),
        package_id uuid REFERENCES inventory.package(id)
      );
      CREATE INDEX activity_customer_idx ON inventory.activity (customer_id, occurred_at DESC, id DESC);
      -- One row: INV-3's switch, departments and field mapping.
      CREATE TABLE inventory.item_sync_setting (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        enabled boolean NOT NULL,
        department_ids uuid[] NOT NULL,
        product_name text NOT NULL CHECK (product_name IN ('NAME','SKU')),
        product_code text NOT NULL CHECK (product_code IN ('NAME','SKU')),
        unit_price text NOT NULL CHECK (unit_price IN ('RATE','PURCHASE_RATE')),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO inventory.item_sync_setting (id, enabled, department_ids, product_name, product_code, unit_price)
        VALUES (1, false, '{}', 'NAME', 'SKU', 'RATE');
      -- Which desk product each item became; kept so the next sync updates instead of adding.
      CREATE TABLE inventory.item_product (
        item_id uuid PRIMARY KEY REFERENCES inventory.item(id) ON DELETE CASCADE,
        product_id uuid NOT NULL,
        synced_at timestamptz NOT NULL
      );
    `);
    await createJobTables(queryRunner, 'inventory');
    await createMailTables(queryRunner, 'inventory');
    await createSeedScaleTable(queryRunner, 'inventory');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropMailTables(queryRunner, 'inventory');
    await dropJobTables(queryRunner, 'inventory');
    await queryRunner.query(`
      DROP TABLE inventory.demo_seed, inventory.item_product, inventory.item_sync_setting, inventory.activity,
        inventory.sales_return_line, inventory.sales_return, inventory.tracking_event,
        inventory.package_line, inventory.package, inventory.invoice_line, inventory.invoice,
        inventory.sales_order_line, inventory.sales_order, inventory.item,
        inventory.profile_permission;
    `);
    await dropIntegrationTables(queryRunner, 'inventory');
  }
}

import { addDays } from '../../../shared/dates';
import type { EntityManager } from 'typeorm';
import { badUserInput, notFound } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import { queueMail } from '../../../shared/mail/outbox';
import { optionalText } from '../../../shared/validation';
import type { InventoryContext } from '../context';
import { INVENTORY_SCHEMA } from '../database';
import {
  Activity,
  Customer,
  Invoice,
  InvoiceLine,
  Organization,
  SalesOrder,
  SalesOrderLine,
} from '../entities';
import type { ActivityKind } from '../entities/Activity';
import {
  customerOfTicket as ticketCustomer,
  PAYMENT_TERMS_DAYS,
  today,
} from '../../../shared/integration/documents';
import { enabledOrganization } from './integration';
import { type LineItemInput, priceLines } from './lineItems';
import { nextNumber } from '../../../shared/integration/numbering';

export interface CreateDocumentInput {
  ticketId: string;
  lineItems: LineItemInput[];
  notes?: string | null;
  salesOrderId?: string | null;
  dueOn?: string | null;
}

export interface UpdateDocumentInput {
  lineItems?: LineItemInput[] | null;
  notes?: string | null;
}

function record(
  manager: EntityManager,
  customerId: string,
  kind: ActivityKind,
  summary: string,
  links: { salesOrderId?: string; invoiceId?: string },
): Promise<unknown> {
  return manager.insert(Activity, {
    customerId,
    kind,
    summary,
    occurredAt: new Date(),
    salesOrderId: links.salesOrderId ?? null,
    invoiceId: links.invoiceId ?? null,
    packageId: null,
  });
}

/** INV-7: the ticket's contact must already have a customer record (INV-9 creates one). */
const customerOfTicket = (ctx: InventoryContext, organizationId: string, ticketId: string) =>
  ticketCustomer(ctx, organizationId, ticketId, {
    label: 'inventory',
    createCustomerMutation: 'createInventoryCustomer',
  });

async function organization(manager: EntityManager, id: string): Promise<Organization> {
  return manager.findOneByOrFail(Organization, { id });
}

export async function createSalesOrder(
  ctx: InventoryContext,
  input: CreateDocumentInput,
): Promise<SalesOrder> {
  const organizationId = await enabledOrganization(ctx, 'creating sales orders');
  if (input.salesOrderId || input.dueOn) {
    throw badUserInput('salesOrderId and dueOn apply to invoices only', { field: 'input' });
  }
  const { ticket, customer } = await customerOfTicket(ctx, organizationId, input.ticketId);
  const { email } = await ctx.viewer();
  return ctx.db.transaction(async (manager) => {
    const { lines, total } = await priceLines(manager, organizationId, input.lineItems);
    const org = await organization(manager, organizationId);
    const order = await manager.save(
      manager.create(SalesOrder, {
        organizationId,
        customerId: customer.id,
        number: await nextNumber(manager, INVENTORY_SCHEMA, organizationId, 'SO'),
        orderedOn: today(),
        status: 'DRAFT',
        shipmentStatus: 'NOT_SHIPPED',
        invoicedStatus: 'NOT_INVOICED',
        total,
        currency: org.currency,
        notes: optionalText(input.notes),
        ticketId: ticket.id,
        createdBy: email,
      }),
    );
    await manager.insert(
      SalesOrderLine,
      lines.map((line) => ({ ...line, salesOrderId: order.id })),
    );
    await record(
      manager,
      customer.id,
      'SALES_ORDER_CREATED',
      `Sales order ${order.number} created from ticket #${ticket.number}`,
      { salesOrderId: order.id },
    );
    return order;
  });
}

/**
 * Lines an invoice of a sales order bills when none are given: what is not invoiced yet. What was
 * billed of an item is set against that item's lines in order, so an item on two lines is not
 * counted off twice.
 */
async function uninvoicedLines(manager: EntityManager, salesOrderId: string) {
  const rows: { itemId: string; quantity: number; rate: string; description: string | null }[] =
    await manager.query(
      `WITH billed AS (
         SELECT il.item_id, sum(il.quantity) AS quantity FROM inventory.invoice_line il
         JOIN inventory.invoice i ON i.id = il.invoice_id
         WHERE i.sales_order_id = $1 AND i.status <> 'VOID'
         GROUP BY il.item_id
       ), lines AS (
         SELECT l.*, sum(l.quantity) OVER (PARTITION BY l.item_id ORDER BY l.position)
                  - l.quantity AS before
         FROM inventory.sales_order_line l WHERE l.sales_order_id = $1
       )
       SELECT l.item_id AS "itemId", l.rate, l.description,
              (l.quantity - LEAST(l.quantity,
                 GREATEST(0, COALESCE(b.quantity, 0) - l.before)))::int AS quantity
       FROM lines l LEFT JOIN billed b ON b.item_id = l.item_id
       ORDER BY l.position`,
      [salesOrderId],
    );
  return rows.filter((row) => row.quantity > 0).map((row) => ({ ...row, rate: Number(row.rate) }));
}

/** A sales order's invoiced status from the quantities its invoices (void ones aside) bill. */
async function refreshInvoicedStatus(manager: EntityManager, salesOrderId: string) {
  await manager.query(
    `UPDATE inventory.sales_order o SET invoiced_status = CASE
       WHEN billed.quantity = 0 THEN 'NOT_INVOICED'
       WHEN billed.quantity >= ordered.quantity THEN 'INVOICED'
       ELSE 'PARTIALLY_INVOICED' END, updated_at = now()
     FROM (SELECT COALESCE(sum(quantity), 0) AS quantity FROM inventory.sales_order_line
           WHERE sales_order_id = $1) ordered,
          (SELECT COALESCE(sum(il.quantity), 0) AS quantity FROM inventory.invoice_line il
           JOIN inventory.invoice i ON i.id = il.invoice_id
           WHERE i.sales_order_id = $1 AND i.status <> 'VOID') billed
     WHERE o.id = $1`,
    [salesOrderId],
  );
}

export async function createInvoice(
  ctx: InventoryContext,
  input: CreateDocumentInput,
): Promise<Invoice> {
  const organizationId = await enabledOrganization(ctx, 'creating invoices');
  const { ticket, customer } = await customerOfTicket(ctx, organizationId, input.ticketId);
  const { email } = await ctx.viewer();
  const issuedOn = today();
  const dueOn = input.dueOn ?? addDays(issuedOn, PAYMENT_TERMS_DAYS);
  if (dueOn < issuedOn) {
    throw badUserInput(`dueOn ${dueOn} is before the invoice date ${issuedOn}`, { field: 'dueOn' });
  }
  return ctx.db.transaction(async (manager) => {
    let salesOrder: SalesOrder | null = null;
    let requested = input.lineItems;
    if (input.salesOrderId) {
      salesOrder = isUuid(input.salesOrderId)
        ? await manager.findOneBy(SalesOrder, { id: input.salesOrderId, organizationId })
        : null;
      if (!salesOrder) throw notFound('InventorySalesOrder', input.salesOrderId);
      if (salesOrder.customerId !== customer.id) {
        throw badUserInput(`Sales order ${salesOrder.number} is not the ticket contact's`, {
          field: 'salesOrderId',
        });
      }
      if (salesOrder.status === 'DRAFT' || salesOrder.status === 'VOID') {
        throw badUserInput(
          `Sales order ${salesOrder.number} is ${salesOrder.status} and cannot be invoiced`,
          {
            field: 'salesOrderId',
          },
        );
      }
      if (requested.length === 0) requested = await uninvoicedLines(manager, salesOrder.id);
      if (requested.length === 0) {
        throw badUserInput(`Sales order ${salesOrder.number} is already fully invoiced`, {
          field: 'salesOrderId',
        });
      }
    }
    const { lines, total } = await priceLines(manager, organizationId, requested);
    const org = await organization(manager, organizationId);
    const invoice = await manager.save(
      manager.create(Invoice, {
        organizationId,
        customerId: customer.id,
        salesOrderId: salesOrder?.id ?? null,
        number: await nextNumber(manager, INVENTORY_SCHEMA, organizationId, 'INV'),
        issuedOn,
        dueOn,
        status: 'DRAFT',
        total,
        balanceDue: total,
        currency: org.currency,
        notes: optionalText(input.notes),
        ticketId: ticket.id,
        createdBy: email,
      }),
    );
    await manager.insert(
      InvoiceLine,
      lines.map((line) => ({ ...line, invoiceId: invoice.id })),
    );
    if (salesOrder) await refreshInvoicedStatus(manager, salesOrder.id);
    await record(
      manager,
      customer.id,
      'INVOICE_CREATED',
      `Invoice ${invoice.number} created from ticket #${ticket.number}`,
      { invoiceId: invoice.id, salesOrderId: salesOrder?.id },
    );
    return invoice;
  });
}

/** What differs between sales orders and invoices when they are changed or sent. */
interface DocumentSpec<D extends SalesOrder | Invoice> {
  entity: new () => D;
  line: new () => SalesOrderLine | InvoiceLine;
  typeName: string;
  /** "sales orders", for refusals. */
  plural: string;
  /** "Sales order", for subjects and activity. */
  title: string;
  lineParent: (document: D) => Partial<SalesOrderLine & InvoiceLine>;
  relatedType: string;
  sentKind: ActivityKind;
  links: (document: D) => { salesOrderId?: string; invoiceId?: string };
  heading: (document: D) => string;
  /** A draft that is sent moves on: a sales order is confirmed, an invoice sent. */
  sentStatus: D['status'];
  /** Applies a new total after the lines changed. */
  setTotal: (document: D, total: number) => void;
  afterSave: (manager: EntityManager, document: D) => Promise<void>;
}

const SALES_ORDERS: DocumentSpec<SalesOrder> = {
  entity: SalesOrder,
  line: SalesOrderLine,
  typeName: 'InventorySalesOrder',
  plural: 'sales orders',
  title: 'Sales order',
  lineParent: (order) => ({ salesOrderId: order.id }),
  relatedType: 'sales_order',
  sentKind: 'SALES_ORDER_SENT',
  links: (order) => ({ salesOrderId: order.id }),
  heading: (order) => `Please find your sales order ${order.number} of ${order.orderedOn} below.`,
  sentStatus: 'CONFIRMED',
  setTotal: (order, total) => {
    order.total = total;
  },
  afterSave: async () => {},
};

const INVOICES: DocumentSpec<Invoice> = {
  entity: Invoice,
  line: InvoiceLine,
  typeName: 'InventoryInvoice',
  plural: 'invoices',
  title: 'Invoice',
  lineParent: (invoice) => ({ invoiceId: invoice.id }),
  relatedType: 'invoice',
  sentKind: 'INVOICE_SENT',
  links: (invoice) => ({ invoiceId: invoice.id, salesOrderId: invoice.salesOrderId ?? undefined }),
  heading: (invoice) =>
    `Please find your invoice ${invoice.number} of ${invoice.issuedOn}, due ${invoice.dueOn}, below. Balance due: ${invoice.balanceDue} ${invoice.currency}.`,
  sentStatus: 'SENT',
  setTotal: (invoice, total) => {
    invoice.total = total;
    invoice.balanceDue = total;
  },
  afterSave: async (manager, invoice) => {
    if (invoice.salesOrderId) await refreshInvoicedStatus(manager, invoice.salesOrderId);
  },
};

async function lockedInOrganization<D extends SalesOrder | Invoice>(
  manager: EntityManager,
  spec: DocumentSpec<D>,
  id: string,
  organizationId: string,
): Promise<D> {
  const row = isUuid(id)
    ? await manager
        .getRepository(spec.entity)
        .createQueryBuilder('document')
        .setLock('pessimistic_write')
        .where('document.id = :id AND document.organization_id = :organizationId', {
          id,
          organizationId,
        })
        .getOne()
    : null;
  if (!row) throw notFound(spec.typeName, id);
  return row;
}

/** Replaces a draft's lines or notes; a document that left draft is refused. */
async function updateDocument<D extends SalesOrder | Invoice>(
  ctx: InventoryContext,
  spec: DocumentSpec<D>,
  id: string,
  input: UpdateDocumentInput,
): Promise<D> {
  const organizationId = await enabledOrganization(ctx, `changing ${spec.plural}`);
  return ctx.db.transaction(async (manager) => {
    const document = await lockedInOrganization(manager, spec, id, organizationId);
    if (document.status !== 'DRAFT') {
      throw badUserInput(`${document.number} is ${document.status}; only drafts can be changed`);
    }
    if (input.lineItems) {
      const { lines, total } = await priceLines(manager, organizationId, input.lineItems);
      const parent = spec.lineParent(document);
      await manager.delete(spec.line, parent);
      await manager.insert(
        spec.line,
        lines.map((line) => ({ ...line, ...parent })),
      );
      spec.setTotal(document, total);
    }
    if (input.notes !== undefined) document.notes = optionalText(input.notes);
    const saved = await manager.save(document);
    await spec.afterSave(manager, document);
    return saved;
  });
}

function mailBody(
  heading: string,
  customer: Customer,
  lines: { description: string | null; quantity: number; rate: number; amount: number }[],
  total: number,
  currency: string,
): string {
  const rows = lines.map(
    (line) => `  ${line.description ?? ''}  ${line.quantity} × ${line.rate} = ${line.amount}`,
  );
  return [
    `Dear ${customer.name},`,
    '',
    heading,
    '',
    ...rows,
    '',
    `Total: ${total} ${currency}`,
  ].join('\n');
}

/**
 * E-mails the document to its customer: the message is queued in the transaction of the status
 * change, so both happen or neither does.
 */
async function sendDocument<D extends SalesOrder | Invoice>(
  ctx: InventoryContext,
  spec: DocumentSpec<D>,
  id: string,
): Promise<D> {
  const organizationId = await enabledOrganization(ctx, `sending ${spec.plural}`);
  return ctx.db.transaction(async (manager) => {
    const document = await lockedInOrganization(manager, spec, id, organizationId);
    if (document.status === 'VOID') {
      throw badUserInput(`${document.number} is void and cannot be sent`);
    }
    const customer = await manager.findOneByOrFail(Customer, { id: document.customerId });
    const lines = await manager.find(spec.line, {
      where: spec.lineParent(document) as never,
      order: { position: 'ASC' },
    });
    await queueMail(manager, ctx.jobs, INVENTORY_SCHEMA, {
      toAddress: customer.email,
      toName: customer.name,
      subject: `${spec.title} ${document.number}`,
      textBody: mailBody(
        spec.heading(document),
        customer,
        lines,
        document.total,
        document.currency,
      ),
      relatedType: spec.relatedType,
      relatedId: document.id,
    });
    if (document.status === 'DRAFT') document.status = spec.sentStatus;
    await record(
      manager,
      customer.id,
      spec.sentKind,
      `${spec.title} ${document.number} sent to ${customer.email}`,
      spec.links(document),
    );
    return manager.save(document);
  });
}

export const updateSalesOrder = (ctx: InventoryContext, id: string, input: UpdateDocumentInput) =>
  updateDocument(ctx, SALES_ORDERS, id, input);

export const updateInvoice = (ctx: InventoryContext, id: string, input: UpdateDocumentInput) =>
  updateDocument(ctx, INVOICES, id, input);

export const sendSalesOrder = (ctx: InventoryContext, id: string) =>
  sendDocument(ctx, SALES_ORDERS, id);

export const sendInvoice = (ctx: InventoryContext, id: string) => sendDocument(ctx, INVOICES, id);

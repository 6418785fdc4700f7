import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { isUuid } from '../../shared/loaders';

/*
 * Nothing derived is stored: what an invoice still asks for, what a credit note still holds and
 * what a payment has left all follow from the applications and refunds recorded, so the figures
 * an agent sees always agree with the documents they can open. Each loader answers a whole batch
 * in one statement.
 */

/** What has been paid on invoice `i`, by payments and by credits. */
const PAID = `(COALESCE((SELECT sum(pa.amount) FROM billing.payment_application pa
                        WHERE pa.invoice_id = i.id), 0)
             + COALESCE((SELECT sum(ca.amount) FROM billing.credit_application ca
                        WHERE ca.invoice_id = i.id), 0))`;

/** An invoice only asks for money while it is open; paid, void and written-off ones ask for none. */
const BALANCE_DUE = `CASE WHEN i.status IN ('DRAFT','SENT','PARTIALLY_PAID','OVERDUE')
                     THEN i.total - ${PAID} ELSE 0 END`;

/** What credit note `n` still holds: nothing unless it is open. */
const CREDIT_LEFT = `CASE WHEN n.status = 'OPEN' THEN n.total
                     - COALESCE((SELECT sum(ca.amount) FROM billing.credit_application ca
                                 WHERE ca.credit_note_id = n.id), 0)
                     - COALESCE((SELECT sum(r.amount) FROM billing.refund r
                                 WHERE r.credit_note_id = n.id), 0) ELSE 0 END`;

/** What payment `p` has not been applied to any invoice. */
const PAYMENT_LEFT = `p.amount - COALESCE((SELECT sum(pa.amount) FROM billing.payment_application pa
                                            WHERE pa.payment_id = p.id), 0)`;

export interface InvoiceSettlement {
  amountPaid: number;
  balanceDue: number;
}

export interface CustomerBalances {
  unusedCredits: number;
  creditBalance: number;
  outstanding: number;
}

function amountLoader<V>(
  db: DataSource,
  sql: string,
  toValue: (row: Record<string, number>) => V,
  empty: V,
): DataLoader<string, V> {
  return new DataLoader<string, V>(async (ids) => {
    const valid = ids.filter(isUuid);
    const rows: (Record<string, number> & { id: string })[] =
      valid.length > 0 ? await db.query(sql, [valid]) : [];
    const byId = new Map(rows.map((row) => [row.id, toValue(row)]));
    return ids.map((id) => byId.get(id) ?? empty);
  });
}

export function balanceLoaders(db: DataSource) {
  return {
    invoiceSettlement: amountLoader<InvoiceSettlement>(
      db,
      `SELECT i.id, (${PAID})::float8 AS "amountPaid", (${BALANCE_DUE})::float8 AS "balanceDue"
       FROM billing.invoice i WHERE i.id = ANY($1::uuid[])`,
      (row) => ({ amountPaid: row.amountPaid, balanceDue: row.balanceDue }),
      { amountPaid: 0, balanceDue: 0 },
    ),
    creditNoteBalance: amountLoader<number>(
      db,
      `SELECT n.id, (${CREDIT_LEFT})::float8 AS balance
       FROM billing.credit_note n WHERE n.id = ANY($1::uuid[])`,
      (row) => row.balance,
      0,
    ),
    paymentUnused: amountLoader<number>(
      db,
      `SELECT p.id, (${PAYMENT_LEFT})::float8 AS unused
       FROM billing.payment p WHERE p.id = ANY($1::uuid[])`,
      (row) => row.unused,
      0,
    ),
    /** Overview figures of many customers at once. */
    customerBalances: amountLoader<CustomerBalances>(
      db,
      `SELECT c.id,
              COALESCE((SELECT sum(${CREDIT_LEFT}) FROM billing.credit_note n
                        WHERE n.customer_id = c.id AND n.status = 'OPEN'), 0)::float8
                AS "unusedCredits",
              COALESCE((SELECT sum(${PAYMENT_LEFT}) FROM billing.payment p
                        WHERE p.customer_id = c.id), 0)::float8 AS "unusedPayments",
              COALESCE((SELECT sum(${BALANCE_DUE}) FROM billing.invoice i
                        WHERE i.customer_id = c.id
                          AND i.status IN ('SENT','PARTIALLY_PAID','OVERDUE')), 0)::float8
                AS outstanding
       FROM billing.customer c WHERE c.id = ANY($1::uuid[])`,
      (row) => ({
        unusedCredits: row.unusedCredits,
        creditBalance: Math.round((row.unusedCredits + row.unusedPayments) * 100) / 100,
        outstanding: row.outstanding,
      }),
      { unusedCredits: 0, creditBalance: 0, outstanding: 0 },
    ),
  };
}

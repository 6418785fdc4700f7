import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { date, money, words } from '../format';
import { BillingOfTicketDocument } from '../generated/operations';
import type { Scope } from '../types';
import { BillingOverviewFigures } from './BillingOverviewFigures';
import { ErrorMessage } from './ErrorMessage';
import { ScopeFilter } from './ScopeFilter';
import { Tabs } from './Tabs';

const TABS = ['Overview', 'Subscriptions', 'Invoices'] as const;
type BillingView = (typeof TABS)[number];

/** BIL-6: what billing knows about the ticket's contact. */
export function BillingTab({ ticketId }: { ticketId: string }) {
  const [tab, setTab] = useState<BillingView>('Overview');
  const [scope, setScope] = useState<Scope>('ALL_OF_CONTACT');
  const { data, previousData, error, loading } = useQuery(BillingOfTicketDocument, {
    variables: { id: ticketId, scope },
    errorPolicy: 'all',
  });
  // Changing the filter keeps the tabs on screen with the last answer until the new one comes.
  const panel = (data ?? previousData)?.ticket?.billing;
  return (
    <section aria-label="Billing">
      <ErrorMessage error={error} />
      {loading && !panel && <p className="loading">Loading billing…</p>}
      {!loading && !panel && !error && <p className="muted">Billing is not enabled.</p>}
      {panel && (
        <Tabs label="Billing" tabs={TABS} current={tab} onChange={setTab}>
          {tab === 'Overview' && (
            <div>
              <BillingOverviewFigures overview={panel.overview} />
              {panel.overview.customers.map((customer) => (
                <p key={customer.id}>
                  <strong>{customer.name}</strong> {customer.email}
                  {customer.billingAddress &&
                    ` · ${customer.billingAddress.street}, ${customer.billingAddress.city}, ${customer.billingAddress.country}`}
                </p>
              ))}
            </div>
          )}
          {tab === 'Subscriptions' && (
            <table aria-label="Subscriptions">
              <thead>
                <tr>
                  <th>Number</th>
                  <th>Plan</th>
                  <th>Status</th>
                  <th>Amount</th>
                  <th>Next renewal</th>
                  <th>Invoices</th>
                </tr>
              </thead>
              <tbody>
                {panel.subscriptions.nodes.map((subscription) => (
                  <tr key={subscription.id}>
                    <td>{subscription.number}</td>
                    <td>
                      {subscription.plan.name} × {subscription.quantity}
                    </td>
                    <td>{words(subscription.status)}</td>
                    <td>{money(subscription.amount, subscription.currency)}</td>
                    <td>{date(subscription.nextRenewalOn)}</td>
                    <td>
                      {subscription.invoices
                        ?.map((invoice) => `${invoice.number} (${words(invoice.status)})`)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {tab === 'Invoices' && (
            <div>
              <ScopeFilter scope={scope} onChange={setScope} />
              <p className="muted">{panel.invoices.totalCount} invoices</p>
              <table aria-label="Billing invoices">
                <thead>
                  <tr>
                    <th>Number</th>
                    <th>Issued</th>
                    <th>Status</th>
                    <th>Total</th>
                    <th>Paid</th>
                    <th>Balance due</th>
                  </tr>
                </thead>
                <tbody>
                  {panel.invoices.nodes.map((invoice) => (
                    <tr key={invoice.id}>
                      <td>{invoice.number}</td>
                      <td>{date(invoice.issuedOn)}</td>
                      <td>{words(invoice.status)}</td>
                      <td>{money(invoice.total, invoice.currency)}</td>
                      <td>{money(invoice.amountPaid, invoice.currency)}</td>
                      <td>{money(invoice.balanceDue, invoice.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Tabs>
      )}
    </section>
  );
}

import { money } from '../format';
import type { BillingOverview } from '../types';

/** Unused credits, credit balance and what is still owed: on a ticket and on the new-ticket form. */
export function BillingOverviewFigures({ overview }: { overview: BillingOverview }) {
  return (
    <dl className="figures" aria-label="Billing overview">
      <dt>Unused credits</dt>
      <dd>{money(overview.unusedCredits, overview.currency)}</dd>
      <dt>Credit balance</dt>
      <dd>{money(overview.creditBalance, overview.currency)}</dd>
      <dt>Outstanding</dt>
      <dd>{money(overview.outstanding, overview.currency)}</dd>
    </dl>
  );
}

import type { TicketAccount } from '../types';
import { useAllowances } from '../viewer';
import { AssociateContactForm } from './AssociateContactForm';
import { AssociationImport } from './AssociationImport';

/** The ticket's account, its contacts, and (profile permitting) adding contacts to it. */
export function AccountCard({ account }: { account: TicketAccount }) {
  const { changeAssociations } = useAllowances();
  return (
    <div className="card" aria-label="Account">
      <h2>Account</h2>
      <p>
        <strong>{account.name}</strong>
      </p>
      <p className="muted">
        {[account.industry, account.city, account.country].filter(Boolean).join(' · ')}
      </p>
      {account.website && <p>{account.website}</p>}
      <h3>Contacts ({account.contacts.totalCount})</h3>
      <ul aria-label="Account contacts">
        {account.contacts.nodes.map((member) => (
          <li key={member.contact.id}>
            {member.contact.name} {member.isPrimary && <span className="badge">primary</span>}
          </li>
        ))}
      </ul>
      {changeAssociations.allowed ? (
        <>
          <AssociateContactForm accountId={account.id} />
          <AssociationImport />
        </>
      ) : (
        <p className="muted" data-testid="associations-not-allowed">
          {changeAssociations.reason}
        </p>
      )}
    </div>
  );
}

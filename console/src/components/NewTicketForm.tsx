import { type FormEvent, useEffect, useState } from 'react';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { money, words } from '../format';
import {
  CreateTicketDocument,
  NewTicketFormDocument,
  SearchAccountsDocument,
} from '../generated/operations';
import { navigate } from '../route';
import { BillingOverviewFigures } from './BillingOverviewFigures';
import { ErrorMessage } from './ErrorMessage';

/** What the graph needs typed before it searches (fewer is BAD_USER_INPUT). */
const MIN_CONTACT_TEXT = 2;
/** Waits for a pause in typing before asking, so each keystroke is not a request. */
const TYPING_PAUSE_MS = 250;

/**
 * BIL-5: a new ticket for a contact of an account; while the contact's name is typed, the
 * matching contacts are shown with their billing data, before the ticket exists.
 */
export function NewTicketForm() {
  const [accountSearch, setAccountSearch] = useState('');
  const [accountId, setAccountId] = useState('');
  const [contactText, setContactText] = useState('');
  const [typed, setTyped] = useState('');
  const [contactId, setContactId] = useState('');
  const [subject, setSubject] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [findAccounts, accounts] = useLazyQuery(SearchAccountsDocument);
  useEffect(() => {
    const timer = window.setTimeout(() => setTyped(contactText.trim()), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [contactText]);
  const form = useQuery(NewTicketFormDocument, {
    variables: { contact: typed, accountId },
    skip: !accountId || typed.length < MIN_CONTACT_TEXT,
  });
  const [createTicket, creation] = useMutation(CreateTicketDocument);
  const departments = form.data?.departments ?? [];
  const chosenDepartment = departmentId || departments[0]?.id || '';

  const searchAccounts = (event: FormEvent) => {
    event.preventDefault();
    void findAccounts({ variables: { search: accountSearch } });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      const { data } = await createTicket({
        variables: {
          input: { subject, contactId, accountId, departmentId: chosenDepartment },
        },
      });
      if (data) navigate({ page: 'ticket', id: data.createTicket.id });
    } catch {
      // The refusal stays in `creation.error`, shown below.
    }
  };

  return (
    <section>
      <h1>New ticket</h1>
      <form onSubmit={searchAccounts} aria-label="Find an account">
        <label>
          Account
          <input
            name="account-search"
            value={accountSearch}
            onChange={(event) => setAccountSearch(event.target.value)}
            required
          />
        </label>
        <button type="submit">Find</button>
      </form>
      <ErrorMessage error={accounts.error} />
      {accounts.data && (
        <label>
          Choose the account
          <select
            name="account"
            value={accountId}
            onChange={(event) => {
              setAccountId(event.target.value);
              setContactId('');
            }}
          >
            <option value="">—</option>
            {accounts.data.accounts.nodes.map((account) => (
              <option key={account.id} value={account.id}>
                {account.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {accountId && (
        <form onSubmit={submit} aria-label="New ticket">
          <label>
            Contact name or e-mail
            <input
              name="contact"
              value={contactText}
              onChange={(event) => setContactText(event.target.value)}
              autoComplete="off"
            />
          </label>
          <ErrorMessage error={form.error} />
          <ul className="matches" aria-label="Matching contacts">
            {form.data?.newTicketForm.contacts.map((contact) => (
              <li key={contact.id} className={contact.id === contactId ? 'chosen' : undefined}>
                <label>
                  <input
                    type="radio"
                    name="contactId"
                    value={contact.id}
                    checked={contact.id === contactId}
                    onChange={() => setContactId(contact.id)}
                  />
                  <strong>{contact.name}</strong> {contact.email}
                </label>
                {contact.billing ? (
                  <div className="billing-preview">
                    <BillingOverviewFigures overview={contact.billing.overview} />
                    <ul aria-label={`Subscriptions of ${contact.name}`}>
                      {contact.billing.subscriptions.nodes.map((subscription) => (
                        <li key={subscription.id}>
                          {subscription.number} · {subscription.plan.name} ·{' '}
                          {words(subscription.status)} ·{' '}
                          {money(subscription.amount, subscription.currency)}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : (
                  <p className="muted">No billing data.</p>
                )}
              </li>
            ))}
          </ul>
          <label>
            Subject
            <input
              name="subject"
              value={subject}
              onChange={(event) => setSubject(event.target.value)}
              required
            />
          </label>
          <label>
            Department
            <select
              name="department"
              value={chosenDepartment}
              onChange={(event) => setDepartmentId(event.target.value)}
            >
              {departments.map((department) => (
                <option key={department.id} value={department.id}>
                  {department.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!contactId || !chosenDepartment || creation.loading}>
            Create ticket
          </button>
          <ErrorMessage error={creation.error} />
        </form>
      )}
    </section>
  );
}

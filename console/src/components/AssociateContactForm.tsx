import { type FormEvent, useState } from 'react';
import { useLazyQuery, useMutation } from '@apollo/client/react';
import { AssociateContactsDocument, SearchContactsDocument } from '../generated/operations';
import type { ContactSummary } from '../types';
import { ErrorMessage } from './ErrorMessage';

/** ASC-4: find a contact by name or e-mail and associate them with the account. */
export function AssociateContactForm({ accountId }: { accountId: string }) {
  const [search, setSearch] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [find, found] = useLazyQuery(SearchContactsDocument);
  const [associate, association] = useMutation(AssociateContactsDocument);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    void find({ variables: { search } });
  };
  const add = async (contact: ContactSummary) => {
    setDone(null);
    try {
      await associate({ variables: { input: { accountId, contactIds: [contact.id] } } });
      setDone(`${contact.name} is now a contact of this account`);
    } catch {
      // The refusal stays in `association.error`, shown below.
    }
  };

  return (
    <div className="action">
      <form onSubmit={submit} aria-label="Associate a contact">
        <label>
          Associate a contact
          <input
            name="contact-search"
            placeholder="name or e-mail"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            required
          />
        </label>
        <button type="submit">Find</button>
      </form>
      <ErrorMessage error={found.error} />
      <ul>
        {found.data?.contacts.nodes.map((contact) => (
          <li key={contact.id}>
            {contact.name} ({contact.email}){' '}
            <button disabled={association.loading} onClick={() => void add(contact)}>
              Associate
            </button>
          </li>
        ))}
      </ul>
      {done && <p role="status">{done}</p>}
      <ErrorMessage error={association.error} />
    </div>
  );
}

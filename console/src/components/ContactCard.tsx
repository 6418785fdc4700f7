import type { TicketDetailData } from '../types';

type Contact = NonNullable<TicketDetailData['ticket']>['contact'];

export function ContactCard({ contact }: { contact: Contact }) {
  return (
    <div className="card" aria-label="Contact">
      <h2>Contact</h2>
      <p>
        <strong>{contact.name}</strong>
      </p>
      <p>{contact.email}</p>
      {contact.phone && <p>{contact.phone}</p>}
    </div>
  );
}

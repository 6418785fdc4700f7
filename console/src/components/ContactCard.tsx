import type { Ticket } from '../types';

export function ContactCard({ contact }: { contact: Ticket['contact'] }) {
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

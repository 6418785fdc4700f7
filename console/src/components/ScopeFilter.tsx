import type { Scope } from '../types';

/** INV-6 / BIL-6: documents from this ticket only, or all of the contact's. */
export function ScopeFilter({ scope, onChange }: { scope: Scope; onChange: (s: Scope) => void }) {
  return (
    <label className="scope">
      Show
      <select value={scope} onChange={(event) => onChange(event.target.value as Scope)}>
        <option value="ALL_OF_CONTACT">All of this contact</option>
        <option value="THIS_TICKET">From this ticket</option>
      </select>
    </label>
  );
}

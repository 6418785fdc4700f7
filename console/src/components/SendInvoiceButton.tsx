import { useMutation } from '@apollo/client/react';
import { SendInventoryInvoiceDocument } from '../generated/operations';
import type { Allowance } from '../permissions';
import type { InventoryInvoice } from '../types';
import { ErrorMessage } from './ErrorMessage';

/** E-mails the invoice to the contact; disabled, with the reason, when the profile does not allow it. */
export function SendInvoiceButton(props: {
  invoice: InventoryInvoice;
  allowance: Allowance;
  onSent: () => void;
}) {
  const [send, sending] = useMutation(SendInventoryInvoiceDocument);
  const submit = async () => {
    try {
      await send({ variables: { id: props.invoice.id } });
      props.onSent();
    } catch {
      // The refusal stays in `sending.error`, shown below.
    }
  };
  return (
    <>
      <button
        disabled={!props.allowance.allowed || sending.loading}
        title={props.allowance.reason}
        onClick={() => void submit()}
      >
        Send invoice {props.invoice.number}
      </button>
      <ErrorMessage error={sending.error} />
    </>
  );
}

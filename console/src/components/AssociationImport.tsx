import { type ChangeEvent, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { StartAssociationImportDocument } from '../generated/operations';
import { ErrorMessage } from './ErrorMessage';
import { SyncRunProgress } from './SyncRunProgress';

/** The file as base64, which is how the graph takes it. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return window.btoa(binary);
}

/**
 * ASC-5/ASC-6: a CSV or XLSX file of contact-account links (columns Contact Email, Account Name,
 * and optionally Primary and Account Tickets Viewable), applied by a sync run whose progress is
 * shown until it ends.
 */
export function AssociationImport() {
  const [runId, setRunId] = useState<string | null>(null);
  const [start, starting] = useMutation(StartAssociationImportDocument);

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      const { data } = await start({
        variables: { input: { fileName: file.name, contentBase64: await base64Of(file) } },
      });
      if (data) setRunId(data.startAssociationImport.run.id);
    } catch {
      // The refusal stays in `starting.error`, shown below.
    }
    event.target.value = '';
  };

  return (
    <div className="action">
      <label>
        Import associations from a file (CSV or XLSX)
        <input
          name="association-file"
          type="file"
          accept=".csv,.xlsx"
          disabled={starting.loading}
          onChange={(event) => void upload(event)}
        />
      </label>
      <ErrorMessage error={starting.error} />
      {runId && <SyncRunProgress runId={runId} />}
    </div>
  );
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Logger } from '../shared/logger';

/** One operation of a manifest in Apollo's persisted-query-manifest format, version 1. */
export interface PersistedOperation {
  id: string;
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  body: string;
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export class ManifestError extends Error {}

/**
 * Reads a manifest and checks it whole: the format and version Apollo's tooling writes, and every
 * id the SHA-256 of its body, since that id is what a client's persisted-query link sends.
 */
export function parseManifest(text: string): Map<string, PersistedOperation> {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`the manifest is not JSON: ${(error as Error).message}`);
  }
  const { format, version, operations } = (manifest ?? {}) as Record<string, unknown>;
  if (format !== 'apollo-persisted-query-manifest' || version !== 1) {
    throw new ManifestError('the manifest is not an apollo-persisted-query-manifest of version 1');
  }
  if (!Array.isArray(operations)) throw new ManifestError('the manifest has no operations list');
  const byId = new Map<string, PersistedOperation>();
  for (const [index, entry] of operations.entries()) {
    const { id, name, type, body } = (entry ?? {}) as Record<string, unknown>;
    if (
      typeof id !== 'string' ||
      typeof name !== 'string' ||
      typeof body !== 'string' ||
      (type !== 'query' && type !== 'mutation' && type !== 'subscription')
    ) {
      throw new ManifestError(`operation ${index} lacks an id, name, type or body`);
    }
    if (sha256(body) !== id) {
      throw new ManifestError(`operation ${name}'s id is not the SHA-256 of its body`);
    }
    byId.set(id, { id, name, type, body });
  }
  return byId;
}

/** How often the manifest file is looked at; a new one is in use within this. */
const POLL_INTERVAL_MS = 500;

/**
 * The operations partners may run. Watches its file, so a gateway picks up a new manifest without
 * a restart; a file that fails the checks is logged and the operations in use stay as they were.
 */
export class PersistedQueryList {
  private operations: Map<string, PersistedOperation>;
  private readonly onChange = (current: fs.Stats, previous: fs.Stats) => {
    if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size) this.reload();
  };

  /** Refuses to start on a missing or broken manifest: partners would otherwise get nothing. */
  constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {
    this.operations = parseManifest(fs.readFileSync(file, 'utf8'));
    fs.watchFile(file, { interval: POLL_INTERVAL_MS, persistent: false }, this.onChange);
  }

  get(id: string): PersistedOperation | undefined {
    return this.operations.get(id);
  }

  get size(): number {
    return this.operations.size;
  }

  close(): void {
    fs.unwatchFile(this.file, this.onChange);
  }

  private reload(): void {
    try {
      this.operations = parseManifest(fs.readFileSync(this.file, 'utf8'));
      this.log.info({ operations: this.operations.size }, 'persisted-query manifest reloaded');
    } catch (error) {
      this.log.error(
        { err: error, file: this.file },
        'persisted-query manifest not reloaded; the previous operations stay in use',
      );
    }
  }
}

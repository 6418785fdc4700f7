import fs from 'node:fs';
import path from 'node:path';

/** The benchmark's operations, kept as files in `operations/bench/`. */
export const OPERATION_FILES = {
  customer360: 'Customer360.graphql',
  agentQueue: 'AgentQueue.graphql',
  accountOverview: 'AccountOverview.graphql',
  ticket: 'Ticket.graphql',
} as const;

export type OperationName = keyof typeof OPERATION_FILES;

export const OPERATION_NAMES = Object.keys(OPERATION_FILES) as OperationName[];

/** The list each paged operation asks for under load. */
export const LIST_LENGTHS: Partial<Record<OperationName, number>> = {
  agentQueue: 50,
  accountOverview: 200,
};

/**
 * The list lengths whose SQL statements per request are compared: ×1 and ×10. The agent queue
 * goes from its 50 tickets to 500; the account overview from 20 contacts to its 200, as the big
 * account has about 230 at scale 1. The shorter list must be long enough to fill every relation
 * the longer one does: the first 5 open tickets have no overdue invoice, so with 5 the invoices'
 * load is skipped and the request costs one statement less (docs/performance.md).
 */
export const LIST_COMPARISONS: Partial<Record<OperationName, readonly [number, number]>> = {
  agentQueue: [50, 500],
  accountOverview: [20, 200],
};

export function operationDocument(projectRoot: string, name: OperationName): string {
  return fs.readFileSync(path.join(projectRoot, 'operations/bench', OPERATION_FILES[name]), 'utf8');
}

/** What the operations are asked about in one dataset. */
export interface Inputs {
  ticketId: string;
  /** The account with the most contacts (the seed's big customer: 200+ from scale 1). */
  accountId: string;
}

export function variablesOf(
  name: OperationName,
  inputs: Inputs,
  listLength = LIST_LENGTHS[name],
): Record<string, unknown> {
  switch (name) {
    case 'customer360':
    case 'ticket':
      return { ticketId: inputs.ticketId };
    case 'agentQueue':
      return { first: listLength };
    case 'accountOverview':
      return { accountId: inputs.accountId, first: listLength };
  }
}

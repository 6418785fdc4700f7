import type { EntityManager } from 'typeorm';
import type { EventPayloads, EventType } from '../../shared/events';
import { recordEvent } from '../../shared/jobs/outbox';
import { PROJECTS_SCHEMA } from './database';
import { PROJECTS_SERVICE } from './domain/taskSync';

/**
 * Records a projects event in the transaction of the change that causes it. Projects' events are
 * its own sync work (PRJ-3 pushes to desk), so they are caused by the service itself whoever
 * made the change; the agent, where it matters, is in the payload.
 */
export function publishProjectsEvent<T extends EventType>(
  manager: EntityManager,
  type: T,
  aggregateId: string,
  payload: EventPayloads[T],
): Promise<void> {
  return recordEvent(manager, PROJECTS_SCHEMA, {
    type,
    aggregateId,
    causedBy: { kind: 'service', service: PROJECTS_SERVICE, onBehalfOf: null },
    payload,
  });
}

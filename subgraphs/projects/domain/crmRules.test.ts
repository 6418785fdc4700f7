import type { CrmTaskUpdatedPayload } from '../../../shared/events';
import {
  fixedScheduleRefusal,
  type PlanTask,
  planCrmTaskUpdate,
  reopenRefusal,
  type RuleProject,
} from './crmRules';
import { type SyncedTaskFields, taskSyncHash } from './taskSync';

const fixed: RuleProject = { key: 'PRJ-3', fixedSchedule: true, endDate: '2025-06-30' };
const flexible: RuleProject = { ...fixed, fixedSchedule: false };

describe('fixedScheduleRefusal (PRJ-6)', () => {
  it('refuses an end date after a fixed-schedule project’s end, saying by how much', () => {
    expect(fixedScheduleRefusal(fixed, '2025-07-01')).toBe(
      "Project PRJ-3 has a fixed schedule ending 2025-06-30; a task's end date of 2025-07-01 " +
        'would be 1 day past it.',
    );
    expect(fixedScheduleRefusal(fixed, '2025-07-10')).toContain('10 days past it');
  });

  it('allows the end itself, earlier dates, no date, and any date without a fixed schedule', () => {
    expect(fixedScheduleRefusal(fixed, '2025-06-30')).toBeNull();
    expect(fixedScheduleRefusal(fixed, '2025-01-01')).toBeNull();
    expect(fixedScheduleRefusal(fixed, null)).toBeNull();
    expect(fixedScheduleRefusal(flexible, '2026-01-01')).toBeNull();
    expect(fixedScheduleRefusal({ ...fixed, endDate: null }, '2026-01-01')).toBeNull();
  });
});

describe('reopenRefusal (PRJ-7)', () => {
  const subtask = { subject: 'Draft', status: 'CLOSED' as const, parentTaskId: 'p' };
  const closedParent = { subject: 'Report', status: 'CLOSED' as const };

  it('refuses reopening a closed subtask of a closed parent', () => {
    expect(reopenRefusal(subtask, closedParent, 'OPEN')).toBe(
      'The subtask "Draft" cannot be reopened while its parent task "Report" is completed; ' +
        'reopen the parent first.',
    );
    expect(reopenRefusal(subtask, closedParent, 'IN_PROGRESS')).not.toBeNull();
  });

  it('allows it when the parent is open, for a top-level task, or when not reopening', () => {
    expect(reopenRefusal(subtask, { ...closedParent, status: 'IN_PROGRESS' }, 'OPEN')).toBeNull();
    expect(reopenRefusal({ ...subtask, parentTaskId: null }, null, 'OPEN')).toBeNull();
    expect(reopenRefusal(subtask, closedParent, 'CLOSED')).toBeNull();
    expect(reopenRefusal({ ...subtask, status: 'OPEN' }, closedParent, 'IN_PROGRESS')).toBeNull();
  });
});

describe('planCrmTaskUpdate', () => {
  const fields: SyncedTaskFields = {
    subject: 'Draft',
    description: null,
    endDate: '2025-06-01',
    priority: 'MEDIUM',
    status: 'OPEN',
    ownerDeskAgentId: 'agent-1',
  };
  const task: PlanTask = {
    subject: 'Draft',
    status: 'OPEN',
    parentTaskId: null,
    percentComplete: 40,
    fields,
    crmSyncedHash: taskSyncHash(fields),
  };
  const payload = (
    values: Partial<CrmTaskUpdatedPayload>,
    changed: string[],
  ): CrmTaskUpdatedPayload => ({
    taskId: 'crm-1',
    subject: 'Draft',
    description: null,
    dueDate: '2025-06-01',
    priority: 'MEDIUM',
    status: 'OPEN',
    ownerId: 'agent-1',
    createdById: 'agent-9',
    accountId: 'account-1',
    contactId: null,
    dealId: null,
    ...values,
    changed,
  });

  it('takes the named fields that differ, in the project task’s names', () => {
    const plan = planCrmTaskUpdate(
      payload({ subject: 'Final draft', priority: 'HIGH' }, ['subject', 'priority']),
      task,
      flexible,
      null,
    );
    const after = { ...fields, subject: 'Final draft', priority: 'HIGH' as const };
    expect(plan).toEqual({
      kind: 'APPLY',
      changes: { subject: 'Final draft', priority: 'HIGH' },
      syncedHash: taskSyncHash(after),
      pushBack: false,
    });
  });

  it('maps completion and reopening with the percentage', () => {
    expect(
      planCrmTaskUpdate(payload({ status: 'COMPLETED' }, ['status']), task, flexible, null),
    ).toMatchObject({ kind: 'APPLY', changes: { status: 'CLOSED', percentComplete: 100 } });
    const closedFields = { ...fields, status: 'CLOSED' as const };
    const closed = {
      ...task,
      status: 'CLOSED' as const,
      percentComplete: 100,
      fields: closedFields,
      crmSyncedHash: taskSyncHash(closedFields),
    };
    expect(
      planCrmTaskUpdate(payload({ status: 'IN_PROGRESS' }, ['status']), closed, flexible, null),
    ).toMatchObject({ kind: 'APPLY', changes: { status: 'IN_PROGRESS', percentComplete: 0 } });
  });

  it('ignores fields it does not mirror, and fields the event does not name', () => {
    expect(
      planCrmTaskUpdate(payload({ accountId: 'account-2' }, ['accountId']), task, flexible, null),
    ).toEqual({ kind: 'NONE' });
    // The due date differs on desk but only the subject changed this time.
    const plan = planCrmTaskUpdate(
      payload({ subject: 'Final', dueDate: '2025-09-01' }, ['subject']),
      task,
      fixed,
      null,
    );
    expect(plan).toMatchObject({ kind: 'APPLY', changes: { subject: 'Final' } });
    expect(plan).toMatchObject({ syncedHash: null, pushBack: true });
  });

  it('changes nothing for an event carrying what projects has (no echo)', () => {
    expect(planCrmTaskUpdate(payload({}, ['subject']), task, flexible, null)).toEqual({
      kind: 'NONE',
    });
    // Projects changed the subject since; desk's event still shows the values both agreed on.
    const pending = { ...task, fields: { ...fields, subject: 'Renamed here' } };
    expect(
      planCrmTaskUpdate(payload({}, ['subject', 'priority']), pending, flexible, null),
    ).toEqual({ kind: 'NONE' });
  });

  it('refuses, changing nothing, an end date past a fixed schedule (PRJ-6)', () => {
    const plan = planCrmTaskUpdate(
      payload({ subject: 'Final', dueDate: '2025-07-15' }, ['subject', 'dueDate']),
      task,
      fixed,
      null,
    );
    expect(plan).toEqual({
      kind: 'REFUSE',
      rule: 'FIXED_SCHEDULE',
      reason: fixedScheduleRefusal(fixed, '2025-07-15'),
    });
    expect(
      planCrmTaskUpdate(payload({ dueDate: '2025-07-15' }, ['dueDate']), task, flexible, null),
    ).toMatchObject({ kind: 'APPLY', changes: { endDate: '2025-07-15' } });
  });

  it('refuses reopening a subtask whose parent is closed (PRJ-7)', () => {
    const closedFields = { ...fields, status: 'CLOSED' as const };
    const subtask: PlanTask = {
      ...task,
      status: 'CLOSED',
      parentTaskId: 'parent',
      percentComplete: 100,
      fields: closedFields,
      crmSyncedHash: taskSyncHash(closedFields),
    };
    const parent = { subject: 'Report', status: 'CLOSED' as const };
    expect(
      planCrmTaskUpdate(payload({ status: 'OPEN' }, ['status']), subtask, flexible, parent),
    ).toMatchObject({ kind: 'REFUSE', rule: 'PARENT_COMPLETED' });
    expect(
      planCrmTaskUpdate(payload({ status: 'OPEN' }, ['status']), subtask, flexible, {
        ...parent,
        status: 'OPEN',
      }),
    ).toMatchObject({ kind: 'APPLY', changes: { status: 'OPEN' } });
  });

  it('names PRJ-6 first when an update breaks both rules', () => {
    const closedFields = { ...fields, status: 'CLOSED' as const };
    const subtask: PlanTask = {
      ...task,
      status: 'CLOSED',
      parentTaskId: 'parent',
      fields: closedFields,
      crmSyncedHash: taskSyncHash(closedFields),
    };
    const plan = planCrmTaskUpdate(
      payload({ status: 'OPEN', dueDate: '2025-12-31' }, ['status', 'dueDate']),
      subtask,
      fixed,
      { subject: 'Report', status: 'CLOSED' },
    );
    expect(plan).toMatchObject({ kind: 'REFUSE', rule: 'FIXED_SCHEDULE' });
  });
});

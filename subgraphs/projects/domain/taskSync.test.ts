import {
  carriesWhatProjectsHas,
  crmStatusOf,
  crmValuesOf,
  fieldsFromCrm,
  isOwnEcho,
  needsPushToCrm,
  percentAfterStatus,
  projectStatusOf,
  type SyncedTaskFields,
  taskSyncHash,
} from './taskSync';

const fields: SyncedTaskFields = {
  subject: 'Kick-off',
  description: 'Agenda and minutes',
  endDate: '2025-03-31',
  priority: 'HIGH',
  status: 'CLOSED',
  ownerDeskAgentId: 'agent-1',
};

const crmTask = {
  subject: 'Kick-off',
  description: 'Agenda and minutes',
  dueDate: '2025-03-31',
  priority: 'HIGH',
  status: 'COMPLETED',
  ownerId: 'agent-1',
};

describe('the PRJ-3 mapping', () => {
  it('maps CLOSED to COMPLETED and keeps OPEN and IN_PROGRESS, both ways', () => {
    expect(crmStatusOf('CLOSED')).toBe('COMPLETED');
    expect(crmStatusOf('OPEN')).toBe('OPEN');
    expect(crmStatusOf('IN_PROGRESS')).toBe('IN_PROGRESS');
    expect(projectStatusOf('COMPLETED')).toBe('CLOSED');
    expect(projectStatusOf('OPEN')).toBe('OPEN');
    expect(projectStatusOf('IN_PROGRESS')).toBe('IN_PROGRESS');
    expect(() => projectStatusOf('CLOSED')).toThrow(RangeError);
  });

  it('reads a desk task by the project task’s names', () => {
    expect(fieldsFromCrm(crmTask)).toEqual(fields);
    expect(fieldsFromCrm({ ...crmTask, description: '  ', dueDate: null })).toMatchObject({
      description: null,
      endDate: null,
    });
    expect(() => fieldsFromCrm({ ...crmTask, priority: 'URGENT' })).toThrow(RangeError);
  });

  it('writes a project task in desk’s names, leaving the owner to desk when it has none', () => {
    expect(crmValuesOf(fields)).toEqual({
      subject: 'Kick-off',
      description: 'Agenda and minutes',
      dueDate: '2025-03-31',
      priority: 'HIGH',
      status: 'COMPLETED',
      ownerId: 'agent-1',
    });
    expect(crmValuesOf({ ...fields, ownerDeskAgentId: null })).not.toHaveProperty('ownerId');
  });

  it('round-trips', () => {
    const back = crmValuesOf(fieldsFromCrm(crmTask));
    expect(back).toEqual(crmTask);
  });
});

describe('taskSyncHash', () => {
  it('is alike for both sides’ values when they agree, whatever the spacing', () => {
    expect(taskSyncHash(fieldsFromCrm(crmTask))).toBe(taskSyncHash(fields));
    expect(
      taskSyncHash({ ...fields, subject: ' Kick-off ', description: 'Agenda and minutes ' }),
    ).toBe(taskSyncHash(fields));
    expect(taskSyncHash({ ...fields, description: '' })).toBe(
      taskSyncHash({ ...fields, description: null }),
    );
    expect(taskSyncHash(fields)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when any synced field does', () => {
    const hash = taskSyncHash(fields);
    expect(taskSyncHash({ ...fields, subject: 'Kick-off!' })).not.toBe(hash);
    expect(taskSyncHash({ ...fields, description: null })).not.toBe(hash);
    expect(taskSyncHash({ ...fields, endDate: '2025-04-01' })).not.toBe(hash);
    expect(taskSyncHash({ ...fields, endDate: null })).not.toBe(hash);
    expect(taskSyncHash({ ...fields, priority: 'LOW' })).not.toBe(hash);
    expect(taskSyncHash({ ...fields, status: 'OPEN' })).not.toBe(hash);
    expect(taskSyncHash({ ...fields, ownerDeskAgentId: 'agent-2' })).not.toBe(hash);
    expect(taskSyncHash({ ...fields, ownerDeskAgentId: null })).not.toBe(hash);
  });

  it('keeps fields apart: a subject with the description’s text is another hash', () => {
    const a = { ...fields, subject: 'A', description: 'B' };
    const b = { ...fields, subject: 'A B', description: null };
    expect(taskSyncHash(a)).not.toBe(taskSyncHash(b));
  });
});

describe('no echo', () => {
  it('ignores what projects caused, not what agents, partners or other services did', () => {
    expect(isOwnEcho({ kind: 'service', service: 'projects', onBehalfOf: 'agent-1' })).toBe(true);
    expect(isOwnEcho({ kind: 'service', service: 'books', onBehalfOf: null })).toBe(false);
    expect(isOwnEcho({ kind: 'agent', agentId: 'agent-1' })).toBe(false);
    expect(isOwnEcho({ kind: 'partner', partnerId: 'partner-1' })).toBe(false);
  });

  it('recognises an event carrying what projects has now or last agreed on', () => {
    const changed = { ...fields, subject: 'Kick-off (moved)' };
    expect(carriesWhatProjectsHas(fields, fields, null)).toBe(true);
    expect(carriesWhatProjectsHas(fields, changed, taskSyncHash(fields))).toBe(true);
    expect(carriesWhatProjectsHas(changed, fields, taskSyncHash(fields))).toBe(false);
  });

  it('pushes only what changed since the sides agreed', () => {
    expect(needsPushToCrm(fields, taskSyncHash(fields))).toBe(false);
    expect(needsPushToCrm({ ...fields, priority: 'LOW' }, taskSyncHash(fields))).toBe(true);
    expect(needsPushToCrm(fields, null)).toBe(true);
  });
});

describe('percentAfterStatus', () => {
  it('closes at 100, reopens at 0, and otherwise keeps the percentage', () => {
    expect(percentAfterStatus({ status: 'OPEN', percentComplete: 30 }, 'CLOSED')).toBe(100);
    expect(percentAfterStatus({ status: 'CLOSED', percentComplete: 100 }, 'OPEN')).toBe(0);
    expect(percentAfterStatus({ status: 'CLOSED', percentComplete: 100 }, 'IN_PROGRESS')).toBe(0);
    expect(percentAfterStatus({ status: 'OPEN', percentComplete: 30 }, 'IN_PROGRESS')).toBe(30);
  });
});

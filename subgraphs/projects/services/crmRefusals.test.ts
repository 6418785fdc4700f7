import type { SyncedTaskFields } from '../domain/taskSync';
import { authorAgentOf, restoreOf } from './crmRefusals';
import { refusalMail } from './refusalMail';

const FIELDS: SyncedTaskFields = {
  subject: 'Go-live checklist',
  description: null,
  endDate: '2031-03-10',
  priority: 'HIGH',
  status: 'CLOSED',
  ownerDeskAgentId: '8f1c2a4e-0000-4000-8000-000000000001',
};

describe('authorAgentOf', () => {
  it('is the agent, or the agent a service acted for, else nobody', () => {
    expect(authorAgentOf({ kind: 'agent', agentId: 'a1' })).toBe('a1');
    expect(authorAgentOf({ kind: 'service', service: 'books', onBehalfOf: 'a2' })).toBe('a2');
    expect(authorAgentOf({ kind: 'service', service: 'books', onBehalfOf: null })).toBeNull();
    expect(authorAgentOf({ kind: 'partner', partnerId: 'p1' })).toBeNull();
  });
});

describe('restoreOf', () => {
  it("gives the project task's values of the mirrored fields desk named, by desk's names", () => {
    expect(restoreOf(['dueDate', 'updatedAt'], FIELDS)).toEqual({ dueDate: '2031-03-10' });
    expect(restoreOf(['status', 'description'], FIELDS)).toEqual({
      status: 'COMPLETED',
      description: null,
    });
  });

  it('leaves the owner out when projects has none with a desk agent', () => {
    expect(restoreOf(['ownerId', 'dueDate'], { ...FIELDS, ownerDeskAgentId: null })).toEqual({
      dueDate: '2031-03-10',
    });
    expect(restoreOf(['ownerId'], FIELDS)).toEqual({ ownerId: FIELDS.ownerDeskAgentId });
  });
});

describe('refusalMail', () => {
  it('names the task, the project, the rule, the reason and what desk was put back to', () => {
    const mail = refusalMail({
      authorName: 'Ada Agent',
      crmTaskSubject: 'Go-live checklist',
      projectKey: 'PRJ-7',
      projectName: 'Go-live on the agreed date',
      taskSubject: 'Go-live checklist',
      rule: 'FIXED_SCHEDULE',
      reason: 'Project PRJ-7 has a fixed schedule ending 2031-03-13.',
      restored: { dueDate: '2031-03-10', description: null, ownerId: 'x' },
    });
    expect(mail.subject).toBe('Not applied: your change to "Go-live checklist" (PRJ-7)');
    expect(mail.textBody).toContain('Hello Ada Agent,');
    expect(mail.textBody).toContain('project PRJ-7 (Go-live on the agreed date)');
    expect(mail.textBody).toContain('fixed-schedule project');
    expect(mail.textBody).toContain('Project PRJ-7 has a fixed schedule ending 2031-03-13.');
    expect(mail.textBody).toContain('  Due date: 2031-03-10');
    expect(mail.textBody).toContain('  Description: (none)');
    expect(mail.textBody).toContain('  Owner: as before');
  });
});

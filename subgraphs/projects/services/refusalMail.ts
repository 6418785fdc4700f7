import type { CrmRefusalRule } from '../domain/crmRules';
import type { CrmTaskValues } from '../domain/taskSync';

/** What the e-mail to the author of a refused desk update (PRJ-6/PRJ-7) says. */
export interface RefusalMailFacts {
  authorName: string;
  /** The desk task's subject as the author left it. */
  crmTaskSubject: string;
  projectKey: string;
  projectName: string;
  taskSubject: string;
  rule: CrmRefusalRule;
  reason: string;
  /** The values the desk task was put back to, by desk's field names. */
  restored: Partial<CrmTaskValues>;
}

const RULE_NAMES: Readonly<Record<CrmRefusalRule, string>> = {
  FIXED_SCHEDULE: 'fixed-schedule project (a task may not end after the project)',
  PARENT_COMPLETED: 'completed parent task (a subtask may not be reopened before its parent)',
};

const FIELD_NAMES: Readonly<Record<keyof CrmTaskValues, string>> = {
  subject: 'Subject',
  description: 'Description',
  dueDate: 'Due date',
  priority: 'Priority',
  status: 'Status',
  ownerId: 'Owner',
};

function shown(field: keyof CrmTaskValues, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '(none)';
  // An agent id says nothing to the reader; the owner is back to the one the task had.
  return field === 'ownerId' ? 'as before' : value;
}

/** The subject and plain-text body of the e-mail; one per refused desk event. */
export function refusalMail(facts: RefusalMailFacts): { subject: string; textBody: string } {
  const restored = (Object.keys(facts.restored) as (keyof CrmTaskValues)[]).map(
    (field) => `  ${FIELD_NAMES[field]}: ${shown(field, facts.restored[field])}`,
  );
  const textBody = [
    `Hello ${facts.authorName},`,
    '',
    `your change to the CRM task "${facts.crmTaskSubject}" was not applied to the project task ` +
      `"${facts.taskSubject}" of project ${facts.projectKey} (${facts.projectName}).`,
    '',
    `Rule: ${RULE_NAMES[facts.rule]}.`,
    facts.reason,
    '',
    'The CRM task has been put back to the project task’s values:',
    ...restored,
    '',
    'Change the project task in Projects if it has to change.',
  ].join('\n');
  return {
    subject: `Not applied: your change to "${facts.crmTaskSubject}" (${facts.projectKey})`,
    textBody,
  };
}

/** What the demo's projects are about; a client's projects take different ones. */
export const PROJECT_KINDS = [
  'Website relaunch',
  'Customer portal rollout',
  'ERP migration',
  'Onboarding programme',
  'Warehouse scanner rollout',
  'Data warehouse build',
  'Mobile app release',
  'Support desk setup',
  'Office move',
  'Security audit',
  'Loyalty programme launch',
  'Payment provider switch',
] as const;

export const PROJECT_DESCRIPTIONS = [
  'Scope, milestones and owners as agreed at the kickoff.',
  'Phased rollout: pilot team first, then every site.',
  'Fixed go-live agreed with the customer; changes go through the steering meeting.',
  'Replaces the legacy system before its licence runs out.',
  'Weekly status call on Tuesdays; risks are tracked in the comments.',
] as const;

/** Internal projects, for no client. */
export const INTERNAL_PROJECT_KINDS = [
  'Internal tooling upgrade',
  'Help desk macros clean-up',
  'Team training plan',
] as const;

export const TASK_LIST_NAMES = [
  'Planning',
  'Design',
  'Build',
  'Testing',
  'Launch',
  'Follow-up',
] as const;

export const TASK_SUBJECTS = [
  'Kickoff meeting',
  'Collect requirements',
  'Agree on the timeline',
  'Draft the design',
  'Review the design with the customer',
  'Set up the test environment',
  'Migrate the data',
  'Configure user accounts',
  'Write the runbook',
  'Run acceptance tests',
  'Train the key users',
  'Go-live checklist',
  'Post-launch review',
  'Send the status report',
  'Order the hardware',
  'Sign off the milestone',
] as const;

export const TASK_DESCRIPTIONS = [
  'See the attached plan for the details.',
  'Needs the customer to confirm the dates first.',
  'Blocked until the access request is approved.',
  'Keep it short: the customer wants a one-page summary.',
  'Reuse what we did for the pilot team.',
] as const;

export const TASK_COMMENTS = [
  'Done on our side, waiting for the customer.',
  'Moved to next week, the customer asked for more time.',
  'I can take this one.',
  'Shared the draft, comments welcome.',
  'Customer confirmed by e-mail.',
  'Found two issues, both fixed.',
] as const;

/**
 * Clients that are in no way desk customers. None of them can be a desk account's name: those
 * are "<prefix> <kind>" pairs from desk's vocabulary (the generator checks).
 */
export const OTHER_CLIENT_NAMES = [
  'Northwind Studio',
  'Blue Harbour Foundation',
  'Kawasemi Design Office',
  'Lindenhof Clinic',
  'Meridian Schools Trust',
  'Oakridge Brewing',
] as const;

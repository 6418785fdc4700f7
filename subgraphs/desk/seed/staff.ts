import type { Agent } from '../entities/Agent';
import type { AgentDepartment } from '../entities/AgentDepartment';
import type { AgentProfile } from '../entities/AgentProfile';
import type { Department } from '../entities/Department';
import type { PermissionModule, ProfilePermission } from '../entities/ProfilePermission';
import { between, day } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';
import { uniqueEmail } from '../../../shared/seed/text';
import { DEPARTMENT_NAMES, DepartmentName, FIRST_NAMES, LAST_NAMES } from './vocabulary';

/** v = view, c = create, e = edit; a module left out has no row and is therefore off. */
type Level = 'v' | 'vc' | 'vce';

const PROFILES = [
  {
    name: 'Administrator',
    description: 'Full access to every module, plus agent profiles and permissions.',
    isAdministrator: true,
    permissions: {
      TICKETS: 'vce',
      CONTACTS: 'vce',
      ACCOUNTS: 'vce',
      PRODUCTS: 'vce',
      DEALS: 'vce',
      CRM_TASKS: 'vce',
    },
  },
  {
    name: 'Agent',
    description: 'Works tickets, customers, deals and CRM tasks; reads the product catalogue.',
    isAdministrator: false,
    permissions: {
      TICKETS: 'vce',
      CONTACTS: 'vce',
      ACCOUNTS: 'vce',
      PRODUCTS: 'v',
      DEALS: 'vce',
      CRM_TASKS: 'vce',
    },
  },
  {
    name: 'New agent',
    description: 'Still onboarding: may open tickets and read everything else, but edit nothing.',
    isAdministrator: false,
    permissions: {
      TICKETS: 'vc',
      CONTACTS: 'v',
      ACCOUNTS: 'v',
      PRODUCTS: 'v',
      DEALS: 'v',
      CRM_TASKS: 'v',
    },
  },
  {
    name: 'Light agent',
    description: 'Colleagues outside the help desk who only need to read tickets and contacts.',
    isAdministrator: false,
    permissions: { TICKETS: 'v', CONTACTS: 'v' },
  },
] as const satisfies readonly {
  name: string;
  description: string;
  isAdministrator: boolean;
  permissions: Partial<Record<PermissionModule, Level>>;
}[];

export type ProfileName = (typeof PROFILES)[number]['name'];

/** The sign-ins the README and the tests use; each profile has exactly one. */
export const DEMO_AGENTS: readonly { email: string; name: string; profile: ProfileName }[] = [
  { email: 'admin@demo.customer-graph.dev', name: 'Aiko Admin', profile: 'Administrator' },
  { email: 'agent@demo.customer-graph.dev', name: 'Ben Agent', profile: 'Agent' },
  { email: 'new.agent@demo.customer-graph.dev', name: 'Chika Newcomer', profile: 'New agent' },
  { email: 'light.agent@demo.customer-graph.dev', name: 'Dan Light', profile: 'Light agent' },
];

const DEMO_AGENT_DEPARTMENTS: readonly (readonly DepartmentName[])[] = [
  ['Support', 'Technical'],
  ['Support', 'Billing'],
  ['Support'],
  ['Sales'],
];

/** Generated agents take profiles in this rotation, so even the minimum of four covers all. */
const PROFILE_ROTATION: readonly ProfileName[] = [
  'Agent',
  'New agent',
  'Administrator',
  'Light agent',
  'Agent',
  'Agent',
  'New agent',
  'Agent',
];

const STAFF_DOMAIN = 'demo.customer-graph.dev';

export interface Staff {
  departments: Department[];
  profiles: AgentProfile[];
  permissions: ProfilePermission[];
  agents: Agent[];
  agentDepartments: AgentDepartment[];
  departmentByName: ReadonlyMap<DepartmentName, Department>;
  /**
   * Active agents allowed to edit a module: only they get tickets assigned or own deals and
   * tasks, so signing in as an owner always lets one work on what one owns.
   */
  editors(module: PermissionModule, departmentId?: string): Agent[];
}

export function generateStaff(random: Random, scale: number): Staff {
  const departments = DEPARTMENT_NAMES.map((name, index): Department => ({
    id: random.uuid(),
    name,
    createdAt: day(index / 1440),
  }));
  const departmentByName = new Map(departments.map((d) => [d.name as DepartmentName, d]));

  const profiles: AgentProfile[] = [];
  const permissions: ProfilePermission[] = [];
  const profileByName = new Map<ProfileName, AgentProfile>();
  PROFILES.forEach((definition, index) => {
    const profile: AgentProfile = {
      id: random.uuid(),
      name: definition.name,
      description: definition.description,
      isAdministrator: definition.isAdministrator,
      createdAt: day(index / 1440),
    };
    profiles.push(profile);
    profileByName.set(definition.name, profile);
    const levels: Partial<Record<PermissionModule, Level>> = definition.permissions;
    for (const [module, level] of Object.entries(levels) as [PermissionModule, Level][]) {
      permissions.push({
        profileId: profile.id,
        module,
        view: true,
        create: level.includes('c'),
        edit: level.includes('e'),
      });
    }
  });

  const agents: Agent[] = [];
  const agentDepartments: AgentDepartment[] = [];
  const profileOf = (name: ProfileName): AgentProfile => profileByName.get(name) as AgentProfile;
  const join = (agent: Agent, names: readonly DepartmentName[]): void => {
    for (const name of names) {
      const department = departmentByName.get(name) as Department;
      agentDepartments.push({ agentId: agent.id, departmentId: department.id });
    }
  };

  DEMO_AGENTS.forEach((demo, index) => {
    const agent: Agent = {
      id: random.uuid(),
      name: demo.name,
      email: demo.email,
      profileId: profileOf(demo.profile).id,
      active: true,
      createdAt: day(index / 1440),
    };
    agents.push(agent);
    join(agent, DEMO_AGENT_DEPARTMENTS[index]);
  });

  const emails = new Set(agents.map((agent) => agent.email));
  const generatedCount = Math.max(4, Math.round(8 * scale));
  for (let index = 0; index < generatedCount; index += 1) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const agent: Agent = {
      id: random.uuid(),
      name: `${first} ${last}`,
      email: uniqueEmail(`${first}.${last}`, STAFF_DOMAIN, emails),
      profileId: profileOf(PROFILE_ROTATION[index % PROFILE_ROTATION.length]).id,
      // Every fourth one has left the company: their history stays, but they cannot sign in.
      active: index % 4 !== 3,
      createdAt: between(random, 0, 60),
    };
    agents.push(agent);
    join(agent, random.sample(DEPARTMENT_NAMES, random.int(1, 2)));
  }

  const levelOf = (agent: Agent, module: PermissionModule): ProfilePermission | undefined =>
    permissions.find((p) => p.profileId === agent.profileId && p.module === module);
  const membersOf = (departmentId: string): Set<string> =>
    new Set(agentDepartments.filter((m) => m.departmentId === departmentId).map((m) => m.agentId));

  return {
    departments,
    profiles,
    permissions,
    agents,
    agentDepartments,
    departmentByName,
    editors(module, departmentId) {
      const members = departmentId === undefined ? undefined : membersOf(departmentId);
      return agents.filter(
        (agent) =>
          agent.active &&
          levelOf(agent, module)?.edit === true &&
          (members === undefined || members.has(agent.id)),
      );
    },
  };
}

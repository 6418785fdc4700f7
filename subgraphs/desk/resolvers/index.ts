import type { Resolvers } from '../generated/resolvers';
import { Account } from './Account';
import { Agent } from './Agent';
import { AgentProfile } from './AgentProfile';
import { Contact } from './Contact';
import { ContactAccount } from './ContactAccount';
import { CrmTask } from './CrmTask';
import { CrmTaskComment } from './CrmTaskComment';
import { Deal } from './Deal';
import { DeskSyncRun } from './DeskSyncRun';
import { Mutation } from './Mutation';
import { Partner } from './Partner';
import { Product } from './Product';
import { Query } from './Query';
import { DateScalar, DateTime } from '../../../shared/graphql/scalars';
import { Ticket } from './Ticket';

export const deskResolvers: Resolvers = {
  DateTime,
  Date: DateScalar,
  Query,
  Mutation,
  Ticket,
  Contact,
  ContactAccount,
  Account,
  Product,
  Agent,
  AgentProfile,
  Deal,
  CrmTask,
  CrmTaskComment,
  DeskSyncRun,
  Partner,
};

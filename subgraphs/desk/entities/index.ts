import { Account } from './Account';
import { Agent } from './Agent';
import { AgentDepartment } from './AgentDepartment';
import { AgentProfile } from './AgentProfile';
import { Contact } from './Contact';
import { ContactAccount } from './ContactAccount';
import { CrmTask } from './CrmTask';
import { CrmTaskComment } from './CrmTaskComment';
import { CrmTaskSyncNotice } from './CrmTaskSyncNotice';
import { Deal } from './Deal';
import { DealStage } from './DealStage';
import { Department } from './Department';
import { Partner } from './Partner';
import { Product } from './Product';
import { ProductDepartment } from './ProductDepartment';
import { ProfilePermission } from './ProfilePermission';
import { Ticket } from './Ticket';
import { TicketProduct } from './TicketProduct';

export {
  Account,
  Agent,
  AgentDepartment,
  AgentProfile,
  Contact,
  ContactAccount,
  CrmTask,
  CrmTaskComment,
  CrmTaskSyncNotice,
  Deal,
  DealStage,
  Department,
  Partner,
  Product,
  ProductDepartment,
  ProfilePermission,
  Ticket,
  TicketProduct,
};

export const deskEntities = [
  Account,
  Agent,
  AgentDepartment,
  AgentProfile,
  Contact,
  ContactAccount,
  CrmTask,
  CrmTaskComment,
  CrmTaskSyncNotice,
  Deal,
  DealStage,
  Department,
  Partner,
  Product,
  ProductDepartment,
  ProfilePermission,
  Ticket,
  TicketProduct,
];

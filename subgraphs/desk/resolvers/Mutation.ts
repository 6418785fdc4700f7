import type { DeskContext } from '../context';
import * as accounts from '../services/accounts';
import * as associations from '../services/associations';
import { importContactAssociations } from '../services/associationImport';
import * as contacts from '../services/contacts';
import * as crm from '../services/crm';
import * as profiles from '../services/profiles';
import * as tickets from '../services/tickets';

/** Thin on purpose: validation and transactions live in ../services. */
export const Mutation = {
  createTicket: (_: unknown, { input }: { input: tickets.CreateTicketInput }, ctx: DeskContext) =>
    tickets.createTicket(ctx, input),
  updateTicket: (
    _: unknown,
    { id, input }: { id: string; input: tickets.UpdateTicketInput },
    ctx: DeskContext,
  ) => tickets.updateTicket(ctx, id, input),

  createContact: (
    _: unknown,
    { input }: { input: contacts.ContactInput & { primaryAccountId?: string | null } },
    ctx: DeskContext,
  ) => contacts.createContact(ctx, input),
  updateContact: (
    _: unknown,
    { id, input }: { id: string; input: contacts.ContactInput },
    ctx: DeskContext,
  ) => contacts.updateContact(ctx, id, input),

  createAccount: (_: unknown, { input }: { input: accounts.AccountInput }, ctx: DeskContext) =>
    accounts.createAccount(ctx, input),
  updateAccount: (
    _: unknown,
    { id, input }: { id: string; input: accounts.AccountInput },
    ctx: DeskContext,
  ) => accounts.updateAccount(ctx, id, input),

  associateContacts: (
    _: unknown,
    { input }: { input: Parameters<typeof associations.associateContacts>[1] },
    ctx: DeskContext,
  ) => associations.associateContacts(ctx, input),
  dissociateContact: (
    _: unknown,
    { input }: { input: Parameters<typeof associations.dissociateContact>[1] },
    ctx: DeskContext,
  ) => associations.dissociateContact(ctx, input),
  setPrimaryAccount: (
    _: unknown,
    { contactId, accountId }: { contactId: string; accountId: string },
    ctx: DeskContext,
  ) => associations.setPrimaryAccount(ctx, contactId, accountId),
  setAccountTicketsViewable: (
    _: unknown,
    args: { contactId: string; accountId: string; viewable: boolean },
    ctx: DeskContext,
  ) => associations.setAccountTicketsViewable(ctx, args.contactId, args.accountId, args.viewable),
  importContactAssociations: (
    _: unknown,
    { input }: { input: { fileName: string; contentBase64: string } },
    ctx: DeskContext,
  ) => importContactAssociations(ctx, input),

  createDeal: (_: unknown, { input }: { input: crm.CreateDealInput }, ctx: DeskContext) =>
    crm.createDeal(ctx, input),
  moveDealToStage: (
    _: unknown,
    { dealId, stageId }: { dealId: string; stageId: string },
    ctx: DeskContext,
  ) => crm.moveDealToStage(ctx, dealId, stageId),
  createCrmTask: (_: unknown, { input }: { input: crm.CreateCrmTaskInput }, ctx: DeskContext) =>
    crm.createCrmTask(ctx, input),
  updateCrmTask: (
    _: unknown,
    { id, input }: { id: string; input: crm.UpdateCrmTaskInput },
    ctx: DeskContext,
  ) => crm.updateCrmTask(ctx, id, input),
  addCrmTaskComment: (
    _: unknown,
    { taskId, body }: { taskId: string; body: string },
    ctx: DeskContext,
  ) => crm.addCrmTaskComment(ctx, taskId, body),

  createAgentProfile: (
    _: unknown,
    { input }: { input: Parameters<typeof profiles.createAgentProfile>[1] },
    ctx: DeskContext,
  ) => profiles.createAgentProfile(ctx, input),
  setProfilePermissions: (
    _: unknown,
    args: { profileId: string; permissions: profiles.ModulePermissionInput[] },
    ctx: DeskContext,
  ) => profiles.setProfilePermissions(ctx, args.profileId, args.permissions),
  setAgentProfile: (
    _: unknown,
    { agentId, profileId }: { agentId: string; profileId: string },
    ctx: DeskContext,
  ) => profiles.setAgentProfile(ctx, agentId, profileId),
};

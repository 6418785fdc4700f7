import type { MutationResolvers } from '../generated/resolvers';
import * as accounts from '../services/accounts';
import * as associations from '../services/associations';
import { importContactAssociations } from '../services/associationImport';
import * as contacts from '../services/contacts';
import * as crm from '../services/crm';
import * as partners from '../services/partners';
import { syncProducts } from '../services/productSync';
import { updateProduct } from '../services/products';
import * as profiles from '../services/profiles';
import * as syncRuns from '../services/syncRuns';
import * as tickets from '../services/tickets';

/** Thin on purpose: validation and transactions live in ../services. */
export const Mutation: MutationResolvers = {
  createTicket: (_, { input }, ctx) => tickets.createTicket(ctx, input),
  updateTicket: (_, { id, input }, ctx) => tickets.updateTicket(ctx, id, input),

  createContact: (_, { input }, ctx) => contacts.createContact(ctx, input),
  updateContact: (_, { id, input }, ctx) => contacts.updateContact(ctx, id, input),

  createAccount: (_, { input }, ctx) => accounts.createAccount(ctx, input),
  updateAccount: (_, { id, input }, ctx) => accounts.updateAccount(ctx, id, input),

  associateContacts: (_, { input }, ctx) => associations.associateContacts(ctx, input),
  dissociateContact: (_, { input }, ctx) => associations.dissociateContact(ctx, input),
  setPrimaryAccount: (_, { contactId, accountId }, ctx) =>
    associations.setPrimaryAccount(ctx, contactId, accountId),
  setAccountTicketsViewable: (_, args, ctx) =>
    associations.setAccountTicketsViewable(ctx, args.contactId, args.accountId, args.viewable),
  importContactAssociations: (_, { input }, ctx) => importContactAssociations(ctx, input),
  startAssociationImport: (_, { input }, ctx) => syncRuns.startAssociationImport(ctx, input),
  stopDeskSyncRun: (_, { id }, ctx) => syncRuns.stopDeskSyncRun(ctx, id),

  createDeal: (_, { input }, ctx) => crm.createDeal(ctx, input),
  moveDealToStage: (_, { dealId, stageId }, ctx) => crm.moveDealToStage(ctx, dealId, stageId),
  createCrmTask: (_, { input }, ctx) => crm.createCrmTask(ctx, input),
  updateCrmTask: (_, { id, input }, ctx) => crm.updateCrmTask(ctx, id, input),
  addCrmTaskComment: (_, { taskId, body }, ctx) => crm.addCrmTaskComment(ctx, taskId, body),
  refuseCrmTaskUpdate: (_, { taskId, input }, ctx) => crm.refuseCrmTaskUpdate(ctx, taskId, input),

  syncProducts: (_, { input }, ctx) => syncProducts(ctx, input),
  updateProduct: (_, { id, input }, ctx) => updateProduct(ctx, id, input),

  createAgentProfile: (_, { input }, ctx) => profiles.createAgentProfile(ctx, input),
  setProfilePermissions: (_, args, ctx) =>
    profiles.setProfilePermissions(ctx, args.profileId, args.permissions),
  setAgentProfile: (_, { agentId, profileId }, ctx) =>
    profiles.setAgentProfile(ctx, agentId, profileId),

  createPartner: (_, { input }, ctx) =>
    partners.createPartner(ctx.db, input, ctx.viewer.agent?.id ?? null),
  revokePartner: (_, { id }, ctx) => partners.revokePartner(ctx.db, id),
  rotatePartnerKey: (_, { id }, ctx) => partners.rotatePartnerKey(ctx.db, id),
};

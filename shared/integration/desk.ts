import { notFound } from '../errors';
import { isUuid } from '../loaders';
import type { SubgraphClient } from '../subgraphClient';

export interface DeskContact {
  id: string;
  name: string;
  email: string;
  primaryAccount: { name: string } | null;
}

export interface DeskTicket {
  id: string;
  number: number;
  contact: DeskContact;
}

export interface DeskProfile {
  id: string;
  name: string;
  isAdministrator: boolean;
}

/*
 * Desk owns contacts, tickets and profiles: integrations read them through desk's API, as the
 * caller, so desk's own permissions decide what the caller may see.
 */

export async function deskContact(desk: SubgraphClient, contactId: string): Promise<DeskContact> {
  if (!isUuid(contactId)) throw notFound('Contact', contactId);
  const { contact } = await desk.request<{ contact: DeskContact | null }>(
    `query IntegrationContact($id: ID!) {
       contact(id: $id) { id name email primaryAccount { name } }
     }`,
    { id: contactId },
  );
  if (!contact) throw notFound('Contact', contactId);
  return contact;
}

export async function deskTicket(desk: SubgraphClient, ticketId: string): Promise<DeskTicket> {
  if (!isUuid(ticketId)) throw notFound('Ticket', ticketId);
  const { ticket } = await desk.request<{ ticket: DeskTicket | null }>(
    `query IntegrationTicket($id: ID!) {
       ticket(id: $id) { id number contact { id name email primaryAccount { name } } }
     }`,
    { id: ticketId },
  );
  if (!ticket) throw notFound('Ticket', ticketId);
  return ticket;
}

export async function deskProfile(desk: SubgraphClient, profileId: string): Promise<DeskProfile> {
  if (!isUuid(profileId)) throw notFound('AgentProfile', profileId);
  const { agentProfiles } = await desk.request<{ agentProfiles: DeskProfile[] }>(
    'query IntegrationProfiles { agentProfiles { id name isAdministrator } }',
  );
  const profile = agentProfiles.find((p) => p.id === profileId);
  if (!profile) throw notFound('AgentProfile', profileId);
  return profile;
}

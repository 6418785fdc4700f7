import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { AgentDirectory } from '../agentDirectory';
import type { Config } from '../config';
import type { Identity } from '../identity';
import { groupedLoader, isUuid } from '../loaders';
import type { SubgraphDependencies } from '../subgraph';
import { SubgraphClient, subgraphClient } from '../subgraphClient';
import { Customer, Integration, OrganizationAdmin } from './entities';

/** Every integration's levels have a view switch: off hides the whole integration. */
export interface Levels {
  view: boolean;
}

/** Who is asking, in desk's terms, and what their profile may do in the integration. */
export interface IntegrationViewer<L> {
  /**
   * The desk agent, or null for a peer service acting on its own behalf or a partner application:
   * `isAdministrator` tells them apart, as only the peer service has it.
   */
  agentId: string | null;
  email: string | null;
  /** Desk administrators may do everything, and set the integration and permissions up. */
  isAdministrator: boolean;
  levels: L;
}

/** What shared/integration needs of an integration subgraph's request context. */
export interface IntegrationContext<L extends Levels> {
  db: DataSource;
  /** Resolved once per request, on first use. */
  viewer(): Promise<IntegrationViewer<L>>;
  /** The integration's row as this request first saw it. */
  integration(): Promise<Integration>;
  /** Desk's API, called on behalf of whoever this request acts for. */
  desk(): SubgraphClient;
  loaders: IntegrationLoaders;
}

export interface IntegrationLoaders {
  customerByContact: DataLoader<string, Customer | null>;
  administratorsByOrganization: DataLoader<string, OrganizationAdmin[]>;
}

/** How a subgraph stores its levels: everything, and what a (non-administrator) profile has. */
export interface LevelStore<L> {
  all: L;
  ofProfile(dataSource: DataSource, profileId: string): Promise<L>;
}

/** One directory per desk, kept for the process so that its cache outlives requests. */
const directories = new Map<string, AgentDirectory>();

function agentDirectory(config: Config): AgentDirectory {
  const deskUrl = config.subgraphs.desk.url;
  let directory = directories.get(deskUrl);
  if (!directory) {
    directory = new AgentDirectory({
      deskUrl,
      auth: config.auth,
      cacheSeconds: config.auth.agentProfileCacheSeconds,
      timeoutMs: config.gateway.subgraphTimeoutMs,
    });
    directories.set(deskUrl, directory);
  }
  return directory;
}

/** A client for desk's subgraph that calls it as `identity`, as an integration's context hands out. */
export function deskClientFor(identity: Identity, deps: SubgraphDependencies): SubgraphClient {
  return subgraphClient({
    target: 'desk',
    url: deps.config.subgraphs.desk.url,
    identity,
    auth: deps.config.auth,
    timeoutMs: deps.config.gateway.subgraphTimeoutMs,
  });
}

export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

/** Who the identity is in desk, with their profile's levels; books, with its own context, too. */
export async function viewerFor<L>(
  identity: Identity,
  deps: SubgraphDependencies,
  levels: LevelStore<L>,
): Promise<IntegrationViewer<L>> {
  if (identity.kind === 'service' && !identity.onBehalfOf) {
    // Peer services act for work the integration has already accepted.
    return { agentId: null, email: null, isAdministrator: true, levels: levels.all };
  }
  if (identity.kind === 'partner') {
    // No agent to look up: the signed identity names the profile, and a partner is never an
    // administrator (desk refuses to bind one to an administrator profile).
    return {
      agentId: null,
      email: null,
      isAdministrator: false,
      levels: await levels.ofProfile(deps.dataSource, identity.profileId),
    };
  }
  const ref = await agentDirectory(deps.config).lookup(identity);
  return {
    agentId: ref.agentId,
    email: ref.email,
    isAdministrator: ref.isAdministrator,
    levels: ref.isAdministrator
      ? levels.all
      : await levels.ofProfile(deps.dataSource, ref.profileId),
  };
}

/**
 * The customer record of each desk contact in the integration's organization: every panel starts
 * here, so a page of tickets costs one statement however many contacts it shows.
 */
function customerByContactLoader(
  dataSource: DataSource,
  integration: () => Promise<Integration>,
): DataLoader<string, Customer | null> {
  return new DataLoader<string, Customer | null>(async (contactIds) => {
    const { organizationId } = await integration();
    const valid = contactIds.filter(isUuid);
    const rows =
      organizationId && valid.length > 0
        ? await dataSource.getRepository(Customer).findBy({ organizationId, contactId: In(valid) })
        : [];
    const byContact = new Map(rows.map((row) => [row.contactId, row]));
    return contactIds.map((id) => byContact.get(id) ?? null);
  });
}

/** The per-request parts every integration subgraph's context has in common. */
export function integrationContextParts<L extends Levels>(
  identity: Identity,
  deps: SubgraphDependencies,
  levels: LevelStore<L>,
) {
  const integration = once(() =>
    deps.dataSource.getRepository(Integration).findOneByOrFail({ id: 1 }),
  );
  return {
    identity,
    db: deps.dataSource,
    jobs: deps.jobs,
    config: deps.config,
    limits: deps.config.pagination,
    integration,
    integrationLoaders: {
      customerByContact: customerByContactLoader(deps.dataSource, integration),
      administratorsByOrganization: groupedLoader(
        (ids: readonly string[]) =>
          deps.dataSource.getRepository(OrganizationAdmin).find({
            where: { organizationId: In([...ids]) },
            order: { email: 'ASC' },
          }),
        (row) => row.organizationId,
      ),
    } satisfies IntegrationLoaders,
    viewer: once(() => viewerFor(identity, deps, levels)),
    desk: () => deskClientFor(identity, deps),
  };
}

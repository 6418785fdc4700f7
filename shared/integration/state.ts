import type { EntityManager } from 'typeorm';
import { badUserInput, forbidden, notFound } from '../errors';
import { isUuid } from '../loaders';
import { requiredText } from '../validation';
import type { IntegrationContext, Levels } from './context';
import { Integration, Organization, OrganizationAdmin } from './entities';

/** ISO 4217 codes this runtime knows, e.g. JPY or USD. */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export interface IntegrationProduct {
  /** The subgraph's Postgres schema. */
  schema: string;
  /** How people name it: "inventory", "billing". */
  label: string;
  /** The GraphQL type of its organizations, for NOT_FOUND errors. */
  organizationType: string;
  /** The mutation that creates an organization, named when there is none to enable. */
  createOrganizationMutation: string;
  /**
   * What deleting removes besides the state, in the deleting transaction: the links between the
   * help desk's records and the product's, and whatever background work depends on them.
   */
  onDelete(manager: EntityManager): Promise<void>;
}

/**
 * Setting an integration up the way every one of them works (INV-1/2/10/11, BIL-1/7): enable with
 * an organization the caller administers, disable keeping every association, delete removing them.
 */
export class IntegrationState {
  constructor(private readonly product: IntegrationProduct) {}

  /** INV-2: the organizations whose administrators include this e-mail address. */
  administeredBy(ctx: IntegrationContext<Levels>, email: string | null): Promise<Organization[]> {
    if (!email) return Promise.resolve([]);
    return ctx.db
      .getRepository(Organization)
      .createQueryBuilder('org')
      .where(
        `org.id IN (SELECT organization_id FROM "${this.product.schema}".organization_admin
                    WHERE lower(email) = lower(:email))`,
        { email },
      )
      .orderBy('org.name')
      .getMany();
  }

  async createOrganization(
    ctx: IntegrationContext<Levels>,
    input: { name: string; currency: string },
  ): Promise<Organization> {
    const name = requiredText('name', input.name);
    const currency = input.currency.trim().toUpperCase();
    if (!CURRENCIES.has(currency)) {
      throw badUserInput(
        `currency must be an ISO 4217 code such as JPY or USD, got "${input.currency}"`,
        { field: 'currency' },
      );
    }
    const { email } = await ctx.viewer();
    if (!email) throw forbidden('An organization needs an administrator who is an agent');
    return ctx.db.transaction(async (manager) => {
      const organization = await manager.save(manager.create(Organization, { name, currency }));
      await manager.insert(OrganizationAdmin, { organizationId: organization.id, email });
      return organization;
    });
  }

  /**
   * The organization must be one the caller administers; with exactly one it is chosen for them,
   * with none they are told to create one.
   */
  async enable(
    ctx: IntegrationContext<Levels>,
    organizationId: string | null | undefined,
  ): Promise<Integration> {
    const { label, organizationType, createOrganizationMutation } = this.product;
    const { email } = await ctx.viewer();
    const offered = await this.administeredBy(ctx, email);
    let chosen: Organization | undefined;
    if (organizationId) {
      chosen = offered.find((org) => org.id === organizationId);
      if (!chosen) {
        const exists = isUuid(organizationId)
          ? await ctx.db.getRepository(Organization).existsBy({ id: organizationId })
          : false;
        if (!exists) throw notFound(organizationType, organizationId);
        throw forbidden(`You do not administer that ${label} organization`);
      }
    } else if (offered.length === 1) {
      chosen = offered[0];
    } else if (offered.length === 0) {
      throw badUserInput(
        `You administer no ${label} organization: create one with ${createOrganizationMutation}, then enable the integration`,
        { field: 'organizationId' },
      );
    } else {
      throw badUserInput(
        `You administer ${offered.length} ${label} organizations; choose one with organizationId (${offered
          .map((org) => `${org.name}: ${org.id}`)
          .join(', ')})`,
        { field: 'organizationId' },
      );
    }
    const organization = chosen;
    return this.change(ctx, email, async (integration) => {
      integration.status = 'ENABLED';
      integration.organizationId = organization.id;
    });
  }

  /** Only the state changes, so every association is there when it is enabled again. */
  async disable(ctx: IntegrationContext<Levels>): Promise<Integration> {
    const { email } = await ctx.viewer();
    return this.change(ctx, email, async (integration) => {
      if (integration.status !== 'ENABLED') {
        throw badUserInput(
          `The ${this.product.label} integration is ${integration.status}, not ENABLED`,
        );
      }
      integration.status = 'DISABLED';
    });
  }

  /** The product's links to the help desk go in the same transaction as the state. */
  async delete(ctx: IntegrationContext<Levels>): Promise<Integration> {
    const { email } = await ctx.viewer();
    return this.change(ctx, email, async (integration, manager) => {
      if (integration.status === 'NOT_SET_UP' || integration.status === 'DELETED') {
        throw badUserInput(
          `The ${this.product.label} integration is ${integration.status}; there is nothing to delete`,
        );
      }
      await this.product.onDelete(manager);
      integration.status = 'DELETED';
    });
  }

  /**
   * Creating or changing records from the help desk needs the integration on: refused while it is
   * disabled and after it was deleted. Returns the organization to create them in.
   */
  async enabledOrganization(ctx: IntegrationContext<Levels>, doing: string): Promise<string> {
    const integration = await ctx.integration();
    if (integration.status === 'ENABLED' && integration.organizationId) {
      return integration.organizationId;
    }
    const why =
      integration.status === 'DELETED'
        ? 'was deleted'
        : integration.status === 'DISABLED'
          ? 'is disabled'
          : 'is not set up';
    throw forbidden(
      `The ${this.product.label} integration ${why}; ${doing} is refused until it is enabled`,
    );
  }

  /** A change of state under the integration row's lock, recording who made it. */
  private change(
    ctx: IntegrationContext<Levels>,
    email: string | null,
    apply: (integration: Integration, manager: EntityManager) => Promise<void>,
  ): Promise<Integration> {
    return ctx.db.transaction(async (manager) => {
      const integration = await manager
        .getRepository(Integration)
        .createQueryBuilder('integration')
        .setLock('pessimistic_write')
        .where('integration.id = 1')
        .getOneOrFail();
      await apply(integration, manager);
      integration.changedBy = email ?? 'service';
      integration.changedAt = new Date();
      return manager.save(integration);
    });
  }
}

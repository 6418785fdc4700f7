import { badUserInput, conflict, notFound } from '../errors';
import { isUuid } from '../loaders';
import { isUniqueViolation, optionalText, requiredText } from '../validation';
import type { IntegrationContext, Levels } from './context';
import { deskContact } from './desk';
import { Address, Customer } from './entities';
import type { IntegrationState } from './state';

export interface AddressInput {
  attention?: string | null;
  street: string;
  city: string;
  state?: string | null;
  zip?: string | null;
  country: string;
}

export interface CreateCustomerInput {
  contactId: string;
  companyName?: string | null;
  billingAddress?: AddressInput | null;
  shippingAddress?: AddressInput | null;
}

export interface UpdateCustomerInput {
  companyName?: string | null;
  billingAddress?: AddressInput | null;
  shippingAddress?: AddressInput | null;
}

function address(field: string, input: AddressInput | null | undefined): Address | null {
  if (!input) return null;
  return {
    attention: optionalText(input.attention),
    street: requiredText(`${field}.street`, input.street),
    city: requiredText(`${field}.city`, input.city),
    state: optionalText(input.state),
    zip: optionalText(input.zip),
    country: requiredText(`${field}.country`, input.country),
  };
}

/**
 * Customer records (INV-9, BIL-2): the contact's name and e-mail come from desk; the record maps
 * the two by e-mail within the integration's organization.
 */
export class CustomerRecords {
  constructor(
    private readonly state: IntegrationState,
    private readonly product: { label: string; customerType: string },
  ) {}

  async create(ctx: IntegrationContext<Levels>, input: CreateCustomerInput): Promise<Customer> {
    const { label } = this.product;
    const organizationId = await this.state.enabledOrganization(ctx, 'creating customers');
    const contact = await deskContact(ctx.desk(), input.contactId);
    const billing = address('billingAddress', input.billingAddress);
    const shipping = address('shippingAddress', input.shippingAddress) ?? billing;
    const alreadyThere = (customerId?: string) =>
      conflict(`${contact.email} already has a customer record in ${label}`, { customerId });
    return ctx.db
      .transaction(async (manager) => {
        const existing = await manager.findOneBy(Customer, {
          organizationId,
          email: contact.email.toLowerCase(),
        });
        if (existing?.contactId) throw alreadyThere(existing.id);
        if (existing) {
          // A customer whose mapping a deleted integration removed is mapped again, not duplicated.
          existing.contactId = contact.id;
          existing.name = contact.name;
          existing.companyName = optionalText(input.companyName) ?? existing.companyName;
          existing.billingAddress = billing ?? existing.billingAddress;
          existing.shippingAddress = shipping ?? existing.shippingAddress;
          return manager.save(existing);
        }
        return manager.save(
          manager.create(Customer, {
            organizationId,
            contactId: contact.id,
            name: contact.name,
            email: contact.email.toLowerCase(),
            companyName: optionalText(input.companyName) ?? contact.primaryAccount?.name ?? null,
            billingAddress: billing,
            shippingAddress: shipping,
          }),
        );
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw alreadyThere();
        throw error;
      });
  }

  async update(
    ctx: IntegrationContext<Levels>,
    id: string,
    input: UpdateCustomerInput,
  ): Promise<Customer> {
    const organizationId = await this.state.enabledOrganization(ctx, 'changing customers');
    if (input.companyName === undefined && !input.billingAddress && !input.shippingAddress) {
      throw badUserInput('Nothing to change: give companyName, billingAddress or shippingAddress');
    }
    return ctx.db.transaction(async (manager) => {
      const customer = isUuid(id)
        ? await manager.findOneBy(Customer, { id, organizationId })
        : null;
      if (!customer) throw notFound(this.product.customerType, id);
      if (input.companyName !== undefined) customer.companyName = optionalText(input.companyName);
      if (input.billingAddress) {
        customer.billingAddress = address('billingAddress', input.billingAddress);
      }
      if (input.shippingAddress) {
        customer.shippingAddress = address('shippingAddress', input.shippingAddress);
      }
      return manager.save(customer);
    });
  }
}

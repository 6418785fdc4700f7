import { badUserInput, conflict, notFound } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import { isUniqueViolation, optionalText, requiredText } from '../../../shared/validation';
import type { InventoryContext } from '../context';
import { Customer } from '../entities';
import type { Address } from '../entities/Customer';
import { deskContact } from './desk';
import { enabledOrganization } from './integration';

export interface AddressInput {
  attention?: string | null;
  street: string;
  city: string;
  state?: string | null;
  zip?: string | null;
  country: string;
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

/** INV-9: the contact's name and e-mail come from desk; the record maps the two by e-mail. */
export async function createCustomer(
  ctx: InventoryContext,
  input: {
    contactId: string;
    companyName?: string | null;
    billingAddress?: AddressInput | null;
    shippingAddress?: AddressInput | null;
  },
): Promise<Customer> {
  const organizationId = await enabledOrganization(ctx, 'creating customers');
  const contact = await deskContact(ctx, input.contactId);
  const billing = address('billingAddress', input.billingAddress);
  const shipping = address('shippingAddress', input.shippingAddress) ?? billing;
  return ctx.db
    .transaction(async (manager) => {
      const existing = await manager.findOneBy(Customer, {
        organizationId,
        email: contact.email.toLowerCase(),
      });
      if (existing?.contactId) {
        throw conflict(`${contact.email} already has a customer record in inventory`, {
          customerId: existing.id,
        });
      }
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
      if (isUniqueViolation(error)) {
        throw conflict(`${contact.email} already has a customer record in inventory`);
      }
      throw error;
    });
}

export async function updateCustomer(
  ctx: InventoryContext,
  id: string,
  input: {
    companyName?: string | null;
    billingAddress?: AddressInput | null;
    shippingAddress?: AddressInput | null;
  },
): Promise<Customer> {
  const organizationId = await enabledOrganization(ctx, 'changing customers');
  if (input.companyName === undefined && !input.billingAddress && !input.shippingAddress) {
    throw badUserInput('Nothing to change: give companyName, billingAddress or shippingAddress');
  }
  return ctx.db.transaction(async (manager) => {
    const customer = isUuid(id) ? await manager.findOneBy(Customer, { id, organizationId }) : null;
    if (!customer) throw notFound('InventoryCustomer', id);
    if (input.companyName !== undefined) customer.companyName = optionalText(input.companyName);
    if (input.billingAddress)
      customer.billingAddress = address('billingAddress', input.billingAddress);
    if (input.shippingAddress) {
      customer.shippingAddress = address('shippingAddress', input.shippingAddress);
    }
    return manager.save(customer);
  });
}

import {
  Customer,
  Integration,
  integrationEntities,
  Organization,
  OrganizationAdmin,
} from '../../../shared/integration/entities';
import { BooksContact } from './BooksContact';
import { Connection } from './Connection';
import { ContactSyncSetting } from './ContactSyncSetting';
import { EmailTemplate } from './EmailTemplate';
import { Estimate } from './Estimate';
import { EstimateLine } from './EstimateLine';
import { Invoice } from './Invoice';
import { InvoiceLine } from './InvoiceLine';
import { Item } from './Item';
import { ProductSyncSetting } from './ProductSyncSetting';
import { ProfilePermission } from './ProfilePermission';
import { SalesOrder } from './SalesOrder';
import { SalesOrderLine } from './SalesOrderLine';
import { ServiceKey } from './ServiceKey';
import { ServiceKeyOrganization } from './ServiceKeyOrganization';
import { Transaction } from './Transaction';

export {
  BooksContact,
  Connection,
  ContactSyncSetting,
  Customer,
  EmailTemplate,
  Estimate,
  EstimateLine,
  Integration,
  Invoice,
  InvoiceLine,
  Item,
  Organization,
  OrganizationAdmin,
  ProductSyncSetting,
  ProfilePermission,
  SalesOrder,
  SalesOrderLine,
  ServiceKey,
  ServiceKeyOrganization,
  Transaction,
};

/**
 * The shared integration entities come along because their tables exist in the books schema
 * (createIntegrationTables); books uses Organization and OrganizationAdmin, and its own
 * Connection and BooksContact instead of Integration and Customer.
 */
export const booksEntities = [
  ...integrationEntities,
  BooksContact,
  Connection,
  ContactSyncSetting,
  EmailTemplate,
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
  Item,
  ProductSyncSetting,
  ProfilePermission,
  SalesOrder,
  SalesOrderLine,
  ServiceKey,
  ServiceKeyOrganization,
  Transaction,
];

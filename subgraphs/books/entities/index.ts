import {
  Organization,
  OrganizationAdmin,
  organizationEntities,
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
import { Payment } from './Payment';
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
  EmailTemplate,
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
  Item,
  Organization,
  OrganizationAdmin,
  Payment,
  ProductSyncSetting,
  ProfilePermission,
  SalesOrder,
  SalesOrderLine,
  ServiceKey,
  ServiceKeyOrganization,
  Transaction,
};

/** Books' own entities and the shared organizations (createOrganizationTables). */
export const booksEntities = [
  ...organizationEntities,
  BooksContact,
  Connection,
  ContactSyncSetting,
  EmailTemplate,
  Estimate,
  EstimateLine,
  Invoice,
  InvoiceLine,
  Item,
  Payment,
  ProductSyncSetting,
  ProfilePermission,
  SalesOrder,
  SalesOrderLine,
  ServiceKey,
  ServiceKeyOrganization,
  Transaction,
];

import {
  Customer,
  Integration,
  Organization,
  OrganizationAdmin,
} from '../../../shared/integration/entities';
import { Activity } from './Activity';
import { Invoice } from './Invoice';
import { InvoiceLine } from './InvoiceLine';
import { Item } from './Item';
import { ItemProduct } from './ItemProduct';
import { ItemSyncSetting } from './ItemSyncSetting';
import { Package } from './Package';
import { PackageLine } from './PackageLine';
import { ProfilePermission } from './ProfilePermission';
import { SalesOrder } from './SalesOrder';
import { SalesOrderLine } from './SalesOrderLine';
import { SalesReturn } from './SalesReturn';
import { SalesReturnLine } from './SalesReturnLine';
import { TrackingEvent } from './TrackingEvent';

export {
  Activity,
  Customer,
  Integration,
  Invoice,
  InvoiceLine,
  Item,
  ItemProduct,
  ItemSyncSetting,
  Organization,
  OrganizationAdmin,
  Package,
  PackageLine,
  ProfilePermission,
  SalesOrder,
  SalesOrderLine,
  SalesReturn,
  SalesReturnLine,
  TrackingEvent,
};

export const inventoryEntities = [
  Activity,
  Customer,
  Integration,
  Invoice,
  InvoiceLine,
  Item,
  ItemProduct,
  ItemSyncSetting,
  Organization,
  OrganizationAdmin,
  Package,
  PackageLine,
  ProfilePermission,
  SalesOrder,
  SalesOrderLine,
  SalesReturn,
  SalesReturnLine,
  TrackingEvent,
];

import { BillingInitial1764200000000 } from './1764200000000-BillingInitial';
import { BillingSyncRunDeletedCount1764400000000 } from './1764400000000-BillingSyncRunDeletedCount';

export const billingMigrations = [
  BillingInitial1764200000000,
  BillingSyncRunDeletedCount1764400000000,
];

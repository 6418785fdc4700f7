import { BillingInitial1764200000000 } from './1764200000000-BillingInitial';

export const billingMigrations = [BillingInitial1764200000000];

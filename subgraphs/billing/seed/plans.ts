import type { Organization } from '../../../shared/integration/entities';
import type { Random } from '../../../shared/seed/random';
import type { PlanInterval, PlanTerms } from '../domain/subscriptionLifecycle';
import type { Plan } from '../entities/Plan';

/**
 * One plan of the catalogue. `tier` orders the plans of one cadence from cheapest to dearest,
 * which is what an upgrade or downgrade moves along; `weight` is how often new subscriptions
 * choose it.
 */
export interface PlanSpec {
  code: string;
  name: string;
  price: number;
  interval: PlanInterval;
  intervalCount: number;
  trialDays: number;
  active: boolean;
  tier: number;
  weight: number;
}

// prettier-ignore
export const CLOUD_PLANS: readonly PlanSpec[] = [
  { code: 'BASIC-M', name: 'Basic', price: 980, interval: 'MONTH', intervalCount: 1, trialDays: 0, active: false, tier: 0, weight: 6 },
  { code: 'STARTER-M', name: 'Starter', price: 1500, interval: 'MONTH', intervalCount: 1, trialDays: 14, active: true, tier: 1, weight: 25 },
  { code: 'PRO-M', name: 'Pro', price: 4000, interval: 'MONTH', intervalCount: 1, trialDays: 14, active: true, tier: 2, weight: 25 },
  { code: 'BUSINESS-M', name: 'Business', price: 12000, interval: 'MONTH', intervalCount: 1, trialDays: 0, active: true, tier: 3, weight: 8 },
  { code: 'PRO-Q', name: 'Pro', price: 11400, interval: 'MONTH', intervalCount: 3, trialDays: 0, active: true, tier: 2, weight: 6 },
  { code: 'STARTER-Y', name: 'Starter', price: 15000, interval: 'YEAR', intervalCount: 1, trialDays: 0, active: true, tier: 1, weight: 8 },
  { code: 'PRO-Y', name: 'Pro', price: 40000, interval: 'YEAR', intervalCount: 1, trialDays: 30, active: true, tier: 2, weight: 10 },
  { code: 'BUSINESS-Y', name: 'Business', price: 120000, interval: 'YEAR', intervalCount: 1, trialDays: 0, active: true, tier: 3, weight: 4 },
];

// prettier-ignore
export const LABS_PLANS: readonly PlanSpec[] = [
  { code: 'SANDBOX-M', name: 'Sandbox', price: 29, interval: 'MONTH', intervalCount: 1, trialDays: 7, active: true, tier: 1, weight: 30 },
  { code: 'GPU-M', name: 'GPU', price: 199, interval: 'MONTH', intervalCount: 1, trialDays: 0, active: true, tier: 2, weight: 20 },
  { code: 'SANDBOX-Y', name: 'Sandbox', price: 290, interval: 'YEAR', intervalCount: 1, trialDays: 0, active: true, tier: 1, weight: 10 },
  { code: 'GPU-Y', name: 'GPU', price: 1990, interval: 'YEAR', intervalCount: 1, trialDays: 0, active: true, tier: 2, weight: 5 },
];

/**
 * Inactive plans were offered until this day; their subscribers, all of whom signed up before,
 * carry on.
 */
export const RETIRED_ON = '2025-10-01';

export interface CataloguePlan {
  plan: Plan;
  terms: PlanTerms;
  tier: number;
  weight: number;
}

/** Each organization's plans. */
export type Catalogue = ReadonlyMap<string, readonly CataloguePlan[]>;

export function generatePlans(
  random: Random,
  organizations: readonly [Organization, readonly PlanSpec[]][],
): Catalogue {
  return new Map(
    organizations.map(([organization, specs]) => [
      organization.id,
      specs.map((spec, index): CataloguePlan => {
        const plan: Plan = {
          id: random.uuid(),
          organizationId: organization.id,
          code: spec.code,
          name: spec.name,
          price: spec.price,
          interval: spec.interval,
          intervalCount: spec.intervalCount,
          trialDays: spec.trialDays,
          active: spec.active,
          createdAt: new Date(organization.createdAt.getTime() + (index + 1) * 60_000),
        };
        const terms: PlanTerms = {
          id: plan.id,
          name: plan.name,
          price: plan.price,
          interval: plan.interval,
          intervalCount: plan.intervalCount,
          trialDays: plan.trialDays,
        };
        return { plan, terms, tier: spec.tier, weight: spec.weight };
      }),
    ]),
  );
}

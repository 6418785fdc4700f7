import type { Organization } from '../../../shared/integration/entities';
import { instantBetween } from '../../../shared/seed/clock';
import type { Random } from '../../../shared/seed/random';
import type { EmailTemplate } from '../entities/EmailTemplate';
import { TEMPLATES } from './vocabulary';

/**
 * BKS-11 templates: the connected organization has all of them (two for estimates and invoices),
 * the other only the standard one of each kind.
 */
export function generateTemplates(
  random: Random,
  connected: Organization,
  organizations: readonly Organization[],
): EmailTemplate[] {
  return organizations.flatMap((organization) =>
    TEMPLATES.filter(
      (word) =>
        organization === connected || TEMPLATES.find((first) => first.kind === word.kind) === word,
    ).map((word): EmailTemplate => ({
      id: random.uuid(),
      organizationId: organization.id,
      kind: word.kind,
      name: word.name,
      subject: word.subject,
      body: word.body,
      createdAt: instantBetween(
        random,
        organization.createdAt,
        new Date(organization.createdAt.getTime() + 60 * 86_400_000),
      ),
    })),
  );
}

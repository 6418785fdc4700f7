import { In, type EntityManager } from 'typeorm';
import { badUserInput } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import { optionalText } from '../../../shared/validation';
import { checkLineCount, documentTotal, lineAmount } from '../../../shared/integration/documents';
import { Item } from '../entities';

export interface LineItemInput {
  itemId: string;
  quantity: number;
  rate?: number | null;
  description?: string | null;
}

export interface PricedLine {
  position: number;
  itemId: string;
  description: string | null;
  quantity: number;
  rate: number;
  amount: number;
}

/**
 * Checks every line against the organization's active items and prices it; the first problem is
 * reported with the line it is on.
 */
export async function priceLines(
  manager: EntityManager,
  organizationId: string,
  lines: readonly LineItemInput[],
): Promise<{ lines: PricedLine[]; total: number }> {
  checkLineCount(lines);
  const ids = [...new Set(lines.map((line) => line.itemId).filter(isUuid))];
  const items = new Map(
    (ids.length ? await manager.findBy(Item, { id: In(ids), organizationId }) : []).map((item) => [
      item.id,
      item,
    ]),
  );
  const priced = lines.map((line, index): PricedLine => {
    const field = `lineItems[${index}]`;
    const item = items.get(line.itemId);
    if (!item) {
      throw badUserInput(`${field}: item "${line.itemId}" is not an item of this organization`, {
        field,
      });
    }
    if (item.status !== 'ACTIVE') {
      throw badUserInput(`${field}: item ${item.sku} is inactive`, { field });
    }
    const rate = line.rate ?? item.rate;
    const amount = lineAmount(field, line.quantity, rate);
    return {
      position: index + 1,
      itemId: item.id,
      description: optionalText(line.description) ?? item.name,
      quantity: line.quantity,
      rate,
      amount,
    };
  });
  return { lines: priced, total: documentTotal(priced.map((line) => line.amount)) };
}

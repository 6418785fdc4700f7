import { In, type EntityManager } from 'typeorm';
import { badUserInput } from '../../../shared/errors';
import { isUuid } from '../../../shared/loaders';
import { optionalText } from '../../../shared/validation';
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

export const MAX_LINE_ITEMS = 100;
const MAX_QUANTITY = 1_000_000;
const MAX_RATE = 10_000_000_000;

const cents = (value: number) => Math.round(value * 100) / 100;

/**
 * Checks every line against the organization's active items and prices it; the first problem is
 * reported with the line it is on.
 */
export async function priceLines(
  manager: EntityManager,
  organizationId: string,
  lines: readonly LineItemInput[],
): Promise<{ lines: PricedLine[]; total: number }> {
  if (lines.length === 0) {
    throw badUserInput('lineItems must hold at least one line', { field: 'lineItems' });
  }
  if (lines.length > MAX_LINE_ITEMS) {
    throw badUserInput(`lineItems may hold at most ${MAX_LINE_ITEMS} lines, got ${lines.length}`, {
      field: 'lineItems',
    });
  }
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
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_QUANTITY) {
      throw badUserInput(`${field}: quantity must be a whole number from 1 to ${MAX_QUANTITY}`, {
        field,
      });
    }
    const rate = line.rate ?? item.rate;
    if (!Number.isFinite(rate) || rate < 0 || rate > MAX_RATE || cents(rate) !== rate) {
      throw badUserInput(`${field}: rate must be zero or more with at most 2 decimals`, { field });
    }
    return {
      position: index + 1,
      itemId: item.id,
      description: optionalText(line.description) ?? item.name,
      quantity: line.quantity,
      rate,
      amount: cents(line.quantity * rate),
    };
  });
  return { lines: priced, total: cents(priced.reduce((sum, line) => sum + line.amount, 0)) };
}

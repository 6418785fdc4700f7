import { InventoryInitial1764100000000 } from './1764100000000-InventoryInitial';
import { InventorySyncRunDeletedCount1764400000000 } from './1764400000000-InventorySyncRunDeletedCount';

export const inventoryMigrations = [
  InventoryInitial1764100000000,
  InventorySyncRunDeletedCount1764400000000,
];

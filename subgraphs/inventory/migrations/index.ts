import { InventoryInitial1764100000000 } from './1764100000000-InventoryInitial';

export const inventoryMigrations = [InventoryInitial1764100000000];

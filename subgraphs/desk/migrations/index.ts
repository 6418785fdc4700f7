import { DeskInitial1763800000000 } from './1763800000000-DeskInitial';
import { DeskJobs1763900000000 } from './1763900000000-DeskJobs';
import { DeskProductSync1764000000000 } from './1764000000000-DeskProductSync';
import { DeskDemoSeed1764000000001 } from './1764000000001-DeskDemoSeed';
import { DeskSyncRunDeletedCount1764400000000 } from './1764400000000-DeskSyncRunDeletedCount';
import { DeskCrmTaskSyncNotice1764600000000 } from './1764600000000-DeskCrmTaskSyncNotice';
import { DeskPartner1764700000000 } from './1764700000000-DeskPartner';

export const deskMigrations = [
  DeskInitial1763800000000,
  DeskJobs1763900000000,
  DeskProductSync1764000000000,
  DeskDemoSeed1764000000001,
  DeskSyncRunDeletedCount1764400000000,
  DeskCrmTaskSyncNotice1764600000000,
  DeskPartner1764700000000,
];

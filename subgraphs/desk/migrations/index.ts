import { DeskInitial1763800000000 } from './1763800000000-DeskInitial';

export const deskMigrations = [DeskInitial1763800000000];

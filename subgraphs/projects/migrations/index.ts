import { ProjectsInitial1764500000000 } from './1764500000000-ProjectsInitial';

export const projectsMigrations = [ProjectsInitial1764500000000];

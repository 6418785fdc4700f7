import { BooksInitial1764300000000 } from './1764300000000-BooksInitial';

export const booksMigrations = [BooksInitial1764300000000];

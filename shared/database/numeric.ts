import { ValueTransformer } from 'typeorm';

/** node-postgres returns NUMERIC as a string to keep precision; money here fits a double. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

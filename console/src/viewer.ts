import { createContext, useContext } from 'react';
import type { Allowances } from './permissions';

/** What the signed-in agent's profile allows, for every component that offers an action. */
export const AllowancesContext = createContext<Allowances | null>(null);

export function useAllowances(): Allowances {
  const value = useContext(AllowancesContext);
  if (!value) throw new Error('useAllowances is used outside the signed-in console');
  return value;
}

/** The taxpayers' register's stand-in: the tax number and the income tax agents reported. Someone never registered is "no such taxpayer". */
import type { IncomeRecord } from '../../platform/registries/index.ts';
import { type Lookup, readDemo } from './demo-data.ts';

export async function taxRegister(): Promise<Lookup<IncomeRecord>> {
  const { taxpayers } = await readDemo<{ taxpayers: Record<string, IncomeRecord['incomes']> }>('tax-registry.json');
  return (nationalId) => {
    const incomes = taxpayers[nationalId];
    return incomes === undefined ? undefined : { nationalId, taxNumber: nationalId, incomes };
  };
}

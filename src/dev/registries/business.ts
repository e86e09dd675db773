/** The business register's stand-in: companies and their directors, from the file the portal's demo copy is seeded from. */
import type { CompanyRecord } from '../../platform/registries/index.ts';
import { type Lookup, readDemo } from './demo-data.ts';

/** Every company the register holds. */
export const businessRecords = async (): Promise<CompanyRecord[]> => (await readDemo<{ companies: CompanyRecord[] }>('business-registry.json')).companies;

export async function businessRegister(): Promise<Lookup<CompanyRecord>> {
  const companies = await businessRecords();
  return (code) => companies.find((c) => c.registryCode === code);
}

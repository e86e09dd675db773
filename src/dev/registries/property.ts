/** The register of real estate's stand-in: what a person owns, with its address and the person's share. */
import type { PropertyRecord } from '../../platform/registries/index.ts';
import { type Lookup, readDemo } from './demo-data.ts';

export async function propertyRegister(): Promise<Lookup<PropertyRecord>> {
  const { owners } = await readDemo<{ owners: Record<string, PropertyRecord['properties']> }>('property-registry.json');
  return (nationalId) => ({ nationalId, properties: owners[nationalId] ?? [] });
}

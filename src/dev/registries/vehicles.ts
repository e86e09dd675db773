/** The vehicles register's stand-in: vehicles by owner. A person with none is an empty list, not "no such person". */
import type { VehiclesRecord } from '../../platform/registries/index.ts';
import { type Lookup, readDemo } from './demo-data.ts';

export async function vehiclesRegister(): Promise<Lookup<VehiclesRecord>> {
  const { owners } = await readDemo<{ owners: Record<string, VehiclesRecord['vehicles']> }>('vehicles-registry.json');
  return (nationalId) => ({ nationalId, vehicles: owners[nationalId] ?? [] });
}

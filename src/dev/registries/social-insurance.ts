/** The register of insured persons' stand-in: insured periods by employer (months counted to the day asked) and benefits paid. */
import type { InsuranceRecord } from '../../platform/registries/index.ts';
import { type Lookup, readDemo } from './demo-data.ts';

type Entry = Pick<InsuranceRecord, 'periods' | 'benefits'>;

/** Whole months insured: each period from its first day to its last (or to `today`). */
function months(periods: Entry['periods'], today: string): number {
  const count = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
  return periods.reduce((sum, p) => sum + Math.max(0, count(p.from, p.to ?? today)), 0);
}

export async function socialInsuranceRegister(today: () => string): Promise<Lookup<InsuranceRecord>> {
  const { insured } = await readDemo<{ insured: Record<string, Entry> }>('social-insurance-registry.json');
  return (nationalId) => {
    const entry = insured[nationalId];
    return entry === undefined ? undefined : { nationalId, insuredMonths: months(entry.periods, today()), periods: entry.periods, benefits: entry.benefits };
  };
}

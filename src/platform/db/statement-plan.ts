import type { Queryable, Row } from './database.ts';
import { prepared } from './prepared.ts';

/** Binds a value as the statement's next parameter and answers its placeholder (`$n`). */
export type Param = (value: unknown) => string;

/**
 * What a step of a plan is written under: the rows of the last gating step before it (`from`, a
 * common table expression's name) and that step's key (`key`, an expression over `from`: a text only
 * known once the gating step ran, such as the number a case is given).
 */
export interface Gate {
  readonly from: string;
  readonly key: string;
}

/**
 * One part of a one-statement plan (ADR 0025): a data-modifying statement (or a locking read) that
 * becomes one common table expression of the plan. Its text must not depend on the values, only on
 * the shape of the plan (rows go in as arrays), since the plan is prepared.
 */
export interface PlanStep {
  /**
   * The step's text. `after` is the gate it is written under, null for the first step: a step under
   * a gate selects its rows `FROM` it (a cross join with its one row), so it writes nothing when the
   * gating step yielded no row.
   */
  sql(param: Param, after: Gate | null): string;
  /**
   * Whether the steps after this one are written under it: it then answers at most one row, with a
   * text column `key` (its own, or the previous gate's passed on). Otherwise they are written under
   * the same gate as this one.
   */
  readonly gates?: boolean;
}

/**
 * Runs `steps` as one statement (one data-modifying `WITH`, prepared, no transaction around it: a
 * single statement is atomic), each step under the last gating step before it; answers the rows of
 * step `answer`. A step whose gate yielded no row writes nothing, and neither does any step after it.
 * A failure of any step (a constraint) fails the statement, and nothing of it is written.
 */
export async function runPlan<T extends Row>(tx: Queryable, steps: readonly PlanStep[], answer: number): Promise<T[]> {
  if (answer < 0 || answer >= steps.length) {
    throw new Error(`a plan of ${steps.length} steps has no step ${answer} to answer`);
  }
  const params: unknown[] = [];
  const param: Param = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  let gate: Gate | null = null;
  const texts = steps.map((step, i) => {
    const text = `s${i} AS (${step.sql(param, gate)})`;
    if (step.gates === true) {
      gate = { from: `s${i}`, key: `s${i}.key` };
    }
    return text;
  });
  return tx.query<T>(prepared(`WITH ${texts.join(',\n')}\nSELECT * FROM s${answer}`), params);
}

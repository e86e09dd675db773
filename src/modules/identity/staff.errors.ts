import { AppError } from '../../kernel/errors.ts';

export const STAFF_PROBLEMS = ['not-allowed', 'own-roles', 'national-id-invalid', 'role-invalid', 'agency-required', 'agency-unknown', 'centre-unknown', 'not-found'] as const;
export type StaffProblem = (typeof STAFF_PROBLEMS)[number];

export class StaffChangeRefused extends AppError {
  readonly code = 'identity.staff_change_refused';

  constructor(readonly problem: StaffProblem, readonly field: string | null = null) {
    super(`staff change refused: ${problem}`, { problem, field });
  }
}

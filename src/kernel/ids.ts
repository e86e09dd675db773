/** A UUID as PostgreSQL writes it (any case): what ids from URLs must be before they reach a uuid column. */
export const isUuid = (value: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

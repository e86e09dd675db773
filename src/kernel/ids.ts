/** A UUID as PostgreSQL writes it (any case): what ids from URLs must be before they reach a uuid column. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one UUID check: route parameters, form values and repositories all ask here. */
export const isUuid = (value: string): boolean => UUID_PATTERN.test(value);

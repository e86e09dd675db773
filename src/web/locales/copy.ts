/** A message with plural forms: the forms `Intl.PluralRules` names for the language (`few`, `many` for Ukrainian). */
export type Plural = { readonly one: string; readonly other: string; readonly few?: string; readonly many?: string };

/**
 * The one locale typing helper: the shape a translation of the Ukrainian copy `T` must have — every key
 * of `T`, a string where `T` has a string, plural forms where `T` has them.
 */
export type Copy<T> = { readonly [K in keyof T]: T[K] extends string ? string : Plural };

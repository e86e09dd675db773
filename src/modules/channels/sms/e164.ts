/** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
export const isE164 = (phone: string): boolean => /^\+[1-9]\d{6,14}$/.test(phone);

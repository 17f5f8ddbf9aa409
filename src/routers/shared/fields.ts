// Input pieces several procedures share, worded as the contract words its errors.
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../rules/passwords.ts';
import { CONTROL_CHARACTER, LONE_SURROGATE } from '../../rules/text.ts';

const UNICODE_TEXT = 'must be valid Unicode text';

/**
 * A string that names or identifies something: every such field starts here, so that a
 * control character (a NUL above all, which PostgreSQL cannot store) or half a surrogate pair
 * is a 400 and never reaches the database. Only passwords, which are never stored or shown,
 * take control characters.
 */
export const text = () =>
  z
    .string()
    .refine((value) => !CONTROL_CHARACTER.test(value), 'must not contain control characters')
    .refine((value) => !LONE_SURROGATE.test(value), UNICODE_TEXT);

export const emptyInput = z.strictObject({}).optional();
export const emptyOutput = z.strictObject({});

/** A password being checked: any length a client could have set, never logged. */
export const currentPassword = z.string().min(1, 'is required').max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

/**
 * A password being set. Half a surrogate pair would be hashed as a replacement character, so
 * that two passwords would be one.
 */
export const newPassword = z
  .string()
  .min(PASSWORD_MIN, `must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters`)
  .max(PASSWORD_MAX, `must be ${PASSWORD_MIN}-${PASSWORD_MAX} characters`)
  .refine((value) => !LONE_SURROGATE.test(value), UNICODE_TEXT);

/** A TOTP code (6 digits) or a recovery code (10 characters), as the two-factor forms take them. */
export const secondFactorCode = text().trim().min(6, 'must be a 6-digit code or a 10-character recovery code').max(10, 'must be a 6-digit code or a 10-character recovery code');

/** What turning two-factor off and making new recovery codes ask for. */
export const codeAndPassword = z.strictObject({ code: secondFactorCode, password: currentPassword });

/**
 * A boolean in a JSON body. trpc-to-openapi switches plain z.boolean() fields to
 * coercion (so "yes" would become true); a pipe is left alone, keeping JSON types strict.
 */
export const jsonBoolean = () => z.boolean().transform((value) => value);

/** The name of something the account keeps (a key): trimmed, `min`-`max` characters. */
export const itemName = (min: number, max: number) =>
  text().trim().min(min, `must be ${min}-${max} characters`).max(max, `must be ${min}-${max} characters`);

/**
 * A UUID in a path. Any other text answers 404 as an unknown one would (not 400), so only
 * the document says it is a UUID; control characters are still refused.
 */
export const uuidParam = (what: string) => text().meta({ description: `UUID of the ${what}`, format: 'uuid' });

/** A moment in an answer: a Date over /trpc, an RFC 3339 string over REST. */
export const timestamp = () => z.date().meta({ format: 'date-time' });

/** Every field has a default, so the whole input may be left out: `apiKeys.list.query()`. */
export function pageQuery() {
  return z
    .strictObject({
      page: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').default(1),
      per_page: z.coerce.number().int('must be a whole number').min(1, 'must be 1-100').max(100, 'must be 1-100').default(10),
      search: text().min(1, 'must be 1-128 characters').max(128, 'must be 1-128 characters').optional(),
    })
    .prefault({});
}

export function page<T extends z.ZodType>(item: T) {
  return z.object({ total: z.number().int(), per_page: z.number().int(), page: z.number().int(), data: z.array(item) });
}

/**
 * One page of a list: the rows of the requested window and the list's total. A page that
 * holds rows but fewer than it could, or a first page with none, ends the list, so the total
 * is known from it and the count is not run: most accounts have one page of keys or sessions,
 * and the count was half the list's queries.
 */
export async function readPage<Item>(
  input: { page: number; per_page: number },
  count: () => Promise<number>,
  rows: (window: { skip: number; take: number }) => Promise<Item[]>,
) {
  const skip = (input.page - 1) * input.per_page;
  const data = await rows({ skip, take: input.per_page });
  const endsList = data.length < input.per_page && (data.length > 0 || skip === 0);
  return { total: endsList ? skip + data.length : await count(), per_page: input.per_page, page: input.page, data };
}

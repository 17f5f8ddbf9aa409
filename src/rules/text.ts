// Rules for text that names or identifies something.

/** C0 and C1 control characters and DEL (NUL among them, which PostgreSQL cannot store). */
export const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * Half of a UTF-16 surrogate pair standing alone: no UTF-8 can carry it, so a database would
 * store a replacement character in its place (and PostgreSQL's JSON refuses it outright).
 */
export const LONE_SURROGATE = /\p{Cs}/u;

/**
 * The case-insensitive key of a username or email: ASCII letters folded, nothing else.
 * Unicode folding would let a look-alike sign in as another account (`\u212Aate`, with the
 * Kelvin sign, lower-cases to `kate`).
 */
export const foldCase = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/** A LIKE pattern that matches `text` literally, with `\` as the escape character. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * `value LIKE pattern ESCAPE '\'`, case-insensitive in ASCII as SQLite's LIKE is: `%` is any
 * run of characters, `_` any one character, and `\` makes the next character literal.
 */
export function likeMatches(pattern: string, value: string): boolean {
  let source = '';
  let escaped = false;
  for (const char of foldCase(pattern)) {
    if (escaped) source += regexLiteral(char);
    else if (char === '%') source += '[^]*';
    else if (char === '_') source += '[^]';
    else if (char !== '\\') source += regexLiteral(char);
    escaped = !escaped && char === '\\';
  }
  return new RegExp(`^${source}$`, 'u').test(foldCase(value));
}

const regexLiteral = (char: string) => char.replace(/[\\^$.*+?()[\]{}|/]/g, (c) => `\\${c}`);

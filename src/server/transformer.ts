// superjson, the transformer of /trpc, with a shorter way to its own output for the answers
// procedures give: JSON values and Dates.
//
// superjson.serialize copies the whole answer while it looks for values JSON cannot carry,
// building a path array, a list of ancestors and a Map entry for every object and value:
// about 8 us and most of the allocations of the typed account read, against 2 us to
// stringify the answer itself (bench/RESULTS.md). An answer of plain objects, arrays,
// strings, finite numbers, booleans, null and valid Dates, none of its objects met twice,
// is written here in superjson's exact words: the same `json` (a Date as its ISO string,
// objects copied only on the way to one) and the same `meta.values` paths in the same
// order. Anything else (undefined, a Map, a class, -0, an object met twice, a key that
// superjson refuses) is left to superjson itself. Inputs and the client's side are
// superjson's alone. test/transformer.test.ts holds the two side by side.
import superjson from 'superjson';

type Serialized = { json: unknown; meta?: { values: Record<string, ['Date']>; v: 1 } };


/** What the walk cannot write as superjson would. */
const LEAVE_TO_SUPERJSON = Symbol('leave to superjson');

/** superjson's own escaping of one key of a path. */
const escapeKey = (key: string) => key.replace(/\\/g, '\\\\').replace(/\./g, '\\.');

/** Keys superjson refuses (it throws); left to it so that it does. */
const REFUSED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Annotations = Record<string, ['Date']>;

/**
 * One walk of an answer. Beside each value it leaves in `annotations` what superjson's walker
 * returns beside it: ['Date'] for a Date, its members' annotations for an object or array
 * (keyed by escaped path, gathered level by level into plain objects as superjson gathers
 * them, so that integer-like keys come first at each level as they do there), or nothing.
 */
class Walk {
  annotations: ['Date'] | Annotations | undefined;
  readonly #seen = new Set<object>();

  /** The value as superjson's `json` holds it: the value itself when nothing in it changes. */
  value(value: unknown): unknown {
    this.annotations = undefined;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : LEAVE_TO_SUPERJSON;
    if (typeof value !== 'object' || this.#seen.has(value)) return LEAVE_TO_SUPERJSON;
    this.#seen.add(value);
    const prototype = Object.getPrototypeOf(value);
    if (prototype === Date.prototype) {
      // An invalid Date is superjson's to refuse.
      if (Number.isNaN((value as Date).getTime())) return LEAVE_TO_SUPERJSON;
      this.annotations = ['Date'];
      return (value as Date).toISOString();
    }
    if ((Array.isArray(value) && prototype === Array.prototype) || prototype === Object.prototype || prototype === null) {
      return this.#members(value as Record<string, unknown>, Array.isArray(value));
    }
    return LEAVE_TO_SUPERJSON;
  }

  /** An array or a plain object, copied (as superjson copies it) only from its first changed member on. */
  #members(value: Record<string, unknown>, isArray: boolean) {
    const keys = Object.keys(value);
    let copy: Record<string, unknown> | undefined;
    let inner: Annotations | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      if (REFUSED_KEYS.has(key)) return LEAVE_TO_SUPERJSON;
      const member = value[key];
      const written = this.value(member);
      if (written === LEAVE_TO_SUPERJSON) return LEAVE_TO_SUPERJSON;
      const annotations = this.annotations;
      if (Array.isArray(annotations)) (inner ??= {})[escapeKey(key)] = annotations;
      else if (annotations) for (const path of Object.keys(annotations)) (inner ??= {})[`${escapeKey(key)}.${path}`] = annotations[path]!;
      if (written !== member && copy === undefined) {
        copy = (isArray ? [] : {}) as Record<string, unknown>;
        for (let j = 0; j < i; j++) copy[keys[j]!] = value[keys[j]!];
      }
      if (copy !== undefined) copy[key] = written;
    }
    this.annotations = inner;
    return copy ?? value;
  }
}

function serialize(value: unknown): Serialized {
  const walk = new Walk();
  const json = walk.value(value);
  // A Date at the root is annotated as a list, not by path: superjson's to write.
  if (json === LEAVE_TO_SUPERJSON || Array.isArray(walk.annotations)) return superjson.serialize(value) as Serialized;
  return walk.annotations ? { json, meta: { values: walk.annotations, v: 1 } } : { json };
}

export const transformer = {
  input: superjson,
  output: { serialize, deserialize: (value: unknown) => superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]) },
};

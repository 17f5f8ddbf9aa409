// superjson, the transformer of /trpc, with a shorter way to its own output for the answers
// procedures give: JSON values and Dates.
//
// superjson.serialize walks an answer with a path array, a list of ancestors and a Map entry
// for every value it meets: about 6 us for the account read's answer, three times what
// JSON.stringify then takes, and a fifth of the typed read's allocations (bench/RESULTS.md).
// An answer of plain objects, arrays, strings, finite numbers, booleans, null and valid Dates,
// none of its objects met twice, is written here as superjson writes it, in about 1 us:
// copied member by member (each member read once), each Date as its ISO string, and the same
// `meta.values` paths in the same order. Anything else (undefined, a Map, a class, -0, an
// object met twice, a key superjson refuses) is left to superjson itself. Inputs and the
// client's side are superjson's alone. superjson's version is pinned in package.json, since
// this writes its format; test/transformer.test.ts holds the two side by side.
import superjson, { type SuperJSONResult, type SuperJSONValue } from 'superjson';

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

  /** The value as superjson's `json` holds it. */
  value(value: unknown): unknown {
    this.annotations = undefined;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0) ? value : LEAVE_TO_SUPERJSON;
    if (typeof value !== 'object' || this.#seen.has(value)) return LEAVE_TO_SUPERJSON;
    this.#seen.add(value);
    const prototype = Object.getPrototypeOf(value);
    if (prototype === Date.prototype) {
      // superjson tells an invalid Date by its valueOf, and writes it otherwise.
      if (Number.isNaN((value as Date).valueOf())) return LEAVE_TO_SUPERJSON;
      this.annotations = ['Date'];
      return (value as Date).toISOString();
    }
    if ((Array.isArray(value) && prototype === Array.prototype) || prototype === Object.prototype || prototype === null) {
      return this.#members(value as Record<string, unknown>, Array.isArray(value));
    }
    return LEAVE_TO_SUPERJSON;
  }

  /** An array or a plain object, copied as superjson copies it: its own enumerable members, each read once. */
  #members(value: Record<string, unknown>, isArray: boolean) {
    const copy = (isArray ? [] : {}) as Record<string, unknown>;
    let inner: Annotations | undefined;
    for (const [key, member] of Object.entries(value)) {
      if (REFUSED_KEYS.has(key)) return LEAVE_TO_SUPERJSON;
      const written = this.value(member);
      if (written === LEAVE_TO_SUPERJSON) return LEAVE_TO_SUPERJSON;
      copy[key] = written;
      const annotations = this.annotations;
      if (Array.isArray(annotations)) (inner ??= {})[escapeKey(key)] = annotations;
      else if (annotations) for (const path of Object.keys(annotations)) (inner ??= {})[`${escapeKey(key)}.${path}`] = annotations[path]!;
    }
    this.annotations = inner;
    return copy;
  }
}

function serialize(value: unknown): SuperJSONResult {
  const walk = new Walk();
  const json = walk.value(value);
  // A Date at the root is annotated as a list, not by path: superjson's to write.
  if (json === LEAVE_TO_SUPERJSON || Array.isArray(walk.annotations)) return superjson.serialize(value as SuperJSONValue);
  return walk.annotations ? { json: json as SuperJSONResult['json'], meta: { values: walk.annotations, v: 1 } } : { json: json as SuperJSONResult['json'] };
}

export const transformer = {
  input: superjson,
  output: { serialize, deserialize: (value: unknown) => superjson.deserialize(value as SuperJSONResult) },
};

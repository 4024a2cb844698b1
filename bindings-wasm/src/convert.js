// JS value -> JSON text for sifasuo's core, refusing what JSON cannot carry instead of
// silently dropping or nulling it (JSON.stringify turns NaN into null and drops undefined).
// Failures are reported as a JSON Pointer and a short English reason; values are never echoed.
const MAX_DEPTH = 1000; // far above core's limit (128): core reports 129..1000 itself
let failure = null;

function esc(k) {
  return String(k).replace(/~/g, '~0').replace(/\//g, '~1');
}

function kindOf(v) {
  if (v === undefined) return '`undefined`';
  if (typeof v === 'number') return Number.isNaN(v) ? '`NaN`' : 'an infinite number';
  if (typeof v === 'bigint') return 'a BigInt';
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol') return 'a symbol';
  return 'a value that is not JSON';
}

function opaque(v) {
  return v instanceof Map || v instanceof Set || v instanceof WeakMap || v instanceof WeakSet ||
    v instanceof ArrayBuffer || ArrayBuffer.isView(v) || v instanceof Promise;
}

// a path is a linked list of keys, turned into a JSON Pointer only when something fails
function pointer(node) {
  const keys = [];
  for (let n = node; n !== null && keys.length <= 200; n = n.up) keys.push(esc(n.key));
  return keys.length ? '/' + keys.reverse().join('/') : '';
}

function fail(node, reason) {
  failure = [pointer(node), reason];
  return null;
}

/**
 * JSON text of `value`, or null (then `failurePath`/`failureReason` say why). An iterative walk
 * checks every value first (no recursion, so any depth is safe), then `JSON.stringify` writes it.
 */
export function toJsonText(value) {
  failure = null;
  try {
    // stack of [value, node, depth]; node = {up, key} or null for the root
    const stack = [[value, null, 0]];
    while (stack.length) {
      let [v, node, depth] = stack.pop();
      if (v !== null && typeof v === 'object' && typeof v.toJSON === 'function') v = v.toJSON(node ? String(node.key) : '');
      const t = typeof v;
      if (v === null || t === 'string' || t === 'boolean') continue;
      if (t === 'number') {
        if (Number.isFinite(v)) continue;
        return fail(node, kindOf(v) + ' is not a JSON value');
      }
      if (t !== 'object') return fail(node, kindOf(v) + ' is not a JSON value');
      if (depth >= MAX_DEPTH) return fail(null, 'nesting deeper than ' + MAX_DEPTH + ' levels, or a cyclic object');
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) {
          const x = v[i];
          if (x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x))) continue;
          stack.push([x, { up: node, key: i }, depth + 1]);
        }
        continue;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null && opaque(v)) {
        return fail(node, 'a ' + ((v.constructor && v.constructor.name) || 'non-plain') + ' object is not a JSON value');
      }
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) {
        const x = v[keys[i]];
        if (x === null || typeof x === 'string' || typeof x === 'boolean' || (typeof x === 'number' && Number.isFinite(x))) continue;
        stack.push([x, { up: node, key: keys[i] }, depth + 1]);
      }
    }
    const text = JSON.stringify(value);
    if (typeof text !== 'string') return fail(null, 'not a JSON value');
    return text;
  } catch (e) {
    const msg = e instanceof RangeError ? 'nesting too deep or value too large'
      : /circular/i.test(String(e && e.message)) ? 'a cyclic object is not JSON'
      : 'the value cannot be converted to JSON';
    return fail(null, msg);
  }
}

export function failurePath() { return failure ? failure[0] : ''; }
export function failureReason() { return failure ? failure[1] : ''; }

// JSON text from Rust arrives as UTF-8 bytes (a view of wasm memory, valid only during the call)
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
export function fromJsonBytes(bytes) { return JSON.parse(utf8.decode(bytes)); }

export function newArray() { return []; }
/** Appends the value of the JSON text `bytes` to `array`. */
export function pushJsonBytes(array, bytes) { array.push(JSON.parse(utf8.decode(bytes))); }

/** `options.params`, checking that `options` is undefined, null or `{params?}`. */
export function paramsOption(options, fn) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(fn + ': options must be an object like {params: {...}}');
  }
  for (const k of Object.keys(options)) {
    if (k !== 'params') throw new TypeError(fn + ': unknown option `' + String(k).slice(0, 40) + '` (known: params)');
  }
  return options.params === null ? undefined : options.params;
}

export function isArray(v) { return Array.isArray(v); }
export function arrayLength(v) { return v.length; }
export function arrayGet(v, i) { return v[i]; }

/** A thrown error: `name`, `message`, and `issues` (parsed from JSON text). */
export function makeError(name, message, issuesJson) {
  const e = name === 'TypeError' ? new TypeError(message) : new Error(message);
  if (name !== 'TypeError') e.name = name;
  if (issuesJson) e.issues = JSON.parse(issuesJson);
  return e;
}

// fromCsv's options: {name?: string, units?: string}; anything else is misuse.
export function csvOption(options, key) {
  if (options === undefined || options === null) return undefined;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('fromCsv: options must be an object like {units: "…csv text…"}');
  }
  for (const k of Object.keys(options)) {
    if (k !== 'name' && k !== 'units') {
      throw new TypeError('fromCsv: unknown option `' + String(k).slice(0, 40) + '` (known: name, units)');
    }
  }
  const v = options[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new TypeError('fromCsv: options.' + key + ' must be a string');
  return v;
}

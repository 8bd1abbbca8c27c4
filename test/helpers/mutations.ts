// Malformed variants of a valid request body, field by field, for the "every route refuses bad input" tests.
import { base64UrlLength, limits } from '../../shared/api/limits.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Mutation {
  name: string;
  payload: unknown;
  /** The field the error message must name, when one field is wrong. */
  field?: string;
}

type Spec =
  | { kind: 'bytes'; min: number; max: number }
  | { kind: 'int'; min: number; max?: number }
  | { kind: 'enum' }
  | { kind: 'text'; max: number };

const exact = (n: number): Spec => ({ kind: 'bytes', min: n, max: n });

/** What each field name means, as the API schemas in shared/api define it. */
const SPECS: Record<string, Spec> = {
  salt: exact(limits.saltBytes),
  loginPublicKey: exact(limits.publicKeyBytes),
  recoveryPublicKey: exact(limits.publicKeyBytes),
  signPublicKey: exact(limits.publicKeyBytes),
  boxPublicKey: exact(limits.publicKeyBytes),
  signature: exact(limits.signatureBytes),
  challengeId: exact(limits.idBytes),
  mapId: exact(limits.idBytes),
  capabilityHash: exact(limits.capabilityHashBytes),
  wrappedAccountKey: {
    kind: 'bytes',
    min: limits.wrappedKeyMinBytes,
    max: limits.wrappedKeyMaxBytes,
  },
  recoveryWrappedAccountKey: {
    kind: 'bytes',
    min: limits.wrappedKeyMinBytes,
    max: limits.wrappedKeyMaxBytes,
  },
  keyring: { kind: 'bytes', min: limits.keyringMinBytes, max: limits.keyringMaxBytes },
  keyBundle: { kind: 'bytes', min: limits.keyBundleMinBytes, max: limits.keyBundleMaxBytes },
  body: { kind: 'bytes', min: limits.mapBodyMinBytes, max: limits.mapBodyMaxBytes },
  opsLimit: { kind: 'int', min: limits.opsLimitMin, max: limits.opsLimitMax },
  memLimit: { kind: 'int', min: limits.memLimitMin, max: limits.memLimitMax },
  baseRevision: { kind: 'int', min: 1 },
  baseVersion: { kind: 'int', min: 1 },
  method: { kind: 'enum' },
  username: { kind: 'text', max: 256 },
};

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function bytesText(n: number): string {
  return 'A'.repeat(base64UrlLength(n));
}

/** Every malformed variant of `valid` we can think of; each must be refused with 400. */
export function mutations(valid: Record<string, Json>): Mutation[] {
  const out: Mutation[] = [
    { name: 'extra top-level field', payload: { ...valid, extra: 1 }, field: 'extra' },
    { name: 'array instead of object', payload: [valid] },
    { name: 'string instead of object', payload: '"hello"' },
    { name: 'null', payload: 'null' },
    { name: 'empty object', payload: {} },
  ];
  walk(valid, [], (path, value) => {
    const p = path.join('.');
    const key = path[path.length - 1] ?? '';
    const field = key;
    const push = (name: string, payload: Json) => out.push({ name, payload, field });
    const at = (replacement: Json) => replaceAt(valid, path, replacement);
    push(`missing ${p}`, replaceAt(valid, path, undefined));
    push(`${p} as null`, at(null));
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      push(`${p} as string`, at('x'));
      out.push({
        name: `${p} with extra field`,
        payload: at({ ...value, extra: true }),
        field: 'extra',
      });
      return;
    }
    const spec = SPECS[key];
    if (!spec) throw new Error(`no spec for field ${p}`);
    switch (spec.kind) {
      case 'bytes': {
        const text = String(value);
        push(`${p} as number`, at(42));
        push(`${p} as array`, at([text]));
        push(`${p} with invalid characters`, at(`*${text.slice(1)}`));
        push(`${p} as standard base64`, at(`+/${text.slice(2)}`));
        push(`${p} with padding`, at(`${text.slice(0, -1)}=`));
        if (spec.min > 1) push(`${p} too few bytes`, at(bytesText(spec.min - 1)));
        push(`${p} too many bytes`, at(bytesText(spec.max + 1)));
        if (text.length % 4 !== 0) {
          const last = ALPHABET.indexOf(text.charAt(text.length - 1));
          const noisy = ALPHABET.charAt(last | 1);
          push(`${p} non-canonical ending`, at(`${text.slice(0, -1)}${noisy}`));
        }
        if (text.length % 4 === 0) {
          push(`${p} impossible length`, at(`${text}A`));
        }
        break;
      }
      case 'int':
        push(`${p} as string`, at(String(value)));
        push(`${p} fractional`, at(Number(value) + 0.5));
        push(`${p} below minimum`, at(spec.min - 1));
        if (spec.max !== undefined) push(`${p} above maximum`, at(spec.max + 1));
        push(`${p} huge`, at(1e300));
        break;
      case 'enum':
        push(`${p} unknown value`, at('password'));
        push(`${p} as number`, at(1));
        break;
      case 'text':
        push(`${p} empty`, at(''));
        push(`${p} too long`, at('a'.repeat(spec.max + 1)));
        push(`${p} as number`, at(7));
        push(`${p} as object`, at({ name: 'x' }));
        break;
    }
  });
  return out;
}

function walk(value: Json, path: string[], visit: (path: string[], value: Json) => void): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  for (const [key, child] of Object.entries(value)) {
    visit([...path, key], child);
    walk(child, [...path, key], visit);
  }
}

function replaceAt(root: Json, path: string[], replacement: Json | undefined): Json {
  const [head, ...rest] = path;
  if (head === undefined) return replacement ?? null;
  const object = { ...(root as Record<string, Json>) };
  if (rest.length === 0 && replacement === undefined) delete object[head];
  else object[head] = replaceAt(object[head] ?? null, rest, replacement);
  return object;
}

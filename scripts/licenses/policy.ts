// Which dependency licences may ship with EUPL-1.2 code, and an SPDX expression check against that list.

/**
 * Permissive and weak-copyleft licences: their code can be combined with EUPL-1.2 code and the
 * whole distributed under the EUPL. GPL and AGPL are left out on purpose: the EUPL appendix lets
 * a combination move to them, which would take the product off the EUPL.
 */
export const COMPATIBLE = new Set([
  '0BSD',
  'Apache-2.0',
  'BlueOak-1.0.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC-BY-4.0',
  'CC0-1.0',
  'EUPL-1.1',
  'EUPL-1.2',
  'ISC',
  'LGPL-2.1-only',
  'LGPL-2.1-or-later',
  'LGPL-3.0-only',
  'LGPL-3.0-or-later',
  'MIT',
  'MIT-0',
  'MPL-2.0',
  'Python-2.0',
  'Unlicense',
  'WTFPL',
  'Zlib',
]);

/** True when the SPDX expression can be met with compatible licences (OR: one side, AND: both). */
export function isCompatible(expression: string | undefined): boolean {
  if (!expression) return false;
  const tokens = expression
    .replace(/[()]/g, (p) => ` ${p} `)
    .trim()
    .split(/\s+/);
  let at = 0;
  const term = (): boolean => {
    const token = tokens[at++];
    if (token === '(') {
      const value = or();
      at++; // ')'
      return value;
    }
    // an exception (`WITH …`) only ever widens what the base licence allows
    if (tokens[at] === 'WITH') at += 2;
    return token !== undefined && COMPATIBLE.has(token.replace(/\+$/, ''));
  };
  const and = (): boolean => {
    let value = term();
    while (tokens[at] === 'AND') {
      at++;
      value = term() && value;
    }
    return value;
  };
  const or = (): boolean => {
    let value = and();
    while (tokens[at] === 'OR') {
      at++;
      value = and() || value;
    }
    return value;
  };
  const value = or();
  return at === tokens.length && value;
}

export interface Dependency {
  name: string;
  version: string;
  license: string | undefined;
}

interface LockPackage {
  version?: string;
  license?: string;
  dev?: boolean;
  link?: boolean;
}

/** Every production package in a lockfile (v2/v3): what `npm ci --omit=dev` installs. */
export function productionDependencies(lock: {
  packages: Record<string, LockPackage>;
}): Dependency[] {
  const seen = new Map<string, Dependency>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.link) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const version = entry.version ?? '?';
    seen.set(`${name}@${version}`, { name, version, license: entry.license });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

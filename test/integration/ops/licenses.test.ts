import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isCompatible, productionDependencies } from '../../../scripts/licenses/policy.js';

const run = promisify(execFile);

describe('licences', () => {
  it('reads SPDX expressions: OR needs one compatible side, AND needs both', () => {
    expect(isCompatible('MIT')).toBe(true);
    expect(isCompatible('(MIT OR WTFPL)')).toBe(true);
    expect(isCompatible('(BSD-2-Clause OR MIT OR Apache-2.0)')).toBe(true);
    expect(isCompatible('GPL-3.0-only OR MIT')).toBe(true);
    expect(isCompatible('MIT AND GPL-3.0-only')).toBe(false);
    expect(isCompatible('Apache-2.0 WITH LLVM-exception')).toBe(true);
    expect(isCompatible('AGPL-3.0-or-later')).toBe(false);
    expect(isCompatible('SSPL-1.0')).toBe(false);
    expect(isCompatible('UNLICENSED')).toBe(false);
    expect(isCompatible(undefined)).toBe(false);
  });

  it('counts production packages only, not dev tools', () => {
    const deps = productionDependencies({
      packages: {
        '': { version: '1.0.0' },
        'node_modules/a': { version: '1.0.0', license: 'MIT' },
        'node_modules/a/node_modules/b': { version: '2.0.0', license: 'ISC' },
        'node_modules/vite': { version: '8.0.0', license: 'MIT', dev: true },
      },
    });
    expect(deps.map((d) => `${d.name}@${d.version}`)).toEqual(['a@1.0.0', 'b@2.0.0']);
  });

  it('npm run licenses lists every production dependency and finds no conflict', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/licenses.ts']);
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
    for (const name of ['fastify', 'better-sqlite3', 'pg', 'lit', 'libsodium-wrappers-sumo']) {
      expect(stdout).toMatch(new RegExp(`^  ${name}@\\S+\\s+\\S`, 'm'));
    }
    expect(stdout).toContain(`${productionDependencies(lock).length} production dependencies`);
    expect(stdout).toContain('this project: EUPL-1.2');
    expect(stdout).toContain('every licence is compatible with EUPL-1.2');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^\s*EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('shared/export runs on the device (browser, Web Worker)', () => {
  it('imports no Node built-ins and uses no Buffer or process', () => {
    const dir = join(import.meta.dirname, '../../../shared/export');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/from '(node:|fs|path|crypto|buffer)/);
      expect(text, file).not.toMatch(/\b(Buffer|process|require)\b[.(]/);
    }
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';

const root = join(import.meta.dirname, '../../../shared');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) =>
    item.isDirectory()
      ? sourceFiles(join(dir, item.name))
      : item.name.endsWith('.ts')
        ? [join(dir, item.name)]
        : [],
  );
}

describe('shared/ runs in browsers and Web Workers', () => {
  it('imports no Node built-ins and uses no Buffer or process', () => {
    const files = ['crypto', 'map'].flatMap((folder) => sourceFiles(join(root, folder)));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/from '(node:|fs|path|crypto|buffer)/);
      expect(text, file).not.toMatch(/\b(Buffer|process|require)\b[.(]/);
    }
  });
});

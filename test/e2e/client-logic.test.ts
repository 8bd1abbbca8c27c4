// Pure client logic that the browser tests rely on: per-entry merge, translation completeness, strength words.
// (Node-only; kept beside the browser tests because client/ and test/e2e/ are the client's folders.)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../client/app/passphrase-strength.js';
import { mergeDocuments } from '../../client/map/merge.js';
import type { BaseEntry, MapDocument } from '../../shared/map/types.js';

function entry(id: string, label: string, ring: 1 | 2 | 3 = 1): BaseEntry {
  return {
    id: id.padEnd(22, 'A'),
    label,
    category: 'family',
    ring,
    support: [],
    supportNote: '',
    phases: [],
    active: true,
    trusted: false,
  };
}

function doc(entries: BaseEntry[], title = 'Kaart', wishes = ''): MapDocument {
  return {
    base: { v: 1, title, centre: { parents: [], children: [] }, entries },
    detail: { v: 1, entries: {} },
    private: { v: 1, wishes },
  };
}

const labels = (document: MapDocument): string[] =>
  document.base.entries.map((item) => item.label).sort();

describe('mergeDocuments (three-way, per entry)', () => {
  const a = entry('a', 'A');
  const b = entry('b', 'B');

  it('keeps additions from both sides', () => {
    const merged = mergeDocuments(doc([a]), doc([a, b]), doc([a, entry('c', 'C')]));
    expect(labels(merged)).toEqual(['A', 'B', 'C']);
  });

  it('takes each side’s change to different entries', () => {
    const merged = mergeDocuments(
      doc([a, b]),
      doc([{ ...a, ring: 2 }, b]),
      doc([a, { ...b, label: 'B2' }]),
    );
    expect(merged.base.entries).toEqual([
      { ...a, ring: 2 },
      { ...b, label: 'B2' },
    ]);
  });

  it('lets mine win when both changed the same entry', () => {
    const merged = mergeDocuments(
      doc([a]),
      doc([{ ...a, label: 'mine' }]),
      doc([{ ...a, label: 'theirs' }]),
    );
    expect(labels(merged)).toEqual(['mine']);
  });

  it('removes an entry one side removed, unless the other side changed it', () => {
    expect(labels(mergeDocuments(doc([a, b]), doc([a]), doc([a, b])))).toEqual(['A']);
    expect(labels(mergeDocuments(doc([a, b]), doc([a]), doc([a, { ...b, ring: 3 }])))).toEqual([
      'A',
      'B',
    ]);
    expect(labels(mergeDocuments(doc([a, b]), doc([a, { ...b, ring: 3 }]), doc([a])))).toEqual([
      'A',
      'B',
    ]);
  });

  it('merges title and wishes field by field, and drops details of removed entries', () => {
    const base = doc([a, b], 'Oud', 'oud');
    const mine = doc([a], 'Oud', 'mijn wens');
    const theirs: MapDocument = {
      ...doc([a, b], 'Nieuw', 'oud'),
      detail: { v: 1, entries: { [b.id]: { name: 'Bea' } } },
    };
    const merged = mergeDocuments(base, mine, theirs);
    expect(merged.base.title).toBe('Nieuw');
    expect(merged.private?.wishes).toBe('mijn wens');
    // They only added a detail to B, which counts as no change to B's base entry: my removal stands.
    expect(labels(merged)).toEqual(['A']);
    expect(merged.detail?.entries).toEqual({});
  });
});

describe('passphrase strength', () => {
  it('explains in plain steps', () => {
    expect(passphraseStrength('').reason).toBe('empty');
    expect(passphraseStrength('kort').reason).toBe('too-short');
    expect(passphraseStrength('wachtwoord123').reason).toBe('common');
    expect(passphraseStrength('aaaaaaaaaaaaaa').reason).toBe('repetitive');
    expect(passphraseStrength('mijnsterkezin').reason).toBe('fair');
    expect(passphraseStrength('groene fiets onder de appelboom').reason).toBe('strong');
    expect(passphraseStrength('zeynep-2024-geheim', 'zeynep').reason).toBe('common');
  });
});

describe('translations', () => {
  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'locales' ? [] : sources(path);
      return path.endsWith('.ts') ? [path] : [];
    });
  }

  /** id → number of expressions, for every msg() call in the Dutch source. */
  function sourceMessages(): Map<string, number> {
    const messages = new Map<string, number>();
    for (const file of sources('client')) {
      const source = ts.createSourceFile(
        file,
        readFileSync(file, 'utf8'),
        ts.ScriptTarget.ES2022,
        true,
      );
      const visit = (node: ts.Node): void => {
        if (
          ts.isCallExpression(node) &&
          ts.isIdentifier(node.expression) &&
          node.expression.text === 'msg'
        ) {
          const [template, options] = node.arguments;
          let id: string | undefined;
          if (options !== undefined && ts.isObjectLiteralExpression(options)) {
            for (const property of options.properties) {
              if (
                ts.isPropertyAssignment(property) &&
                property.name.getText(source) === 'id' &&
                ts.isStringLiteral(property.initializer)
              ) {
                id = property.initializer.text;
              }
            }
          }
          expect(
            id,
            `msg() without a stable id in ${file}: ${node.getText(source).slice(0, 60)}`,
          ).toBeDefined();
          const expressions =
            template !== undefined &&
            ts.isTaggedTemplateExpression(template) &&
            ts.isTemplateExpression(template.template)
              ? template.template.templateSpans.length
              : 0;
          if (id !== undefined) {
            expect(messages.get(id) ?? expressions, `id ${id} used for different messages`).toBe(
              expressions,
            );
            messages.set(id, expressions);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    return messages;
  }

  /** id → placeholder numbers used, from the hand-written English module. */
  function englishTemplates(): Map<string, number[]> {
    const file = join('client', 'locales', 'en.ts');
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.ES2022,
      true,
    );
    const templates = new Map<string, number[]>();
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name)) {
        const value = node.initializer;
        const placeholders =
          ts.isTaggedTemplateExpression(value) && ts.isTemplateExpression(value.template)
            ? value.template.templateSpans.map((span) => Number(span.expression.getText(source)))
            : [];
        templates.set(node.name.text, placeholders);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return templates;
  }

  it('has an English text for every Dutch message, with the same placeholders', () => {
    const dutch = sourceMessages();
    const english = englishTemplates();
    expect(dutch.size).toBeGreaterThan(100);
    expect(
      [...dutch.keys()].filter((id) => !english.has(id)),
      'missing in en.ts',
    ).toEqual([]);
    expect(
      [...english.keys()].filter((id) => !dutch.has(id)),
      'unused in en.ts',
    ).toEqual([]);
    for (const [id, count] of dutch) {
      const used = [...(english.get(id) ?? [])].sort();
      expect(used, id).toEqual(Array.from({ length: count }, (_, i) => i));
    }
  });

  it('never uses the words the parent must not see', () => {
    const banned = /kwetsba|risico|multiprobleem|doelgroep|vulnerab|at[- ]risk|target group/i;
    for (const file of [...sources('client'), join('client', 'locales', 'en.ts')]) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(banned);
    }
  });
});

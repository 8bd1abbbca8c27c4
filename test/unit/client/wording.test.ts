// The words a parent sees: every Dutch message has a translation in every language file, with the
// same placeholders, and no text anywhere uses a labelling word (docs/domain.md, "Wording").
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LOCALES_DIR = join('client', 'locales');

/** Labelling words, never shown to a parent, in any language we ship. */
const BANNED_DUTCH = /kwetsba|risico|multiprobleem|doelgroep|probleemgezin/i;
const BANNED_OTHER =
  /vulnerab|at[- ]risk|target group|problem famil|multi-problem|هشاش|مستضعف|خطر|الفئة المستهدفة/i;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

interface DutchMessage {
  /** Number of ${} expressions. */
  readonly expressions: number;
  /** The Dutch text, expressions left out. */
  readonly text: string;
  readonly file: string;
}

/** id → message, for every msg() call in the client's source (Dutch is the source language). */
function dutchMessages(): Map<string, DutchMessage> {
  const messages = new Map<string, DutchMessage>();
  for (const file of sources('client')) {
    const source = parse(file);
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
        let expressions = 0;
        let text = '';
        if (template !== undefined && ts.isStringLiteral(template)) text = template.text;
        if (template !== undefined && ts.isTaggedTemplateExpression(template)) {
          const literal = template.template;
          if (ts.isTemplateExpression(literal)) {
            expressions = literal.templateSpans.length;
            text = [
              literal.head.text,
              ...literal.templateSpans.map((span) => span.literal.text),
            ].join(' ');
          } else {
            text = literal.text;
          }
        }
        if (id !== undefined) {
          const known = messages.get(id);
          if (known !== undefined) {
            expect(known.expressions, `id ${id} used for different messages`).toBe(expressions);
            expect(known.text, `id ${id} used for different messages`).toBe(text);
          }
          messages.set(id, { expressions, text, file });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return messages;
}

/** id → placeholder numbers used, from one hand-written translation module. */
function translations(file: string): Map<string, number[]> {
  const source = parse(file);
  const templates = new Map<string, number[]>();
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name)) {
      const value = node.initializer;
      const placeholders =
        ts.isTaggedTemplateExpression(value) && ts.isTemplateExpression(value.template)
          ? value.template.templateSpans.map((span) => Number(span.expression.getText(source)))
          : [];
      expect(templates.has(node.name.text), `${file}: ${node.name.text} twice`).toBe(false);
      templates.set(node.name.text, placeholders);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // Translations split into feature modules (locales/<feature>/<code>.ts) are merged with a spread.
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier))
      continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('./') || !specifier.endsWith('.js')) continue;
    const imported = join(dirname(file), specifier.replace(/\.js$/, '.ts'));
    for (const [id, placeholders] of translations(imported)) {
      expect(templates.has(id), `${file}: ${id} twice`).toBe(false);
      templates.set(id, placeholders);
    }
  }
  return templates;
}

const localeFiles = readdirSync(LOCALES_DIR)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => join(LOCALES_DIR, name));

describe('translations', () => {
  it('ships English and Arabic, each registered with one line in localization.ts', () => {
    const codes = localeFiles.map((file) => basename(file, '.ts')).sort();
    expect(codes).toEqual(expect.arrayContaining(['ar', 'en']));
    const registry = readFileSync(join('client', 'localization.ts'), 'utf8');
    for (const code of codes) {
      expect(registry, `localization.ts registers ${code}`).toContain(
        `import('./locales/${code}.js')`,
      );
    }
    const registered = [...registry.matchAll(/import\('\.\/locales\/([a-z-]+)\.js'\)/g)].map(
      (match) => match[1],
    );
    expect(registered.sort()).toEqual(codes);
  });

  it.each(localeFiles)(
    '%s has a text for every Dutch message, with the same placeholders',
    (file) => {
      const dutch = dutchMessages();
      const translated = translations(file);
      expect(dutch.size).toBeGreaterThan(200);
      expect(
        [...dutch.keys()].filter((id) => !translated.has(id)),
        `missing in ${file}`,
      ).toEqual([]);
      expect(
        [...translated.keys()].filter((id) => !dutch.has(id)),
        `unused in ${file}`,
      ).toEqual([]);
      for (const [id, message] of dutch) {
        const used = [...(translated.get(id) ?? [])].sort();
        expect(used, `${file}: ${id}`).toEqual(
          Array.from({ length: message.expressions }, (_, i) => i),
        );
      }
    },
  );
});

describe('wording', () => {
  it('has no labelling word in any Dutch message', () => {
    const offending = [...dutchMessages()]
      .filter(([, message]) => BANNED_DUTCH.test(message.text))
      .map(([id, message]) => `${id} (${message.file}): ${message.text}`);
    expect(offending).toEqual([]);
  });

  it('catches such a word when one slips in', () => {
    for (const text of [
      'Risicogezin',
      'een kwetsbare ouder',
      'Multiprobleemgezin',
      'onze doelgroep',
      'probleemgezinnen',
    ]) {
      expect(BANNED_DUTCH.test(text), text).toBe(true);
    }
    expect(BANNED_DUTCH.test('Wie helpt jou? Wat gaat goed?')).toBe(false);
  });

  it('has none of these words anywhere in the client or its translations', () => {
    for (const file of [...sources('client'), ...localeFiles]) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(BANNED_DUTCH);
      expect(text, file).not.toMatch(BANNED_OTHER);
    }
  });
});

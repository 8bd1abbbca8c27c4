import { nothing, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';

/** Heading levels a part may be rendered at, depending on where it sits on the page. */
export type HeadingLevel = 2 | 3 | 4 | 5;

const TAGS = {
  2: unsafeStatic('h2'),
  3: unsafeStatic('h3'),
  4: unsafeStatic('h4'),
  5: unsafeStatic('h5'),
} as const;

/** A heading of `level` with the given class, id and content; `focusable` lets script focus it. */
export function heading(
  level: HeadingLevel,
  content: unknown,
  options: { className?: string; id?: string; focusable?: boolean; auto?: boolean } = {},
): TemplateResult {
  const tag = TAGS[level];
  // `auto`: text a parent typed takes its own direction (a Dutch name on an Arabic page).
  return staticHtml`<${tag} class=${options.className ?? nothing} id=${options.id ?? nothing} dir=${options.auto ? 'auto' : nothing} tabindex=${options.focusable ? '-1' : nothing}>${content}</${tag}>`;
}

/**
 * Markdown (.md): the text reader with Markdown's ATX headings and GFM pipe tables read (markdown-hints.ts);
 * everything else is read as text, so Markdown syntax never eats report text.
 */
import type { InputKindModule } from './kind.js';
import { parseStructure } from './text.js';

export const markdownKind: InputKindModule = {
  id: 'markdown',
  noun: '文件',
  extensions: ['.md', '.markdown'],
  mime: 'text/markdown',
  plain: true,
  read: (text, rec, opts) => ({
    skeleton: parseStructure(text, rec, { markdown: opts.markdown ?? true }),
    input: { kind: 'markdown', place: () => undefined, canEdit: () => true },
  }),
};

import { bundledLanguages, createHighlighter, type Highlighter } from 'shiki';

/** Light and dark themes; the CSS picks one from Starlight's `data-theme`. */
export const codeThemes = { light: 'github-light', dark: 'github-dark' } as const;

/** A Shiki instance with our themes; languages load on first use (the render context keeps one per build). */
export function createCodeHighlighter(): Promise<Highlighter> {
  return createHighlighter({ themes: [codeThemes.light, codeThemes.dark], langs: ['bash'] });
}

/** A language Shiki knows (loading it if needed), or `text` for plain rendering. */
export async function ensureLanguage(highlighter: Highlighter, lang: string): Promise<string> {
  if (!lang || lang === 'text' || lang === 'plain' || lang === 'plaintext' || lang === 'none') return 'text';
  if (highlighter.getLoadedLanguages().includes(lang)) return lang;
  if (lang in bundledLanguages) {
    await highlighter.loadLanguage(lang as keyof typeof bundledLanguages);
    return lang;
  }
  return 'text';
}

import { bundledLanguages, createHighlighter, type Highlighter } from 'shiki';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';

/** Light and dark themes; the CSS picks one from Starlight's `data-theme`. */
export const codeThemes = { light: 'github-light', dark: 'github-dark' } as const;

/**
 * A Shiki instance with our themes; languages load on first use, from the whole bundle, so a tree
 * using a language no other uses still gets it highlighted. Shiki's JavaScript regex engine, not
 * Oniguruma: the same HTML for every block of content/ and istio.io's site (scripts/bench/highlight.ts,
 * tests/site/highlight-golden.test.ts), less CPU per block, and no WebAssembly to compile at start
 * (docs/performance.md). The render context keeps one per build. `forgiving`: a grammar with a
 * pattern the engine cannot run (none of the site's) loses that pattern instead of failing the build.
 */
export function createCodeHighlighter(): Promise<Highlighter> {
  return createHighlighter({ themes: [codeThemes.light, codeThemes.dark], langs: ['bash'], engine: createJavaScriptRegexEngine({ forgiving: true }) });
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

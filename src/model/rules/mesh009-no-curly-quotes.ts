import { styleRule, type RuleFinding } from './types.ts';

const curly: Record<string, string> = { '\u201C': '"', '\u201D': '"', '\u2018': "'", '\u2019': "'" };

/**
 * Straight quotes only (istio.io checks “). Curly quotes come from word processors; in a command
 * they break the shell, in prose they make search and copy inconsistent. Fixable.
 */
export const noCurlyQuotesRule = styleRule('MESH009', 'no-curly-quotes', {
  description: 'Use straight quotes (" and \'), not curly quotes',
  tags: ['text'],
  check(page) {
    const findings: RuleFinding[] = [];
    page.source.split('\n').forEach((text, i) => {
      for (const m of text.matchAll(/[\u201C\u201D\u2018\u2019]/g)) {
        const straight = curly[m[0]]!;
        findings.push({
          code: 'no-curly-quotes',
          line: i + 1,
          column: m.index + 1,
          message: `curly quote ${m[0]}: use ${straight}`,
          fix: { line: i + 1, column: m.index + 1, deleteCount: 1, insertText: straight },
        });
      }
    });
    return findings;
  },
});

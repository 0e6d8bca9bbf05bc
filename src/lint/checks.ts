/** The checks `npm run lint` runs (a light module: the CLI parses its flags before loading the checks). */
export type CheckName = 'markdown' | 'spelling' | 'scripts' | 'links';
export const allChecks: readonly CheckName[] = ['markdown', 'spelling', 'scripts', 'links'];

/**
 * Entry of the bundle `markdownlint-rules.mjs` that `.markdownlint-cli2.jsonc` names in `customRules`:
 * the editor extension runs plain Node and cannot load TypeScript. Rebuild with
 * `npm run lint -- --write-bundle`; tests/lint/bundle.test.ts fails when it is stale.
 */
import { toMarkdownlintRules } from './markdownlint-adapter.ts';
import { pageRules } from './rules/index.ts';

export default toMarkdownlintRules(pageRules);

import { unknownVersionNames } from '../versions.ts';
import { defineRule, everywhere } from './types.ts';

/** `%%name%%` must name a value of data/args.yml: in prose and code alike (the site substitutes both, snips the code). */
export const knownVersionsRule = defineRule('MESH008', 'known-versions', {
  description: 'A %%version%% placeholder must name a value of data/args.yml',
  tags: ['versions'],
  codes: { 'unknown-version': everywhere },
  check(page, { versions }) {
    return page.source.split('\n').flatMap((text, i) =>
      unknownVersionNames(text, versions).map((name) => ({
        code: 'unknown-version',
        line: i + 1,
        message: `unknown version value "%%${name}%%" (data/args.yml has ${Object.keys(versions).join(', ')})`,
      })),
    );
  },
});

import { defineRule, everywhere } from './types.ts';

/** `::boilerplate{name="x"}` needs content/en/boilerplates/x.md: the site, snips and lint check it here only. */
export const boilerplateExistsRule = defineRule('MESH006', 'boilerplate-exists', {
  description: 'An included boilerplate must exist',
  tags: ['directives'],
  codes: { 'unknown-boilerplate': everywhere },
  check(page, context) {
    return page.directives
      .filter((d) => d.type === 'leafDirective' && d.name === 'boilerplate')
      .flatMap((d) => {
        const name = d.attributes.name;
        if (!name) return [{ code: 'unknown-boilerplate', line: d.line, message: 'boilerplate needs a name: ::boilerplate{name="…"}' }];
        if (context.hasBoilerplate(name)) return [];
        return [{ code: 'unknown-boilerplate', line: d.line, message: `no boilerplate "${name}" (content/en/boilerplates/${name}.md)` }];
      });
  },
});

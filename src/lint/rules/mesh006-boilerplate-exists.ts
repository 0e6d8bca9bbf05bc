import { fromModel, type PageRule } from './types.ts';

/** `::boilerplate{name="x"}` needs content/en/boilerplates/x.md. */
export const boilerplateExistsRule: PageRule = {
  names: ['MESH006', 'boilerplate-exists'],
  description: 'An included boilerplate must exist',
  tags: ['directives'],
  check(_page, context) {
    return fromModel(context, 'unknown-boilerplate');
  },
};

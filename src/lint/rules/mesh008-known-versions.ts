import { fromModel, type PageRule } from './types.ts';

/** `%%name%%` must name a value of data/args.yml. */
export const knownVersionsRule: PageRule = {
  names: ['MESH008', 'known-versions'],
  description: 'A %%version%% placeholder must name a value of data/args.yml',
  tags: ['versions'],
  check(_page, context) {
    return fromModel(context, 'unknown-version');
  },
};

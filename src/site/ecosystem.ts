import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

export const ecosystemKinds = {
  provider: 'Providers',
  'professional-services': 'Professional services',
  integration: 'Integrations',
} as const;

/** One company of `data/ecosystem.yml`: adding a company is a one-entry change to that file. */
export const companySchema = z.object({
  name: z.string().min(1),
  link: z.string().url(),
  kind: z.enum(Object.keys(ecosystemKinds) as [keyof typeof ecosystemKinds, ...(keyof typeof ecosystemKinds)[]]),
  logo: z.string().min(1),
});
export type Company = z.infer<typeof companySchema>;

export function loadEcosystem(dataDir: string): Company[] {
  const file = join(dataDir, 'ecosystem.yml');
  if (!existsSync(file)) return [];
  const result = z.array(companySchema).safeParse(parse(readFileSync(file, 'utf8')) ?? []);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new Error(`${file}: entry ${issue.path.join('.')}: ${issue.message}`);
  }
  return [...result.data].sort((a, b) => a.name.localeCompare(b.name));
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../config/paths.ts';
import { ContentError, diagnostic } from '../model/diagnostic.ts';
import { issueMessage } from '../model/schema-issue.ts';
import { parseDuration } from './duration.ts';

const duration = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const ms = parseDuration(String(v));
    if (ms === undefined) ctx.addIssue({ code: 'custom', input: v, message: `bad duration '${v}' (e.g. 90s, 5m)` });
    return ms ?? 0;
  });

const setupSchema = z
  .object({
    description: z.string().default(''),
    /** Needs a Kubernetes cluster. */
    cluster: z.boolean().default(true),
    /** Number of clusters (multicluster setups). */
    clusters: z.number().int().min(1).default(1),
    /** `dual` or `ipv6` makes the kind provider create a cluster of that IP family. */
    ipFamily: z.enum(['ipv4', 'ipv6', 'dual']).default('ipv4'),
    /** Shell commands installing the mesh, run once per group with the cluster's KUBECONFIG. */
    install: z.array(z.string()).default([]),
    /** Declared but only run in CI (`CI` set, e.g. `CI=true` or `CI=1`): the tests are reported as skipped elsewhere. */
    ciOnly: z.boolean().default(false),
    timeout: duration.optional(),
  })
  .strict();

// `.prefault()`, not `.default()`: a Zod 4 default is the parsed value as it stands, while these
// defaults ('30m', `{}`) must go through the schema (durations parsed, nested defaults filled in).
const configSchema = z
  .object({
    defaults: z
      .object({ timeout: duration.prefault('30m'), cleanupTimeout: duration.prefault('10m'), leakRetry: duration.prefault('2m') })
      .strict()
      .prefault({}),
    tools: z.record(z.string(), z.string()).default({}),
    kind: z
      .object({
        /** The kind release CI installs (the node image must be one built for that release). */
        version: z.string().default(''),
        image: z.string().default(''),
        wait: duration.prefault('5m'),
      })
      .strict()
      .prefault({}),
    mesh: z
      .object({
        cli: z.string().default('istioctl'),
        namespace: z.string().default('istio-system'),
        dump: z.array(z.string()).default([]),
        /** The release archive CI downloads: its version (= data/args.yml full_version) and sha256. */
        download: z.object({ version: z.string(), sha256: z.string() }).strict().optional(),
      })
      .strict()
      .prefault({}),
    setups: z.record(z.string(), setupSchema),
  })
  .strict();

export type Setup = z.infer<typeof setupSchema> & { name: string };
export type SetupsConfig = Omit<z.infer<typeof configSchema>, 'setups'> & { file: string; setups: Map<string, Setup> };

/** `<docs root>/config/setups.yml`, else the project's own. */
export function findSetupsFile(docsRoot: string): string {
  const own = join(docsRoot, 'config', 'setups.yml');
  return existsSync(own) ? own : join(projectRoot, 'config', 'setups.yml');
}

/** Reads and validates a setups file; errors name the file and line. */
export function loadSetups(file: string): SetupsConfig {
  const source = readFileSync(file, 'utf8');
  const doc = parseDocument(source);
  if (doc.errors.length > 0) {
    throw new ContentError(
      doc.errors.map((e) => diagnostic(file, e.linePos?.[0]?.line ?? 0, 'setups-yaml', e.message)),
      'Invalid setups file',
    );
  }
  const data: unknown = doc.toJS();
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    throw new ContentError(
      parsed.error.issues.map((i) => {
        const node = doc.getIn(i.path, true) as { range?: [number] } | undefined;
        const line = node?.range ? lineOf(source, node.range[0]) : 0;
        return diagnostic(file, line, 'setups-schema', `${i.path.map(String).join('.')}: ${issueMessage(i, data)}`);
      }),
      'Invalid setups file',
    );
  }
  const setups = new Map<string, Setup>();
  for (const [name, s] of Object.entries(parsed.data.setups)) setups.set(name, { ...s, name });
  return { ...parsed.data, file, setups };
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

/** The tools a setup needs for a cluster provider. */
export function requiredTools(setup: Setup, config: SetupsConfig, provider: 'kind' | 'current'): string[] {
  if (!setup.cluster) return [];
  const tools = provider === 'kind' ? ['kind', 'kubectl'] : ['kubectl'];
  if (setup.install.some((c) => c.trimStart().startsWith(config.mesh.cli))) tools.push(config.mesh.cli);
  return tools;
}

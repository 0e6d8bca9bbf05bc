import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { homedir } from 'node:os';
import { formatDuration } from './duration.ts';
import type { Exec } from './exec.ts';
import type { Setup } from './setups.ts';

/** The cluster(s) one setup group runs on. */
export interface Cluster {
  names: string[];
  /** KUBECONFIG for the scripts: one file per cluster, joined with `:`. */
  kubeconfig: string;
  /** Context names, in the same order. */
  contexts: string[];
}

export interface ClusterProvider {
  readonly kind: 'kind' | 'current';
  /** Names the cluster(s) of a group; creates nothing. */
  plan(setup: Setup, groupId: string): Cluster;
  /**
   * Creates the cluster(s) and waits until they are ready; throws with the tool's output on
   * failure. `signal` (an interrupt) stops the tool; the caller still calls `delete`.
   */
  create(cluster: Cluster, setup: Setup, signal?: AbortSignal): Promise<void>;
  /** Deletes what `create` made (also after a failed or interrupted create). Never throws. */
  delete(cluster: Cluster): Promise<string[]>;
}

export class ClusterError extends Error {
  readonly output: string;

  constructor(message: string, output: string) {
    super(message);
    this.output = output;
    this.name = 'ClusterError';
  }
}

export interface KindOptions {
  exec: Exec;
  /** Where kubeconfig files and kind configs go. */
  workDir: string;
  /** Node image (`--image`); empty for kind's default. */
  image: string;
  /** Budget for `kind create --wait` and each readiness wait. */
  waitMs: number;
  env?: NodeJS.ProcessEnv;
}

/** `profile=default` → `profile-default`: kind names are DNS labels. */
export function clusterSlug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Kind clusters, one set per group, each with its own kubeconfig file so that groups running in
 * parallel (`--jobs`) never share or switch a context. The exact command lines:
 *
 *   kind create cluster --name <n> --kubeconfig <file> --wait <s>s [--image <img>] [--config <file>]
 *   kubectl --kubeconfig <file> --context kind-<n> wait --for=condition=Ready nodes --all --timeout=<s>s
 *   kubectl --kubeconfig <file> --context kind-<n> -n kube-system rollout status deployment/coredns --timeout=<s>s
 *   kind delete cluster --name <n> --kubeconfig <file>
 */
export function createKindProvider(opts: KindOptions): ClusterProvider {
  const seconds = `${Math.ceil(opts.waitMs / 1000)}s`;
  const env = opts.env ?? process.env;
  const run = async (cmd: string, args: string[], signal?: AbortSignal) => {
    if (signal?.aborted) throw new ClusterError('interrupted', '');
    const r = await opts.exec(cmd, args, { env, timeoutMs: opts.waitMs + 60_000, signal });
    if (r.exitCode !== 0) {
      throw new ClusterError(`${cmd} ${args.join(' ')} failed with exit code ${r.exitCode}`, `${r.stdout}\n${r.stderr}`.trim());
    }
    return r;
  };
  return {
    kind: 'kind',
    plan(setup, groupId) {
      const names = setup.clusters === 1 ? [groupId] : Array.from({ length: setup.clusters }, (_, i) => `${groupId}-${i + 1}`);
      return {
        names,
        kubeconfig: names.map((n) => join(opts.workDir, `${n}.kubeconfig`)).join(':'),
        contexts: names.map((n) => `kind-${n}`),
      };
    },
    async create(cluster, setup, signal) {
      mkdirSync(opts.workDir, { recursive: true });
      const files = cluster.kubeconfig.split(':');
      for (const [i, name] of cluster.names.entries()) {
        const args = ['create', 'cluster', '--name', name, '--kubeconfig', files[i]!, '--wait', seconds];
        if (opts.image) args.push('--image', opts.image);
        if (setup.ipFamily !== 'ipv4') {
          const config = join(opts.workDir, `${name}.kind.yaml`);
          writeFileSync(
            config,
            `kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  ipFamily: ${setup.ipFamily}\n`,
          );
          args.push('--config', config);
        }
        await run('kind', args, signal);
        const ctl = ['--kubeconfig', files[i]!, '--context', `kind-${name}`];
        await run('kubectl', [...ctl, 'wait', '--for=condition=Ready', 'nodes', '--all', `--timeout=${seconds}`], signal);
        await run('kubectl', [...ctl, '-n', 'kube-system', 'rollout', 'status', 'deployment/coredns', `--timeout=${seconds}`], signal);
      }
    },
    async delete(cluster) {
      const problems: string[] = [];
      const files = cluster.kubeconfig.split(':');
      for (const [i, name] of cluster.names.entries()) {
        // `kind delete` succeeds when the cluster does not exist, so it is safe after a failed create.
        const r = await opts.exec('kind', ['delete', 'cluster', '--name', name, '--kubeconfig', files[i]!], {
          env,
          timeoutMs: 300_000,
        });
        if (r.exitCode !== 0) problems.push(`kind delete cluster --name ${name} failed: ${r.stderr.trim()}`);
      }
      return problems;
    },
  };
}

/**
 * The cluster of the current kubeconfig context: nothing is created or deleted. Checks that a
 * context is set and the API server answers.
 */
export function createCurrentProvider(opts: { exec: Exec; env?: NodeJS.ProcessEnv; waitMs: number }): ClusterProvider {
  const env = opts.env ?? process.env;
  const kubeconfig = env.KUBECONFIG || join(homedir(), '.kube', 'config');
  return {
    kind: 'current',
    plan() {
      return { names: [], kubeconfig, contexts: [] };
    },
    async create(cluster) {
      const ctx = await opts.exec('kubectl', ['config', 'current-context'], { env, timeoutMs: 30_000 });
      if (ctx.exitCode !== 0) throw new ClusterError('no current kubeconfig context (see kubectl config use-context)', ctx.stderr);
      cluster.contexts.push(ctx.stdout.trim());
      cluster.names.push(ctx.stdout.trim());
      const ok = await opts.exec('kubectl', ['get', 'namespace', 'default', `--request-timeout=${formatDuration(opts.waitMs)}`], {
        env,
        timeoutMs: opts.waitMs,
      });
      if (ok.exitCode !== 0) throw new ClusterError(`cluster of context ${ctx.stdout.trim()} does not answer`, ok.stderr);
    },
    async delete() {
      return [];
    },
  };
}

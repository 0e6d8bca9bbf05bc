import { readdirSync, readFileSync } from 'node:fs';

/** One line of /proc/<pid>/stat, reduced to what the memory sampler needs. */
export interface ProcStat {
  pid: number;
  ppid: number;
  rssBytes: number;
}

/** Parses /proc/<pid>/stat: after the command name (which may hold spaces and parentheses), field 2 is ppid, field 22 rss in pages. */
export function parseProcStat(pid: number, stat: string, pageSize = 4096): ProcStat {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { pid, ppid: Number(fields[1]), rssBytes: Number(fields[21]) * pageSize };
}

/** Summed resident memory of `root` and every process below it. */
export function treeRssOf(root: number, stats: readonly ProcStat[]): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const s of stats) {
    children.set(s.ppid, [...(children.get(s.ppid) ?? []), s.pid]);
    rss.set(s.pid, s.rssBytes);
  }
  let total = 0;
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += rss.get(pid) ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

function readStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      stats.push(parseProcStat(Number(name), readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // the process ended while we read
    }
  }
  return stats;
}

/**
 * Samples the summed RSS of a process tree every `intervalMs` until `stop()`, which returns the peak
 * in bytes (0 where /proc is absent). Sampling misses peaks shorter than the interval.
 */
export function samplePeakTreeRss(root: number, intervalMs = 200): { stop(): number } {
  let peak = 0;
  const sample = (): void => {
    try {
      peak = Math.max(peak, treeRssOf(root, readStats()));
    } catch {
      // no /proc: no figure
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

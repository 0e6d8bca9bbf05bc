import type { PageRule, RuleFinding } from './types.ts';

// `-it`, `-ti`, `-i -t`, `--tty`, `-t` in any combined short-flag group: a test has no terminal.
const execCommand = /\bkubectl\b.*\bexec\b/;
const ttyFlag = /(?:^|\s)(?:-[A-Za-z]*t[A-Za-z]*|--tty(?:=true)?)(?=\s|$)/;

/**
 * `kubectl exec -it` needs a terminal, which a doc test does not have (istio.io's generator plants a
 * broken line instead). On a tested page, use `kubectl exec` without `-t` (and `-i` only to pipe input).
 */
export const noKubectlExecItRule: PageRule = {
  names: ['MESH003', 'no-kubectl-exec-it'],
  description: 'No "kubectl exec -it" on tested pages (a test has no terminal)',
  tags: ['code', 'bash', 'test'],
  check(page) {
    if (page.frontmatter?.test !== 'yes' && page.rawFrontmatter.test !== 'yes') return [];
    const findings: RuleFinding[] = [];
    for (const block of page.codeBlocks) {
      for (const command of block.bash?.commands ?? []) {
        // Flags of kubectl only: what follows ` -- ` is the remote command (`ls -t` is fine).
        const kubectlFlags = command.text.replace(/^.*?\bexec\b/, '').split(/\s--(?:\s|$)/)[0]!;
        if (execCommand.test(command.text) && ttyFlag.test(kubectlFlags)) {
          findings.push({
            line: block.line + 1 + command.index,
            message: 'remove -t/--tty from "kubectl exec": tested pages run without a terminal (use -i only to pipe input)',
          });
        }
      }
    }
    return findings;
  },
};

import { defineRule, type RuleFinding, isTestedPage } from './types.ts';

// `-it`, `-ti`, `-i -t`, `--tty`, `-t` in any combined short-flag group: a test has no terminal.
const execCommand = /\bkubectl\b.*\bexec\b/;
const ttyFlag = /(?:^|\s)(?:-[A-Za-z]*t[A-Za-z]*|--tty(?:=true)?)(?=\s|$)/;

/** Whether a command is `kubectl exec` with a terminal flag (`-it`, `-ti`, `-t`, `--tty`), remote command aside. */
export function usesInteractiveExec(command: string): boolean {
  // Flags of kubectl only: what follows ` -- ` is the remote command (`ls -t` is fine).
  const kubectlFlags = command.replace(/^.*?\bexec\b/, '').split(/\s--(?:\s|$)/)[0]!;
  return execCommand.test(command) && ttyFlag.test(kubectlFlags);
}

/**
 * `kubectl exec -it` needs a terminal, which a doc test does not have (istio.io's generator plants a
 * broken line instead). On a tested page (and in boilerplates, whose snips tested pages source), use
 * `kubectl exec` without `-t` (and `-i` only to pipe input). One check for lint and `npm run snips`.
 */
export const noKubectlExecItRule = defineRule('MESH003', 'no-kubectl-exec-it', {
  description: 'No "kubectl exec -it" on tested pages (a test has no terminal)',
  tags: ['code', 'bash', 'test'],
  codes: { 'snip-exec-it': ['snips', 'lint', 'editor'] },
  check(page) {
    if (!isTestedPage(page)) return [];
    const findings: RuleFinding[] = [];
    for (const block of page.codeBlocks) {
      for (const command of block.bash?.commands ?? []) {
        if (!usesInteractiveExec(command.text)) continue;
        findings.push({
          code: 'snip-exec-it',
          line: block.line + 1 + command.index,
          message: 'remove -t/--tty from "kubectl exec": tested pages run without a terminal (use -i only to pipe input)',
        });
      }
    }
    return findings;
  },
});

#!/usr/bin/env bash
# shellcheck disable=SC2034,SC1090
#
# Sourced by the doc-test runner first, before a page's snips.sh and the rest of the library.
# It does three things the test scripts never see:
#
# 1. `source "tests/util/x.sh"` finds this library even when the docs repo has no tests/util
#    (an imported content tree): the path is tried as written first, then here.
# 2. Every snip_*/bpsnip_* function, in every file sourced, is wrapped to record a step.
# 3. Steps (snip calls and verify calls) are appended as JSON lines to MESHDOCS_STEPS, with the
#    caller's line and the size of the output file (MESHDOCS_OUTPUT) before and after, so the
#    runner can report which call of which page failed, and with which output.

MESHDOCS_LIB=${MESHDOCS_LIB:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)}

# Variables declared (`declare`/`local`) directly in a sourced file become local to this
# function: the price of resolving library paths; see docs/doctest.md.
source() {
  { local __meshdocs_x=$-; set +x; } 2>/dev/null
  local __meshdocs_file=${1:-}
  if [[ ! -e $__meshdocs_file && $__meshdocs_file == tests/util/*.sh && -e $MESHDOCS_LIB/${__meshdocs_file#tests/util/} ]]; then
    __meshdocs_file=$MESHDOCS_LIB/${__meshdocs_file#tests/util/}
  fi
  shift
  [[ $__meshdocs_x == *x* ]] && set -x
  # `command`, not `builtin`: under set -e, a failing `builtin source` exits the shell even in
  # an `|| true` context (bash 5.2).
  command source "$__meshdocs_file" "$@"
  # The sourced file may have turned xtrace on (debug.sh does): keep its choice.
  { local __meshdocs_rc=$? __meshdocs_after=$-; set +x; } 2>/dev/null
  # The library defines no snips: skip the (forking) scan for its files.
  [[ $__meshdocs_file == "$MESHDOCS_LIB"/* ]] || __meshdocs_wrap_snips
  [[ $__meshdocs_after == *x* ]] && set -x
  return "$__meshdocs_rc"
}
.() { source "$@"; }

# Functions already wrapped. A snip redefined by sourcing its file again stays unwrapped (it
# still works, it is just not recorded): telling would cost a subshell per function and source.
declare -gA __meshdocs_wrapped=()

__meshdocs_wrap_snips() {
  { local __meshdocs_x=$-; set +x; } 2>/dev/null
  local f def
  while read -r _ _ f; do
    case $f in snip_* | bpsnip_*) ;; *) continue ;; esac
    [[ -n ${__meshdocs_wrapped[$f]:-} ]] && continue
    def=$(declare -f "$f")
    eval "__meshdocs_orig_$def"
    eval "$f() { __meshdocs_snip $f \"\$@\"; }"
    __meshdocs_wrapped[$f]=1
  done < <(declare -F)
  [[ $__meshdocs_x == *x* ]] && set -x
  return 0
}

# Calls the original snip function as a recorded step. Calls made while a step is running
# (a verify retrying a snip, a snip calling another) are not steps of their own.
__meshdocs_snip() {
  # The wrapper stays out of the xtrace; the snip's own commands are traced.
  { local __meshdocs_x=$-; set +x; } 2>/dev/null
  local __meshdocs_name=$1
  shift
  if [[ -n ${__MESHDOCS_IN_VERIFY:-} || -n ${__MESHDOCS_IN_STEP:-} ]]; then
    [[ $__meshdocs_x == *x* ]] && set -x
    "__meshdocs_orig_$__meshdocs_name" "$@"
    return
  fi
  __meshdocs_step_begin snip "$__meshdocs_name" "$__meshdocs_name"
  local __MESHDOCS_IN_STEP=1
  [[ $__meshdocs_x == *x* ]] && set -x
  # Called plainly, so `set -e` inside the snip behaves exactly as without the runner.
  "__meshdocs_orig_$__meshdocs_name" "$@"
  { local __meshdocs_rc=$?; set +x; } 2>/dev/null
  __meshdocs_step_end snip "$__meshdocs_rc" 1
  [[ $__meshdocs_x == *x* ]] && set -x
  return "$__meshdocs_rc"
}

# Sets __meshdocs_j to $1 as a JSON string.
__meshdocs_json() {
  local s=$1
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  s=${s//$'\n'/\\n}
  s=${s//$'\r'/\\r}
  s=${s//$'\t'/\\t}
  s=${s//[$'\x01'-$'\x1f']/}
  __meshdocs_j="\"$s\""
}

__meshdocs_offset() {
  __meshdocs_o=0
  if [[ -n ${MESHDOCS_OUTPUT:-} ]]; then
    __meshdocs_o=$(stat -c %s "$MESHDOCS_OUTPUT" 2>/dev/null || echo 0)
  fi
}

# __meshdocs_step_begin KIND NAME FUNC: the caller of the public function is 3 frames up.
__meshdocs_step_begin() {
  { local __meshdocs_x=$-; set +x; } 2>/dev/null
  if [[ -z ${MESHDOCS_STEPS:-} ]]; then
    [[ $__meshdocs_x == *x* ]] && set -x
    return 0
  fi
  local __meshdocs_j __meshdocs_o line=${BASH_LINENO[2]:-0} src=${BASH_SOURCE[3]:-}
  local rec="{\"event\":\"begin\",\"kind\":\"$1\",\"t\":${EPOCHREALTIME/./}"
  __meshdocs_json "$2" && rec+=",\"name\":$__meshdocs_j"
  __meshdocs_json "$3" && rec+=",\"func\":$__meshdocs_j"
  __meshdocs_json "$src" && rec+=",\"source\":$__meshdocs_j,\"line\":$line"
  # A verify records its output itself; only snips need the output file's size (a fork).
  __meshdocs_o=0
  [[ $1 == verify ]] || __meshdocs_offset
  rec+=",\"offset\":$__meshdocs_o}"
  printf '%s\n' "$rec" >>"$MESHDOCS_STEPS"
  [[ $__meshdocs_x == *x* ]] && set -x
  return 0
}

# __meshdocs_step_end KIND EXIT ATTEMPTS [OUTPUT EXPECTED]
__meshdocs_step_end() {
  { local __meshdocs_x=$-; set +x; } 2>/dev/null
  if [[ -z ${MESHDOCS_STEPS:-} ]]; then
    [[ $__meshdocs_x == *x* ]] && set -x
    return 0
  fi
  local __meshdocs_j __meshdocs_o
  local rec="{\"event\":\"end\",\"kind\":\"$1\",\"t\":${EPOCHREALTIME/./},\"exit\":$2,\"attempts\":$3"
  if (($# > 3)); then
    __meshdocs_json "$4" && rec+=",\"output\":$__meshdocs_j"
    __meshdocs_json "$5" && rec+=",\"expected\":$__meshdocs_j"
  fi
  __meshdocs_o=0
  [[ $1 == verify ]] || __meshdocs_offset
  rec+=",\"offset\":$__meshdocs_o}"
  printf '%s\n' "$rec" >>"$MESHDOCS_STEPS"
  [[ $__meshdocs_x == *x* ]] && set -x
  return 0
}

#!/usr/bin/env bash
# shellcheck disable=SC2034
#
# The verify functions of doc tests, written from the behaviour of istio.io's tests/util/verify.sh
# (see docs/doctest.md). Every `_verify_*` function runs a command, compares its output with what
# the page says, and retries until it matches or VERIFY_TIMEOUT seconds have passed; then it prints
#
#   VERIFY FAILED <FUNC> (timeout after <N>s):
#   received:
#   "<last output>"
#   expected:
#   "<expected>"
#
# and exits the test script with 1.
#
# Environment: VERIFY_TIMEOUT (seconds, default 120), VERIFY_DELAY (seconds between attempts,
# default 1), VERIFY_CONSECUTIVE (matches in a row needed, default 1), CMP_MATCH_IP_NONE and
# CMP_MATCH_IP_PENDING (`true` lets an IP address in the expected text match `<none>`/`<pending>`).

# Prints the failure block and exits the test (the verify functions run in the main shell, so
# this `exit` ends the test script, as on istio.io).
__err_exit() {
  local func=$1 timeout=$2 received=$3 expected=$4
  printf 'VERIFY FAILED %s (timeout after %ss):\nreceived:\n"%s"\nexpected:\n"%s"\n' \
    "$func" "$timeout" "$received" "$expected" >&2
  exit 1
}

# __verify_with_retry CMP FUNC EXPECTED [FAILONERR]
# FUNC is deliberately unquoted: it may be a function name with arguments or any simple command.
__verify_with_retry() {
  local cmp_func=$1 func=$2 expected=$3 failonerr=${4:-}
  local timeout=${VERIFY_TIMEOUT:-120} delay=${VERIFY_DELAY:-1} needed=${VERIFY_CONSECUTIVE:-1}
  local errexit_state='set +e' consecutive=0 attempts=0 funcret start
  # Intent fix: istio.io saves this with $(shopt -po errexit), which runs in a subshell where
  # errexit is always off, so every verify there leaves `set -e` off for the rest of the test.
  [[ $- == *e* ]] && errexit_state='set -e'
  set +e
  start=$EPOCHSECONDS
  __meshdocs_step_begin verify "${FUNCNAME[1]:-__verify_with_retry}" "$func"
  while true; do
    attempts=$((attempts + 1))
    # `out` is global on purpose: istio.io tests read it after a verify call.
    # shellcheck disable=SC2086
    out=$(__MESHDOCS_IN_VERIFY=1 $func 2>&1)
    funcret=$?
    out=$(printf '%s' "$out" | sed 's/[[:space:]]*$//g')
    if "$cmp_func" "$out" "$expected" "$funcret"; then
      consecutive=$((consecutive + 1))
      if ((consecutive >= needed)) && { [[ -z $failonerr ]] || ((funcret == 0)); }; then
        __meshdocs_step_end verify 0 "$attempts" "$out" "$expected"
        eval "$errexit_state"
        return 0
      fi
    else
      consecutive=0
    fi
    if ((EPOCHSECONDS > start + timeout)); then
      __meshdocs_step_end verify 1 "$attempts" "$out" "$expected"
      eval "$errexit_state"
      __err_exit "$func" "$timeout" "$out" "$expected"
    fi
    sleep "$delay"
  done
}

__cmp_same() {
  local out=${1//$'\r'/} expected=$2
  [[ $out == "$expected" ]]
}

__cmp_contains() {
  local out=${1//$'\r'/} expected=$2
  [[ $out == *"$expected"* ]]
}

__cmp_not_contains() {
  local out=${1//$'\r'/} expected=$2
  [[ $out != *"$expected"* ]]
}

# Segments of EXPECTED separated by lines that are only `...` must each appear in the output.
# Like istio.io, the order of the segments is not checked.
__cmp_elided() {
  local out=${1//$'\r'/} expected=$2 line segment=''
  local -a segments=()
  while IFS= read -r line || [[ -n $line ]]; do
    if [[ $line =~ ^[[:space:]]*\.\.\.[[:space:]]*$ ]]; then
      [[ -n $segment ]] && segments+=("$segment")
      segment=''
    elif [[ -z $segment ]]; then
      segment=$line
    else
      segment+=$'\n'$line
    fi
  done <<<"$expected"
  [[ -n $segment ]] && segments+=("$segment")
  for segment in "${segments[@]}"; do
    [[ $out == *"$segment"* ]] || return 1
  done
  return 0
}

__cmp_first_line() {
  local out=$1 expected=$2
  [[ ${out%%[$'\n\r']*} == "${expected%%[$'\n\r']*}" ]]
}

__cmp_regex() {
  local out=${1//$'\r'/} expected=$2
  [[ $out =~ $expected ]]
}

__cmp_failure() {
  local funcret=$3
  ((funcret != 0))
}

# `+ text` lines must be in the output, `- text` lines must not; other lines are ignored.
# Intent fix: istio.io only looks at lines that start exactly with `+ ` / `- `, so a spec written
# indented (as in most of its tests) checks nothing. We trim leading blanks first, so it does.
__cmp_lines() {
  local out=$1 expected=$2 line
  while IFS= read -r line || [[ -n $line ]]; do
    line=${line#"${line%%[![:space:]]*}"}
    if [[ $line == "+ "* ]]; then
      [[ $out == *"${line:2}"* ]] || return 1
    elif [[ $line == "- "* ]]; then
      [[ $out != *"${line:2}"* ]] || return 1
    fi
  done <<<"$expected"
  return 0
}

# The "like" comparison: same number of lines, same number of words per line, and each word
# equal or of the same shape (see docs/doctest.md).
__cmp_like() {
  local out=${1//$'\r'/} expected=$2
  [[ $out == "$expected" ]] && return 0
  local -a olines=() elines=()
  local line
  while read -r line; do olines+=("$line"); done <<<"$out"
  while read -r line; do elines+=("$line"); done <<<"$expected"
  ((${#olines[@]} == ${#elines[@]})) || return 1
  local i j
  for ((i = 0; i < ${#olines[@]}; i++)); do
    [[ ${olines[i]} == "${elines[i]}" ]] && continue
    local -a otoks=() etoks=()
    read -r -a otoks <<<"${olines[i]}"
    read -r -a etoks <<<"${elines[i]}"
    ((${#otoks[@]} == ${#etoks[@]})) || return 1
    for ((j = 0; j < ${#otoks[@]}; j++)); do
      __cmp_like_token "${otoks[j]}" "${etoks[j]}" || return 1
    done
  done
  return 0
}

__cmp_like_token() {
  local o=$1 e=$2
  [[ $e == "..." || $o == "$e" ]] && return 0
  local duration='^([0-9]+[smhd])+$' version='^[0-9]+\.[0-9]+\.[0-9]+$'
  local date='^[0-9]{4}-(0?[1-9]|1[012])-(0?[1-9]|[12][0-9]|3[01])$'
  local time='^(2[0-3]|[01]?[0-9]):([0-5]?[0-9]):([0-5]?[0-9]).[0-9]+$'
  local ip='^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$'
  [[ $o =~ $duration && $e =~ $duration ]] && return 0
  [[ $o =~ $version && $e =~ $version ]] && return 0
  [[ $o =~ $date && $e =~ $date ]] && return 0
  [[ $o =~ $time && $e =~ $time ]] && return 0
  if [[ $e =~ $ip ]]; then
    [[ $o =~ $ip ]] && return 0
    [[ ${CMP_MATCH_IP_PENDING:-} == true && $o == "<pending>" ]] && return 0
    [[ ${CMP_MATCH_IP_NONE:-} == true && $o == "<none>" ]] && return 0
  fi
  # Generated names: the common prefix must start with `word-` (e.g. `reviews-v1-545db77b95-abcde`
  # is like `reviews-v1-xxxx`).
  local k=0 n=${#o}
  ((${#e} < n)) && n=${#e}
  while ((k < n)) && [[ ${o:k:1} == "${e:k:1}" ]]; do k=$((k + 1)); done
  [[ ${o:0:k} =~ ^([a-zA-Z0-9_/]+-)+ ]]
}

_verify_same() { __verify_with_retry __cmp_same "$1" "$2"; }
_verify_contains() { __verify_with_retry __cmp_contains "$1" "$2"; }
_verify_not_contains() { __verify_with_retry __cmp_not_contains "$1" "$2" true; }
_verify_elided() { __verify_with_retry __cmp_elided "$1" "$2"; }
_verify_first_line() { __verify_with_retry __cmp_first_line "$1" "$2"; }
_verify_regex() { __verify_with_retry __cmp_regex "$1" "$2"; }
_verify_like() { __verify_with_retry __cmp_like "$1" "$2"; }
_verify_lines() { __verify_with_retry __cmp_lines "$1" "$2"; }
_verify_failure() { __verify_with_retry __cmp_failure "$1" "NON-ZERO COMMAND EXIT STATUS"; }

# Step recording is the runner's (tests/util/runner.sh); without it these do nothing, so the
# library also works when sourced on its own.
if ! declare -F __meshdocs_step_begin >/dev/null; then
  __meshdocs_step_begin() { :; }
  __meshdocs_step_end() { :; }
fi

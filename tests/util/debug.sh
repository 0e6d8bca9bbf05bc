#!/usr/bin/env bash
#
# Sends a bash xtrace of the test to TEST_DEBUG_FILE (the runner sets it to
# out/doctest/<page>/<test>_debug.txt), keeping the test's own output readable.

if [[ -n ${TEST_DEBUG_FILE:-} ]]; then
  echo "Creating test debug file: ${TEST_DEBUG_FILE}"
  exec {__meshdocs_xtrace_fd}>>"${TEST_DEBUG_FILE}"
  export BASH_XTRACEFD=${__meshdocs_xtrace_fd}
  export PS4='+${FUNCNAME[0]:+${FUNCNAME[0]}(): }'
  set -x
fi

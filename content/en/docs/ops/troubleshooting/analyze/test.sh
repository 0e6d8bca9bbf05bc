#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

set -e
set -u
set -o pipefail

# @setup profile=default

workdir=${TMPDIR:-/tmp}/meshdocs-analyze
mkdir -p "$workdir"
cd "$workdir"

snip_before_you_begin_1
_verify_contains snip_analyze_a_namespace_1 "No validation issues found when analyzing namespace: default."

snip_analyze_a_namespace_2
_wait_for_resource virtualservice default broken-route
# The order of the messages may vary: check each one.
_verify_lines snip_analyze_a_namespace_3 "
+ Error [IST0101] (VirtualService default/broken-route) Referenced gateway not found: \"missing-gateway\"
+ Error [IST0101] (VirtualService default/broken-route) Referenced host not found: \"productpage\"
"

_verify_lines snip_analyze_files_before_you_apply_them_1 "
+ Error [IST0101] (VirtualService default/broken-route) Referenced host not found: \"productpage\"
- Referenced gateway not found
"

snip_clean_up_1

# @cleanup
kubectl delete virtualservice broken-route --ignore-not-found
kubectl label namespace default istio-injection-
rm -rf "${TMPDIR:-/tmp}/meshdocs-analyze"

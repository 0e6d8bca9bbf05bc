#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Creates and deletes a second kind cluster, as the page does. It writes to a kubeconfig of its own,
# so the context of the runner's cluster is never changed.

set -e
set -u
set -o pipefail

# @setup cluster-only
# @timeout 15m

KUBECONFIG=$(mktemp)
export KUBECONFIG
workdir=${TMPDIR:-/tmp}/meshdocs-kind-page
mkdir -p "$workdir"
cd "$workdir"

snip_create_a_cluster_1
snip_create_a_cluster_2
_verify_same snip_check_the_cluster_1 "$snip_check_the_cluster_1_out"
_verify_same snip_check_the_cluster_2 "$snip_check_the_cluster_2_out"
snip_delete_the_cluster_1
rm -f "$KUBECONFIG"

# @cleanup
KUBECONFIG=$(mktemp)
export KUBECONFIG
kind delete cluster --name mesh
rm -rf "${TMPDIR:-/tmp}/meshdocs-kind-page" "$KUBECONFIG"

#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# istiod reads the CA at start-up, so this page installs the mesh itself, on a cluster without it.

set -e
set -u
set -o pipefail

# @setup cluster-only

workdir=${TMPDIR:-/tmp}/meshdocs-plugin-ca
mkdir -p "$workdir"
# The page runs in the release directory, next to samples/.
ln -sfn "$PWD/samples" "$workdir/samples"
cd "$workdir"

snip_create_the_certificates_1
snip_create_the_certificates_2
snip_create_the_certificates_3
_verify_same snip_create_the_certificates_4 "$snip_create_the_certificates_4_out"

snip_give_the_ca_to_the_mesh_1
snip_give_the_ca_to_the_mesh_2
_wait_for_deployment istio-system istiod

snip_check_the_workload_certificates_1
bpsnip_curl_sample__1
# openssl versions format names differently (spaces around "="): check the names.
_verify_regex snip_check_the_workload_certificates_2 'O ?= ?Example Mesh, CN ?= ?Example Root CA'

_verify_regex snip_check_the_workload_certificates_3 'O ?= ?Example Mesh, CN ?= ?Intermediate CA cluster1'

snip_clean_up_1

# @cleanup
kubectl delete -f samples/curl/curl.yaml --ignore-not-found
kubectl label namespace default istio-injection-
istioctl uninstall --purge -y
kubectl delete namespace istio-system --ignore-not-found
rm -rf "${TMPDIR:-/tmp}/meshdocs-plugin-ca"

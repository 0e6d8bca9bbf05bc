#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Installs the mesh as the page does, on a cluster without it; the cleanup uninstalls it.

set -e
set -u
set -o pipefail

# @setup cluster-only

workdir=${TMPDIR:-/tmp}/meshdocs-istioctl-page
mkdir -p "$workdir"
cd "$workdir"

# The profile list varies a little between releases: check the profiles the page relies on.
_verify_lines snip_profiles_1 "
+ ambient
+ default
+ demo
+ empty
+ minimal
"

_verify_contains snip_install_a_profile_1 "Installation complete"
_wait_for_deployment istio-system istiod
_wait_for_deployment istio-system istio-ingressgateway
_verify_like snip_install_a_profile_2 "$snip_install_a_profile_2_out"

snip_customize_with_a_file_1
_verify_contains snip_customize_with_a_file_2 "Installation complete"
_verify_same snip_customize_with_a_file_3 "$snip_customize_with_a_file_3_out"

snip_clean_up_1

# @cleanup
istioctl uninstall -y --purge
kubectl delete namespace istio-system --ignore-not-found
rm -rf "${TMPDIR:-/tmp}/meshdocs-istioctl-page"

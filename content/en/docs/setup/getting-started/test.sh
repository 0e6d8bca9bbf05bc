#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Executes the Getting Started page on a fresh cluster without the mesh: the page installs it.

set -e
set -u
set -o pipefail

# @setup cluster-only

_verify_contains snip_install_the_mesh_1 "Installation complete"
_verify_same snip_install_the_mesh_2 "$snip_install_the_mesh_2_out"

bpsnip_before_you_begin_bookinfo__1
_wait_for_deployment default productpage-v1
_verify_like snip_deploy_the_sample_application_1 "$snip_deploy_the_sample_application_1_out"

snip_open_the_application_to_outside_traffic_1
_verify_contains snip_open_the_application_to_outside_traffic_3 "No validation issues found"

# @cleanup
snip_clean_up_1

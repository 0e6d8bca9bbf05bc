#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Follows Getting Started on a cluster without the mesh: the page installs it, and the cleanup
# removes the mesh, the sample and the Gateway API definitions again.
# Not run: the download (the harness provides istioctl and samples/) and the port-forward (it
# runs until interrupted); the test checks the gateway from inside the cluster instead.

set -e
set -u
set -o pipefail

# @setup cluster-only

_verify_contains snip_install_the_mesh_1 "Installation complete"
bpsnip_gateway_api_crds__1
_verify_same snip_install_the_mesh_2 "$snip_install_the_mesh_2_out"

snip_deploy_the_sample_application_1
_wait_for_deployments default details-v1 productpage-v1 ratings-v1 reviews-v1 reviews-v2 reviews-v3
_verify_like snip_deploy_the_sample_application_2 "$snip_deploy_the_sample_application_2_out"
_verify_same bpsnip_bookinfo_check__1 "$bpsnip_bookinfo_check__1_out"

_verify_same snip_open_the_application_to_outside_traffic_1 "$snip_open_the_application_to_outside_traffic_1_out"
_verify_same snip_open_the_application_to_outside_traffic_2 "$snip_open_the_application_to_outside_traffic_2_out"
_verify_same snip_open_the_application_to_outside_traffic_3 "$snip_open_the_application_to_outside_traffic_3_out"
_verify_same snip_open_the_application_to_outside_traffic_4 "$snip_open_the_application_to_outside_traffic_4_out"

_verify_contains snip_check_the_configuration_1 "No validation issues found"

# @cleanup
snip_clean_up_1
bpsnip_gateway_api_crds_cleanup__1

#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

# Installs the sidecar variant of the page with Helm on a cluster without the mesh, adds the
# gateway chart, and uninstalls everything as the page does.
# Not run: the ambient variant (snip_id=none), an alternative to the sidecar install.

set -e
set -u
set -o pipefail

# @setup cluster-only

snip_before_you_begin_1
snip_install_for_sidecars_1
snip_install_for_sidecars_2
_verify_same snip_install_for_sidecars_3 "$snip_install_for_sidecars_3_out"

snip_add_a_gateway_1
_wait_for_deployment istio-ingress istio-ingress

snip_uninstall_1
_verify_failure "kubectl get namespace istio-system"

# @cleanup
helm delete istio-ingress -n istio-ingress
kubectl delete namespace istio-ingress --ignore-not-found
helm delete istiod -n istio-system
helm delete istio-base -n istio-system
kubectl delete namespace istio-system --ignore-not-found
kubectl get crd -oname | grep --color=never 'istio.io' | xargs -r kubectl delete
helm repo remove istio

#!/usr/bin/env bash
#
# Runs a test against the Kubernetes Gateway API instead of the mesh's own gateway resources.

# shellcheck disable=SC1091
source "content/en/boilerplates/snips/args.sh" 2>/dev/null || true

# shellcheck disable=SC2034 # read by samples.sh and the tests
GATEWAY_API="true"

__gateway_api_crds() {
  local verb=$1 ctx=${2:-} version=${bpsnip_args_gateway_api_version:-${K8S_GATEWAY_API_VERSION:-}}
  local -a context=()
  [[ -n $ctx ]] && context=(--context="$ctx")
  kubectl kustomize "github.com/kubernetes-sigs/gateway-api/config/crd/experimental?ref=${version}" |
    kubectl "$verb" -f - "${context[@]}"
}

install_gateway_api_crds() { __gateway_api_crds apply "${1:-}"; }
remove_gateway_api_crds() { __gateway_api_crds delete "${1:-}"; }

#!/usr/bin/env bash
#
# Waits and cluster helpers for doc tests (the behaviour of istio.io's tests/util/helpers.sh).
# MESH_NAMESPACE (default istio-system) is where the mesh's gateways run.

# Splits KUBECONFIG into KUBECONFIG_FILES and their current contexts into KUBE_CONTEXTS.
_set_kube_vars() {
  local file ctx
  KUBECONFIG_FILES=()
  KUBE_CONTEXTS=()
  IFS=':' read -r -a KUBECONFIG_FILES <<<"${KUBECONFIG:-}"
  for file in "${KUBECONFIG_FILES[@]}"; do
    ctx=$(kubectl --kubeconfig="$file" config current-context 2>/dev/null) || {
      echo "no current context in kubeconfig $file"
      exit 1
    }
    KUBE_CONTEXTS+=("$ctx")
  done
  export KUBECONFIG_FILES KUBE_CONTEXTS
  echo "KUBECONFIG_FILES=${KUBECONFIG_FILES[*]}"
  echo "KUBE_CONTEXTS=${KUBE_CONTEXTS[*]}"
}

# Exports INGRESS_HOST, INGRESS_PORT, SECURE_INGRESS_PORT and TCP_INGRESS_PORT for the mesh's
# ingress gateway: its load balancer address, or the node address and node ports without one.
_set_ingress_environment_variables() {
  local ns=${MESH_NAMESPACE:-istio-system} svc=istio-ingressgateway external
  external=$(kubectl -n "$ns" get svc "$svc" -o jsonpath='{.status.loadBalancer.ingress[0].ip}' 2>/dev/null || true)
  if [[ -n $external && $external != "<none>" && $external != "<pending>" ]]; then
    INGRESS_HOST=$external
    INGRESS_PORT=$(kubectl -n "$ns" get svc "$svc" -o jsonpath='{.spec.ports[?(@.name=="http2")].port}')
    SECURE_INGRESS_PORT=$(kubectl -n "$ns" get svc "$svc" -o jsonpath='{.spec.ports[?(@.name=="https")].port}')
    TCP_INGRESS_PORT=$(kubectl -n "$ns" get svc "$svc" -o jsonpath='{.spec.ports[?(@.name=="tcp")].port}')
  else
    INGRESS_HOST=$(kubectl -n "$ns" get po -l istio=ingressgateway -o jsonpath='{.items[0].status.hostIP}')
    INGRESS_PORT=$(kubectl -n "$ns" get svc "$svc" -o jsonpath='{.spec.ports[?(@.name=="http2")].nodePort}')
    SECURE_INGRESS_PORT=$(kubectl -n "$ns" get svc "$svc" -o jsonpath='{.spec.ports[?(@.name=="https")].nodePort}')
    TCP_INGRESS_PORT=$(kubectl -n "$ns" get svc "$svc" -o jsonpath='{.spec.ports[?(@.name=="tcp")].nodePort}')
  fi
  export INGRESS_HOST INGRESS_PORT SECURE_INGRESS_PORT TCP_INGRESS_PORT
}

# _wait_for_<kind> NAMESPACE NAME [CONTEXT]: rollout status, 5 minutes, exits the test on failure.
__wait_for_rollout() {
  local kind=$1 ns=$2 name=$3 ctx=${4:-}
  local -a context=()
  [[ -n $ctx ]] && context=(--context="$ctx")
  if ! kubectl "${context[@]}" -n "$ns" rollout status "$kind" "$name" --timeout 5m; then
    echo "Failed rollout of $kind $name in namespace $ns${ctx:+ (context $ctx)}"
    exit 1
  fi
}
_wait_for_deployment() { __wait_for_rollout deployment "$@"; }
_wait_for_daemonset() { __wait_for_rollout daemonset "$@"; }
_wait_for_statefulset() { __wait_for_rollout statefulset "$@"; }

# _wait_for_deployments NAMESPACE NAME...: _wait_for_deployment for each name, in order (the sample
# apps are several deployments, and pages wait for all of them).
_wait_for_deployments() {
  local ns=$1 name
  shift
  for name in "$@"; do __wait_for_rollout deployment "$ns" "$name"; done
}

# _wait_for_resource KIND NAMESPACE NAME: waits until the resource exists (30 s); returns 1 (the
# caller's `set -e` decides) when it does not.
_wait_for_resource() {
  local kind=$1 ns=$2 name=$3 start
  start=$(date +%s)
  if ! kubectl wait --for=create -n "$ns" "$kind/$name" --timeout 30s; then
    echo "Timed out after $(($(date +%s) - start))s waiting for $kind $name in namespace $ns"
    return 1
  fi
  sleep 2s
}

# _wait_for_gateway NAMESPACE NAME [CONTEXT]: waits until a Gateway API gateway is programmed.
_wait_for_gateway() {
  local ns=$1 name=$2 ctx=${3:-}
  local -a context=()
  [[ -n $ctx ]] && context=(--context="$ctx")
  if ! kubectl "${context[@]}" -n "$ns" wait --for=condition=programmed gtw "$name" --timeout=2m; then
    echo "Failed to wait for gateway $name in namespace $ns${ctx:+ (context $ctx)}"
    exit 1
  fi
}

_urlencode() {
  python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"
}

# Runs a snip that installs Helm charts from the chart repository against the local charts of
# the mesh checkout instead (manifests/), with the image tag of the build under test.
_rewrite_helm_repo() {
  local body fn=$1
  # Under the runner, snip functions are wrappers: rewrite the page's own commands.
  if declare -F "__meshdocs_orig_$fn" >/dev/null; then fn=__meshdocs_orig_$fn; fi
  body=$(type "$fn" | sed '1,3d;$d')
  if [[ $body == *"istio/ambient"* ]]; then
    helm dep update manifests/sample-charts/ambient >/dev/null
  fi
  body=$(sed -E \
    -e 's#istio/base#manifests/charts/base#g' \
    -e 's#istio/istiod#manifests/charts/istio-control/istio-discovery#g' \
    -e 's#istio/cni#manifests/charts/istio-cni#g' \
    -e 's#istio/ztunnel#manifests/charts/ztunnel#g' \
    -e 's#istio/gateway#manifests/charts/gateway#g' \
    -e 's#istio/ambient#manifests/sample-charts/ambient#g' \
    -e "s#(helm [a-z]+)#\\1 --set global.tag=${ISTIO_IMAGE_VERSION:-}.${ISTIO_LONG_SHA:-}#g" <<<"$body")
  eval "$body"
}

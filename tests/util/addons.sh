#!/usr/bin/env bash
#
# Telemetry add-ons from the mesh's samples/addons.

__addon_file() {
  case $1 in
    zipkin) echo samples/addons/extras/zipkin.yaml ;;
    skywalking) echo samples/addons/extras/skywalking.yaml ;;
    grafana | jaeger | kiali | prometheus | loki) echo "samples/addons/$1.yaml" ;;
    *)
      echo "unknown addon $1" >&2
      return 1
      ;;
  esac
}

_deploy_and_wait_for_addons() {
  local addon file
  for addon in "$@"; do
    file=$(__addon_file "$addon") || exit 1
    # Kiali's CRD and its CR come in one file, so the first apply can race: apply twice.
    if [[ $addon == kiali ]]; then kubectl apply -f "$file" || true; fi
    kubectl apply -f "$file"
  done
  for addon in "$@"; do
    case $addon in
      zipkin | jaeger) _wait_for_deployment "${MESH_NAMESPACE:-istio-system}" "$addon" ;;
      skywalking) _wait_for_deployment "${MESH_NAMESPACE:-istio-system}" skywalking-oap ;;
      *) _wait_for_deployment "${MESH_NAMESPACE:-istio-system}" "$addon" ;;
    esac
  done
}

_undeploy_addons() {
  local addon file
  for addon in "$@"; do
    file=$(__addon_file "$addon") || continue
    kubectl delete -f "$file" --ignore-not-found || true
  done
}

_wait_for_addon_config_distribution() {
  local addon ns=${MESH_NAMESPACE:-istio-system}
  for addon in "$@"; do
    _wait_for_resource gateway "$ns" "$addon-gateway"
    _wait_for_resource virtualservice "$ns" "$addon-vs"
    _wait_for_resource destinationrule "$ns" "$addon"
  done
}

#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/tasks/observability/metrics/index.md
####################################################################################################
source "content/en/boilerplates/snips/before-you-begin-bookinfo.sh"
source "content/en/boilerplates/snips/cleanup-bookinfo.sh"

snip_before_you_begin_1() {
for i in $(seq 1 5); do kubectl exec deploy/curl -- curl -sS -o /dev/null productpage:9080/productpage; done
}

snip_read_a_sidecars_metrics_1() {
kubectl exec deploy/productpage-v1 -c istio-proxy -- pilot-agent request GET stats/prometheus | grep '^istio_requests_total{' | grep 'reporter="destination"' | grep -o 'source_workload="[^"]*"\|response_code="[^"]*"' | sort -u
}

! IFS=$'\n' read -r -d '' snip_read_a_sidecars_metrics_1_out <<\ENDSNIP
response_code="200"
source_workload="curl"
ENDSNIP

snip_collect_metrics_with_prometheus_1() {
kubectl apply -f samples/addons/prometheus.yaml
kubectl rollout status deployment/prometheus -n istio-system --timeout=3m
}

snip_collect_metrics_with_prometheus_2() {
for i in $(seq 1 5); do kubectl exec deploy/curl -- curl -sS -o /dev/null productpage:9080/productpage; done
}

snip_collect_metrics_with_prometheus_3() {
kubectl exec deploy/curl -- curl -sS -G http://prometheus.istio-system:9090/api/v1/query \
    --data-urlencode 'query=sum(istio_requests_total{destination_service_name="productpage",reporter="destination"})' | grep -o '"value":\[[^]]*\]'
}

! IFS=$'\n' read -r -d '' snip_collect_metrics_with_prometheus_3_out <<\ENDSNIP
"value":[1764598210.512,"10"]
ENDSNIP

snip_clean_up_1() {
kubectl delete -f samples/addons/prometheus.yaml
}

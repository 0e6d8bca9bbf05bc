#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/ops/troubleshooting/validate-config/index.md
####################################################################################################

snip_write_a_route_1() {
mkdir -p mesh-config && cd mesh-config
cat <<EOF > reviews-route.yaml
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
EOF
}

snip_check_the_file_1() {
grep '^kind:' reviews-route.yaml
}

! IFS=$'\n' read -r -d '' snip_check_the_file_1_out <<\ENDSNIP
kind: VirtualService
ENDSNIP

snip_check_the_file_2() {
grep -c 'subset:' reviews-route.yaml
}

! IFS=$'\n' read -r -d '' snip_check_the_file_2_out <<\ENDSNIP
1
ENDSNIP

snip_check_the_file_3() {
if grep -q "$(printf '\t')" reviews-route.yaml; then echo "tabs found"; else echo "no tabs"; fi
}

! IFS=$'\n' read -r -d '' snip_check_the_file_3_out <<\ENDSNIP
no tabs
ENDSNIP

snip_check_the_file_4() {
printf '%s\n' 'echo $(date) `id`'
}

! IFS=$'\n' read -r -d '' snip_check_the_file_4_out <<\ENDSNIP
echo $(date) `id`
ENDSNIP

snip_clean_up_1() {
cd .. && rm -rf mesh-config
}

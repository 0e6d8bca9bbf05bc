#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          boilerplates/reviews-version-check.md
####################################################################################################

bpsnip_reviews_version_check_count_reviews_versions() {
for i in $(seq 1 10); do kubectl exec deploy/curl -- curl -sS reviews:9080/reviews/0 | grep -o 'reviews-v[123]'; done | sort | uniq -c
}

#!/usr/bin/env bash
# shellcheck disable=SC1090,SC2154

set -e
set -u
set -o pipefail

# @setup profile=default

snip_before_you_begin_1
bpsnip_curl_sample__1

_verify_same snip_calls_are_open_by_default_1 "$snip_calls_are_open_by_default_1_out"

snip_allow_only_registered_services_1
# curl's error message differs between curl versions: check the exit code the page shows.
_verify_contains snip_allow_only_registered_services_2 "command terminated with exit code 35"

snip_register_an_external_service_1
_verify_same snip_register_an_external_service_2 "$snip_register_an_external_service_2_out"

# @cleanup
snip_clean_up_1

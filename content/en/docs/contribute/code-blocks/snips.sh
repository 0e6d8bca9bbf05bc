#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/contribute/code-blocks/index.md
####################################################################################################

! IFS=$'\n' read -r -d '' snip_prompts_and_output_1 <<\ENDSNIP
```bash
$ grep '^kind:' reviews-route.yaml
kind: VirtualService
```
ENDSNIP

snip_see_what_the_generator_makes_1() {
scratch=$(mktemp -d)
mkdir -p "$scratch/data" "$scratch/content/en/docs/validate-config"
cp data/args.yml "$scratch/data/"
cp content/en/docs/ops/troubleshooting/validate-config/index.md "$scratch/content/en/docs/validate-config/"
}

snip_see_what_the_generator_makes_2() {
MESHDOCS_CONTENT="$scratch/content" npm run -s snips | tail -1
}

! IFS=$'\n' read -r -d '' snip_see_what_the_generator_makes_2_out <<\ENDSNIP
snips: 1 tested page(s), 0 boilerplate(s): 1 written, 0 removed, 0 unchanged (137 ms)
ENDSNIP

snip_see_what_the_generator_makes_3() {
grep -A6 "^snip_check_the_file_1()" "$scratch/content/en/docs/validate-config/snips.sh"
}

! IFS=$'\n' read -r -d '' snip_see_what_the_generator_makes_3_out <<\ENDSNIP_1
snip_check_the_file_1() {
grep '^kind:' reviews-route.yaml
}

! IFS=$'\n' read -r -d '' snip_check_the_file_1_out <<\ENDSNIP
kind: VirtualService
ENDSNIP
ENDSNIP_1

snip_see_what_the_generator_makes_4() {
grep -c "() {" "$scratch/content/en/docs/validate-config/snips.sh"
}

! IFS=$'\n' read -r -d '' snip_see_what_the_generator_makes_4_out <<\ENDSNIP
6
ENDSNIP

snip_see_what_the_generator_makes_5() {
MESHDOCS_CONTENT="$scratch/content" npm run -s snips -- --check
}

! IFS=$'\n' read -r -d '' snip_see_what_the_generator_makes_5_out <<\ENDSNIP
snips: 1 file(s) up to date
ENDSNIP

snip_clean_up_1() {
rm -rf "$scratch"
}

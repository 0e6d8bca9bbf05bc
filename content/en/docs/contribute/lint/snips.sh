#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/contribute/lint/index.md
####################################################################################################

snip_see_a_finding_1() {
scratch=$(mktemp -d)
mkdir -p "$scratch/data" "$scratch/content/en/docs/validate-config"
cp data/args.yml "$scratch/data/"
sed -e 's/start as a typo/start as a tpyo/' -e 's/^test: yes$/test: no/' content/en/docs/ops/troubleshooting/validate-config/index.md > "$scratch/content/en/docs/validate-config/index.md"
}

snip_see_a_finding_2() {
MESHDOCS_CONTENT="$scratch/content" npm run -s lint:fast
}

! IFS=$'\n' read -r -d '' snip_see_a_finding_2_out <<\ENDSNIP
../../tmp/tmp.Xc81bY3nqs/content/en/docs/validate-config/index.md:10:34  spelling  unknown word "tpyo" (suggestions: typo, troy, type, typos); if it is right, add it to .cspell/project-words.txt

lint: 1 error in 1 file (checked 1 Markdown files; 20.6s)
ENDSNIP

snip_see_a_finding_3() {
sed -i 's/tpyo/typo/' "$scratch/content/en/docs/validate-config/index.md"
MESHDOCS_CONTENT="$scratch/content" npm run -s lint:fast
}

! IFS=$'\n' read -r -d '' snip_see_a_finding_3_out <<\ENDSNIP
lint: no problems in 1 Markdown files (18.5s)
ENDSNIP

snip_clean_up_1() {
rm -rf "$scratch"
}

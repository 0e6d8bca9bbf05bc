#!/bin/bash
# shellcheck disable=SC2034,SC2153,SC2155,SC2164

####################################################################################################
# WARNING: THIS IS AN AUTO-GENERATED FILE, DO NOT EDIT. PLEASE MODIFY THE ORIGINAL MARKDOWN FILE:
#          docs/contribute/import-hugo/index.md
####################################################################################################

snip_import_a_small_site_1() {
hugo_site=$(mktemp -d)
mkdir -p "$hugo_site/data" "$hugo_site/content/en/docs/hello"
cp data/args.yml "$hugo_site/data/"
printf '%s\n' '---' 'title: Hello' 'owner: mesh/wg-docs-maintainers' 'test: no' '---' '' \
    'This page runs on mesh {{< istio_version >}}.' '' '{{< tip >}}' 'Greet first.' '{{< /tip >}}' '' \
    '{{< text bash >}}' '$ echo hello' 'hello' '{{< /text >}}' > "$hugo_site/content/en/docs/hello/index.md"
}

snip_import_a_small_site_2() {
npm run -s import:hugo -- "$hugo_site" "$hugo_site-out" | tail -1
}

! IFS=$'\n' read -r -d '' snip_import_a_small_site_2_out <<\ENDSNIP
0 error(s), 0 warning(s)
ENDSNIP

snip_import_a_small_site_3() {
sed -n '9,11p' "$hugo_site-out/content/en/docs/hello/index.md"
}

! IFS=$'\n' read -r -d '' snip_import_a_small_site_3_out <<\ENDSNIP
:::tip
Greet first.
:::
ENDSNIP

snip_import_a_small_site_4() {
grep -c '^```bash$' "$hugo_site-out/content/en/docs/hello/index.md"
}

! IFS=$'\n' read -r -d '' snip_import_a_small_site_4_out <<\ENDSNIP
1
ENDSNIP

snip_clean_up_1() {
rm -rf "$hugo_site" "$hugo_site-out"
}

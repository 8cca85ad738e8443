#!/usr/bin/env bash
# Rebuilds the squashfs test images under src/test/resources/squashfs/ with mksquashfs
# (squashfs-tools 4.5). The trees are generated here, so the images are the only committed
# output besides the *.sha256 manifests the tests compare file contents against.
# Usage: src/test/scripts/make-squashfs-fixtures.sh [output-dir]
set -euo pipefail
umask 022
export LC_ALL=C

here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../resources/squashfs}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

command -v mksquashfs >/dev/null || { echo "mksquashfs not found (apt-get install squashfs-tools)" >&2; exit 1; }

# Fixed owner, times and no xattrs so that reruns produce identical bytes.
repro=(-noappend -all-root -mkfs-time 0 -all-time 0 -no-xattrs -no-progress -quiet -processors 1)

# Compressible text of exactly $1 bytes: cheap to store, yet every line differs within a block.
text() {
  awk -v n="$1" 'BEGIN { s = ""; i = 0; while (length(s) < n) { s = s sprintf("puavo line %d\n", i % 1000); i++ } printf "%s", substr(s, 1, n) }'
}

# $1 = tree root, $2 = block size the big file is laid out for.
make_tree() {
  local root="$1" bs="$2"
  local defs="$root/usr/share/puavo-conf/definitions"
  mkdir -p "$defs" "$root/etc" "$root/usr/lib" "$root/usr/share/many" "$root/var/empty"

  cat >"$defs/10-base.json" <<'JSON'
{
  "puavo.image.automatic_updates": {
    "typehint": "bool",
    "default": "true",
    "description": "Update images automatically"
  },
  "puavo.image.series.urls": {
    "typehint": "json",
    "default": "[]",
    "description": "URLs of the image series meta files"
  }
}
JSON
  cat >"$defs/20-unicode.json" <<'JSON'
{"puavo.l10n.greeting":{"typehint":"string","default":"Hyvää päivää — grüß dich, 日本語, ✓ 🚀","description":"Tab\tquote\" backslash\\ slash/ control\u0001"}}
JSON
  cat >"$defs/30-nested.json" <<'JSON'
{
  "puavo.nested": {
    "typehint": "string",
    "choices": ["a", "b", {"deep": {"deeper": [1, 2.5, -3e2, true, false, null]}}],
    "default": "a",
    "limits": {"min": 0, "max": 12345678901234567890}
  }
}
JSON
  # Byte order puts "Z" before "a" and "ä" last; a locale sort would not.
  printf '{"puavo.zeta":{"default":"Z"}}\n' >"$defs/Zeta.json"
  printf '{"puavo.alpha":{"default":"a"}}' >"$defs/alpha.json"
  printf '{"puavo.umlaut":{"default":"ä"}}\n' >"$defs/ä-umlaut.json"
  # A glob '*.json' skips dot files, non-.json names and backup suffixes.
  printf '{"puavo.hidden":{"default":"no"}}\n' >"$defs/.hidden.json"
  printf 'not json, ignored\n' >"$defs/README"
  printf '{"puavo.backup":{"default":"no"}}\n' >"$defs/40-old.json.bak"
  # A symlinked definition counts, as it would under a mount.
  printf '{"puavo.linked":{"default":"via symlink"}}\n' >"$root/usr/share/puavo-conf/linked-target.json"
  ln -s ../linked-target.json "$defs/35-linked.json"

  printf 'puavo-os-test\n' >"$root/etc/hostname"
  printf 'NAME="Puavo OS"\nVERSION_ID="test"\n' >"$root/usr/lib/os-release"
  ln -s ../usr/lib/os-release "$root/etc/os-release"
  ln -s /usr/share/puavo-conf "$root/puavo-conf-abs"
  ln -s usr "$root/usr-rel"
  ln "$root/etc/hostname" "$root/etc/hostname.hardlink"

  # Block, sparse block, block, then a tail that lands in a fragment.
  { text "$bs"; head -c "$bs" /dev/zero; text "$bs"; text $((bs / 4 + 7)); } >"$root/usr/share/big.txt"
  # Enough entries for several directory headers and an extended (indexed) directory inode.
  for i in $(seq 1 300); do : >"$root/usr/share/many/$(printf 'empty-file-number-%03d' "$i")"; done
}

# The duplicate-key and broken-JSON images carry only the definitions.
make_defs_tree() {
  mkdir -p "$1/usr/share/puavo-conf/definitions"
}

build() {  # $1 = image name, $2 = tree, rest = mksquashfs options
  local name="$1" tree="$2"; shift 2
  rm -f "$out/$name"
  mksquashfs "$tree" "$out/$name" "${repro[@]}" -p 'dev d 755 0 0' -p 'dev/null c 666 0 0 1 3' -p 'run d 755 0 0' -p 'run/fifo i 644 0 0 f' "$@" >/dev/null
  echo "$name: $(stat -c %s "$out/$name") bytes"
}

manifest() {  # $1 = tree, $2 = manifest file: "sha256  path" of every non-empty regular file
  (cd "$1" && find . -type f -size +0 -printf '%P\n' | sort | while IFS= read -r f; do sha256sum -- "$f"; done) >"$2"
}

make_tree "$work/main" 131072
manifest "$work/main" "$out/main-tree.sha256"
for comp in gzip lzo lz4 xz zstd; do
  build "$comp.sqsh" "$work/main" -comp "$comp"
done
make_tree "$work/small" 4096
manifest "$work/small" "$out/small-tree.sha256"
build "uncompressed-b4096.sqsh" "$work/small" -b 4096 -noI -noD -noF
build "gzip-b4096.sqsh" "$work/small" -b 4096 -comp gzip

make_defs_tree "$work/dup"
printf '{"puavo.one":{"default":"1"},"puavo.twice":{"default":"first"}}\n' >"$work/dup/usr/share/puavo-conf/definitions/10-first.json"
printf '{"puavo.twice":{"default":"second"}}\n' >"$work/dup/usr/share/puavo-conf/definitions/20-second.json"
build "duplicate-key.sqsh" "$work/dup" -comp gzip

make_defs_tree "$work/broken"
printf '{"puavo.ok":{"default":"1"}}\n' >"$work/broken/usr/share/puavo-conf/definitions/10-ok.json"
printf '{"puavo.broken":{"default": }\n' >"$work/broken/usr/share/puavo-conf/definitions/20-broken.json"
build "broken-json.sqsh" "$work/broken" -comp gzip

mkdir -p "$work/nodefs/etc"
printf 'no puavo-conf here\n' >"$work/nodefs/etc/hostname"
build "no-definitions.sqsh" "$work/nodefs" -comp gzip

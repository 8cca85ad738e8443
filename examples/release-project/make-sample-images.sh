#!/bin/sh
# Writes four small stand-ins for Puavo OS images (about 250 KB each) into DIR, by default
# images/ next to this script: successive builds of one series, each changing a few hundred
# lines of the one before, so the rdiffs between them are small. Same bytes on every run.
# Real images are squashfs; these are not, so the mirror warns that puavo-conf stays empty.
set -eu

dir=${1:-$(dirname "$0")/images}
prefix=puavo-os-example-bookworm
mkdir -p "$dir"

prev=
build=0
for stamp in 2024-04-25-101500 2024-05-02-101500 2024-05-09-101500 2024-05-16-101500; do
    build=$((build + 1))
    img=$dir/$prefix-$stamp-amd64.img
    if [ -z "$prev" ]; then
        seq -f 'puavo-os sample image block %06g' 1 7000 >"$img.tmp"
    else
        sed "s/block 00${build}[0-4]/block changed in build $build/" "$prev" >"$img.tmp"
        echo "build $stamp" >>"$img.tmp"
    fi
    # Renamed only when complete: the mirror never sees a half-written image.
    mv "$img.tmp" "$img"
    prev=$img
done
ls -l "$dir"

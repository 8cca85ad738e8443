#!/usr/bin/env bash
# Measures every speed target of the project against rdiff in one run, and prints medians and ratios:
#   1. a 1 GiB generated pair at -b 128 (run-side-by-side.sh): rdiff signature, delta and patch
#      against the Java and native engines, and the one-step diff against rdiff signature + delta;
#   2. a whole mirror of a 5-image series (run-mirror-vs-upstream.sh) against upstream's pipeline;
#   3. with --scale: the one-step diff of an 8 GiB pair in -Xmx2g against that of the 1 GiB pair;
#   4. with --squashfs: rdiff signature + delta against the one-step diff on lzo squashfs images of a
#      seeded tree (SquashfsPair, --squashfs-size of tree, 512M by default): the old image against
#      itself, and against updates with 5% and 20% of the files changed (rdiff/image 4.7% and 9.2% for
#      a 512M tree); then the in-process cost per literal byte (LiteralCost) on the old image.
#      Every step's line has its CPU-seconds and the load average before it.
# Inputs are generated (seeded) into --work; the jars are built first when missing. Each part runs its
# participants in turn, rotating who goes first, and compares every output with cmp.
#
# Usage: benchmarks/run.sh [--work DIR] [--rounds N] [--mirror-size MIB] [--scale [--scale-work DIR]]
#                         [--squashfs [--squashfs-size SIZE]]
# The 8 GiB pair needs 16 GiB free in --scale-work (default /tmp/puavo-bench-scale: on disk, not in RAM).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=/tmp/puavo-bench rounds=3 mirror_size=256 scale=0 scale_work=/tmp/puavo-bench-scale squashfs=0 squashfs_size=512M
while [ $# -gt 0 ]; do
  case "$1" in
    --work) work=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --mirror-size) mirror_size=$2; shift 2 ;;
    --scale) scale=1; shift ;;
    --scale-work) scale_work=$2; shift 2 ;;
    --squashfs) squashfs=1; shift ;;
    --squashfs-size) squashfs_size=$2; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v rdiff >/dev/null || { echo "run.sh: rdiff is not installed (Debian: apt-get install rdiff)" >&2; exit 2; }
if [ ! -f "$root/cli/target/puavo-mirror.jar" ] || [ ! -f "$root/benchmarks/target/benchmarks.jar" ]; then
  (cd "$root" && ./mvnw -B -q install -DskipTests)
fi
mkdir -p "$work"
sbs() { "$root/benchmarks/run-side-by-side.sh" "$@"; }

echo "== 1. rdiff steps and the one-step diff, 1 GiB pair =="
sbs --size=1G --blocks=128 --engine=java,native --rounds="$rounds" --work="$work/pair-1g"

echo
echo "== 2. a whole mirror against upstream's rdiff pipeline =="
"$root/benchmarks/run-mirror-vs-upstream.sh" --size "$mirror_size" --rounds "$rounds" --work "$work/mirror"

if [ "$scale" = 1 ]; then
  echo
  echo "== 3. scale: one-step diff of 8 GiB against 1 GiB, both in -Xmx2g =="
  diff_time() { awk '/^diff \(\*\)/ {print $5}' "$1"; }
  sbs --size=1G --blocks=128 --engine=java --ops=diff --java-opts=-Xmx2g --rounds="$rounds" \
    --work="$scale_work/pair-1g" > "$work/scale-1g.txt"
  sbs --size=8G --blocks=128 --engine=java --ops=diff --java-opts=-Xmx2g --rounds="$rounds" \
    --work="$scale_work/pair-8g" > "$work/scale-8g.txt"
  t1=$(diff_time "$work/scale-1g.txt") t8=$(diff_time "$work/scale-8g.txt")
  rss8=$(awk '/^diff \(\*\)/ {print $7}' "$work/scale-8g.txt")
  printf '1 GiB %.3f s, 8 GiB %.3f s (peak RSS %s MiB): %.2fx the time for 8x the data (linear within 10%%: <= 8.8x)\n' \
    "$t1" "$t8" "$rss8" "$(echo "$t8 / $t1" | bc -l)"
fi

if [ "$squashfs" = 1 ]; then
  command -v mksquashfs >/dev/null || { echo "run.sh: mksquashfs is not installed (Debian: squashfs-tools)" >&2; exit 2; }
  bench() { java -cp "$root/benchmarks/target/benchmarks.jar" "io.github.puavomirror.benchmarks.$1" "${@:2}"; }
  for change in 0.05 0.2; do
    bench SquashfsPair --work="$work/squashfs-$change" --size="$squashfs_size" --change="$change"
  done
  old=$work/squashfs-0.05/old.squashfs
  echo
  echo "== 4. squashfs images, -b 128: identical images =="
  sbs --blocks=128 --engine=java --ops=signature,delta,diff --rounds="$rounds" --work="$work/squashfs-same" \
    --old="$old" --new="$old"
  for change in 0.05 0.2; do
    echo
    echo "== 4. squashfs images, -b 128: $change of the files changed =="
    sbs --blocks=128 --engine=java --ops=signature,delta,diff --rounds="$rounds" --work="$work/squashfs-$change/b" \
      --old="$old" --new="$work/squashfs-$change/new.squashfs"
  done
  echo
  echo "== 4. cost per literal byte, in-process, basis $old =="
  bench LiteralCost --basis="$old" --work="$work" --rounds=7
fi

#!/usr/bin/env bash
# Times a whole mirror build of one image series both ways, in one run, on the same files:
#   upstream: what puavo-os `make rdiffs` does (bookworm): `rdiff --block-size=128 signature` per
#             source, `rdiff --block-size=128 delta` per pair (every image -> each of the newest 3),
#             and `cksum`, `sha256sum`, `sha512sum` of every image and rdiff, at -j JOBS;
#   ours:     `bin/puavo-mirror update-repository -j JOBS` (rdiffs checked before publishing),
#             and once more with --no-verify-rdiffs, which is what upstream does.
# The three run in turn, the one going first rotating between rounds. Then it checks that every
# rdiff is byte-identical, and prints the median times and the ratios.
#
# Usage: benchmarks/run-mirror-vs-upstream.sh [--images N] [--size BYTES_MIB] [--jobs J] [--rounds R] [--work DIR]
#        [--squashfs CHANGE]   (lzo squashfs images of a SIZE MiB tree, CHANGE of the files changed per update)
# Needs rdiff, coreutils, python3 (make-image-series.sh generates the images) and the CLI jar (./mvnw -B -q package -DskipTests).
set -euo pipefail
images=5 size_mib=256 jobs=2 rounds=3 work=/tmp/puavo-mirror-bench squashfs=
while [ $# -gt 0 ]; do
  case "$1" in
    --images) images=$2; shift 2 ;;
    --size) size_mib=$2; shift 2 ;;
    --squashfs) squashfs=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$root/cli/target/puavo-mirror.jar" ] || { echo "build the CLI first: ./mvnw -B -q package -DskipTests" >&2; exit 2; }
prefix=puavo-os-bench-bookworm
"$root/benchmarks/make-image-series.sh" "$work/images" "$images" "$size_mib" "$prefix" ${squashfs:+"$squashfs"}
mapfile -t imgs < <(ls "$work/images"/$prefix-*.img | sort)
n=${#imgs[@]}

pairs="$work/pairs.txt"; : > "$pairs"
for ((t = n > 3 ? n - 3 : 0; t < n; t++)); do
  for ((s = 0; s < n; s++)); do
    [ $s -eq $t ] && continue
    src=$(basename "${imgs[$s]}" .img); dst=$(basename "${imgs[$t]}" .img)
    stamp_s=$(echo "$src" | sed -E 's/.*-([0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{6})-amd64$/\1/')
    stamp_d=$(echo "$dst" | sed -E 's/.*-([0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{6})-amd64$/\1/')
    echo "${imgs[$s]} ${imgs[$t]} $prefix-$stamp_s--$stamp_d-amd64.rdiff" >> "$pairs"
  done
done

seconds() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc; }

# Upstream pipeline.
run_upstream() {
  local up="$work/upstream" a b
  rm -rf "$up"; mkdir -p "$up/rdiffs" "$up/.signatures" "$up/.checksums"
  sync
  a=$(seconds)
  printf '%s\n' "${imgs[@]}" | xargs -P "$jobs" -I{} sh -c \
    'rdiff --block-size=128 signature "$1" "$2/.signatures/$(basename "$1").rdiff_signature"
     for c in cksum sha256sum sha512sum; do $c "$1" > "$2/.checksums/$(basename "$1").$c"; done' _ {} "$up"
  xargs -P "$jobs" -L 1 sh -c \
    'rdiff --block-size=128 delta "$3/.signatures/$(basename "$1").rdiff_signature" "$2" "$3/rdiffs/$4"
     for c in cksum sha256sum sha512sum; do $c "$3/rdiffs/$4" > "$3/.checksums/$4.$c"; done' _ \
    < <(sed "s|\$| $up|" "$pairs" | awk '{print $1, $2, $4, $3}')
  b=$(seconds)
  elapsed "$a" "$b"
}

run_ours() {
  local mirror="$work/ours-$1" a b; shift
  rm -rf "$mirror"
  sync
  a=$(seconds)
  # Generated images are not squashfs: the warnings about it go to a log, shown only if the run fails.
  "$root/bin/puavo-mirror" update-repository -j "$jobs" --progress=none "$@" "$work/images" "$mirror" \
    > /dev/null 2> "$mirror.log" || { cat "$mirror.log" >&2; exit 1; }
  b=$(seconds)
  elapsed "$a" "$b"
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

t_up=() t_ver=() t_unv=()
for ((r = 0; r < rounds; r++)); do
  for ((k = 0; k < 3; k++)); do
    case $(( (r + k) % 3 )) in
      0) t_up+=("$(run_upstream)") ;;
      1) t_ver+=("$(run_ours verified)") ;;
      2) t_unv+=("$(run_ours unverified --no-verify-rdiffs)") ;;
    esac
  done
  printf 'round %d: upstream %.2f s, ours %.2f s, ours unverified %.2f s\n' $((r + 1)) "${t_up[r]}" "${t_ver[r]}" "${t_unv[r]}"
done
upstream=$(median "${t_up[@]}")
ours_verified=$(median "${t_ver[@]}")
ours_unverified=$(median "${t_unv[@]}")
up="$work/upstream"

same=0
while read -r _ _ name; do
  cmp -s "$up/rdiffs/$name" "$work/ours-verified/rdiffs/$name" && same=$((same + 1))
done < "$pairs"
total=$(wc -l < "$pairs")

printf '\n%d images of %d MiB, %d rdiffs, -j %d, medians of %d rounds (times include checksums of every file)\n' \
  "$n" "$size_mib" "$total" "$jobs" "$rounds"
printf '%-44s %8.2f s\n' "upstream: rdiff signature + delta, coreutils" "$upstream"
printf '%-44s %8.2f s  %5.1fx faster\n' "puavo-mirror update-repository" "$ours_verified" "$(echo "$upstream / $ours_verified" | bc -l)"
printf '%-44s %8.2f s  %5.1fx faster\n' "puavo-mirror ... --no-verify-rdiffs" "$ours_unverified" "$(echo "$upstream / $ours_unverified" | bc -l)"
printf 'byte-identical rdiffs: %d of %d\n' "$same" "$total"
[ "$same" -eq "$total" ]

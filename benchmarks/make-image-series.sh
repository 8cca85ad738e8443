#!/usr/bin/env bash
# Writes a seeded series of COUNT stand-in images of SIZE_MIB MiB into DIR, named
# PREFIX-2024-01-DD-120000-amd64.img, for the mirror benchmarks: each image is the previous one
# with 100 overwrites of 1 KiB and 20 inserts, like successive builds. Images already there with
# the right size are kept, so a second run of a benchmark does not write them again.
#
# With a fifth argument, the share of files each update changes, the images are real lzo squashfs
# images of a seeded tree of SIZE_MIB MiB instead (SquashfsPair --series: about 60% of that packed;
# needs mksquashfs and the benchmarks jar).
#
# Usage: benchmarks/make-image-series.sh DIR COUNT SIZE_MIB PREFIX [CHANGE]   (needs python3)
set -euo pipefail
[ $# -eq 4 ] || [ $# -eq 5 ] || { echo "usage: $0 DIR COUNT SIZE_MIB PREFIX [CHANGE]" >&2; exit 2; }
mkdir -p "$1"
if [ $# -eq 5 ]; then
  jar="$(cd "$(dirname "$0")" && pwd)/target/benchmarks.jar"
  [ -f "$jar" ] || { echo "$0: $jar is missing; build the benchmarks module first" >&2; exit 2; }
  exec java -cp "$jar" io.github.puavomirror.benchmarks.SquashfsPair --work="$1" --series="$2" \
    --size="${3}M" --prefix="$4" --change="$5"
fi
python3 - "$@" <<'PY'
import os, random, sys
out, count, size, prefix = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) << 20, sys.argv[4]
rng = random.Random(20240101)
data = None
for i in range(count):
    name = os.path.join(out, "%s-2024-01-%02d-120000-amd64.img" % (prefix, i + 1))
    if data is None:
        data = bytearray()
        while len(data) < size:
            data += rng.randbytes(min(1 << 20, size - len(data)))
    else:
        for _ in range(100):
            p = rng.randrange(len(data) - 1024)
            data[p:p + 1024] = rng.randbytes(1024)
        for _ in range(20):
            p = rng.randrange(len(data))
            data[p:p] = rng.randbytes(rng.randrange(1, 5000))
    if not os.path.exists(name) or os.path.getsize(name) != len(data):
        with open(name, "wb") as f:
            f.write(data)
PY

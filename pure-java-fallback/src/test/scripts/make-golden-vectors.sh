#!/usr/bin/env bash
# Regenerates src/test/resources/golden/ with rdiff 2.3.2: deterministic inputs (a SplitMix64
# stream in python3, so the bytes never depend on the Python or OS version), then rdiff's
# signature and delta for each. RdiffCompatibilitySuite checks an engine against these files.
#
# Layout: golden/<case>/{old,new,args,sig,delta} and golden/CASES ("<case> <file|pipe>" per line;
# "pipe" means the signature was made from stdin, so librsync saw an unknown basis size).
#
# Usage: src/test/scripts/make-golden-vectors.sh   (RDIFF=/path/to/rdiff to pick another binary)
set -euo pipefail

RDIFF="${RDIFF:-rdiff}"
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../resources/golden"

version="$("$RDIFF" --version | head -n 1)"
case "$version" in
  *"librsync 2.3.2"*) ;;
  *) echo "need rdiff from librsync 2.3.2, found: $version" >&2; exit 1 ;;
esac

rm -rf "$out"
mkdir -p "$out"

# Writes old/new/args/source for every case; the shell below runs rdiff on them.
python3 - "$out" <<'PY'
import os
import sys

out = sys.argv[1]
MASK = (1 << 64) - 1


class SplitMix64:
    """Fixed, documented generator: golden inputs must be identical on every re-run."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next64(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next64() % n

    def data(self, n):
        b = bytearray()
        while len(b) < n:
            b += self.next64().to_bytes(8, "little")
        return bytes(b[:n])

    def alphabet(self, n, symbols):
        return bytes(symbols[self.below(len(symbols))] for _ in range(n))


def similar(seed, old, edits, alphabet=None):
    """Applies `edits` random inserts/deletes/overwrites/duplications to old."""
    r = SplitMix64(seed)
    new = bytearray(old)

    def fresh(n):
        return r.alphabet(n, alphabet) if alphabet else r.data(n)

    for _ in range(edits):
        kind = r.below(5)
        pos = r.below(len(new) + 1)
        n = 1 + r.below(max(1, min(300, len(new) // 8 + 1)))
        if kind == 0:
            new[pos:pos] = fresh(n)
        elif kind == 1:
            del new[pos:pos + n]
        elif kind == 2:
            new[pos:pos + n] = fresh(min(n, len(new) - pos))
        elif kind == 3 and old:
            src = r.below(len(old))
            new[pos:pos] = old[src:src + n]
        else:
            new[pos:pos] = bytes(n)
    return bytes(new)


cases = []


def case(name, old, new, args="", source="file"):
    d = os.path.join(out, name)
    os.makedirs(d)
    for fname, content in (("old", old), ("new", new)):
        with open(os.path.join(d, fname), "wb") as f:
            f.write(content)
    with open(os.path.join(d, "args"), "w") as f:
        f.write(args + "\n")
    cases.append((name, source))


# docs/matching.md §8, repeated blocks: four identical blocks, new has an insert and a tail; rdiff defaults.
ex1 = bytes(range(256)) * 4
case("spec-example1-repeated-blocks", ex1, ex1[:512] + b"XYZ" + ex1[512:] + b"tail")
case("repeated-blocks-md4-rollsum", ex1, ex1[:512] + b"XYZ" + ex1[512:] + b"tail",
     "-H md4 -R rollsum -S 8")

# docs/rdiff-formats.md §4: the default and MD4/rollsum signatures of "abc".
case("spec-abc-default", b"abc", b"xabcabc", "-b 256")
case("spec-abc-md4-rollsum", b"abc", b"abcab", "-R rollsum -H md4")

# Every magic, same data and block/strong lengths.
base = SplitMix64(1).data(1500)
changed = similar(2, base, 6)
for h in ("md4", "blake2"):
    for rs in ("rollsum", "rabinkarp"):
        case("magic-%s-%s" % (h, rs), base, changed, "-b 128 -S 8 -H %s -R %s" % (h, rs))

# Strong lengths: 0 is the maximum, -1 the size-derived minimum.
s_old = SplitMix64(3).data(1200)
s_new = similar(4, s_old, 5)
case("strong-0-blake2", s_old, s_new, "-b 64 -S 0")
case("strong-0-md4", s_old, s_new, "-b 64 -S 0 -H md4")
case("strong-min-rabinkarp", s_old, s_new, "-b 64 -S -1")
case("strong-min-md4-rollsum", s_old, s_new, "-b 64 -S -1 -H md4 -R rollsum")
case("strong-1", s_old, s_new, "-b 64 -S 1")
case("strong-8", s_old, s_new, "-b 64 -S 8 -R rollsum")
case("strong-16-md4", s_old, s_new, "-b 64 -S 16 -H md4")
case("strong-32-blake2", s_old, s_new, "-b 64 -S 32 -H blake2")

# Block lengths, from one byte to 2048, plus the size-derived defaults.
b1 = SplitMix64(5).alphabet(300, b"abcdefgh")
case("block-1", b1, similar(6, b1, 8, b"abcdefgh"), "-b 1 -S 4")
b2 = SplitMix64(7).alphabet(600, b"abcd")
case("block-2", b2, similar(8, b2, 8, b"abcd"), "-b 2 -S 3 -R rollsum")
b128 = SplitMix64(9).data(4000)
case("block-128", b128, similar(10, b128, 8), "-b 128 -S 12")
b256 = SplitMix64(11).data(3000)
case("block-256", b256, similar(12, b256, 8), "-b 256")
b2048 = SplitMix64(13).data(7000)
# Edits placed so that whole 2048-byte blocks survive and copies merge across them.
case("block-2048", b2048, b2048[:2048] + b"inserted" + b2048[2048:6144] + b2048[100:400] + b2048[6144:],
     "-b 2048 -S 16 -H md4")
small_default = SplitMix64(15).data(3000)
case("block-default-small", small_default, similar(16, small_default, 5), "-S 8")
# Over 64 KiB the recommended block is isqrt(size) & ~127 (here 256). new is built from slices
# of old, so the case stays small.
big = SplitMix64(17).data(70001)
r = SplitMix64(18)
big_new = bytearray()
for _ in range(12):
    start = r.below(len(big) - 1000)
    big_new += big[start:start + 300 + r.below(700)] + r.data(r.below(40))
big_new += big[-555:]
case("block-default-sqrt", big, bytes(big_new), "-S -1")

# Empty files; an empty old gives a "slack" delta of block_len-sized literals.
slack_new = SplitMix64(19).data(600)
case("empty-old-slack-default", b"", slack_new)
case("empty-old-slack-b100", b"", SplitMix64(20).data(250), "-b 100")
case("empty-old-slack-b1", b"", SplitMix64(21).data(20), "-b 1 -S 1")
case("empty-old-slack-b2048", b"", SplitMix64(22).data(5000), "-b 2048 -H md4 -R rollsum")
case("empty-new", SplitMix64(23).data(1000), b"", "-b 128")
case("empty-both", b"", b"")

# Short files and block multiples: tail windows, short last blocks, merged copies.
short_old = SplitMix64(24).data(100)
case("old-shorter-than-block", short_old, SplitMix64(25).data(50) + short_old, "-b 256")
tail_old = SplitMix64(26).data(2000)
# The shrinking tail window of new finds old's short last block (2000 = 7 * 256 + 208).
case("new-shorter-than-block", tail_old, b"xy" + tail_old[-208:], "-b 256 -S 8")
mult = SplitMix64(27).data(1024)
case("exact-multiple", mult, mult[768:] + mult[256:512] + mult[0:256], "-b 256 -S 8")
short_last = SplitMix64(28).data(1000)
# The short last block (232 bytes) only matches in tail mode: at the end of new it merges into
# the preceding copy, in the middle of new it cannot match a full-length window.
case("short-last-block-merge", short_last, SplitMix64(29).data(30) + short_last[256:], "-b 256 -S 8 -R rollsum")
case("short-last-block-mid-file", short_last, SplitMix64(29).data(30) + short_last[256:] + short_last[:256],
     "-b 256 -S 8 -R rollsum")
case("identical", b256, b256, "-b 512")
case("unrelated", SplitMix64(30).data(1500), SplitMix64(31).data(1500), "-b 128 -S 4")
case("block-larger-than-file", short_last[:500], b"!!" + short_last[:500], "-b 2048")
zeros_old = bytes(1000) + SplitMix64(32).data(300) + bytes(700)
case("zero-runs", zeros_old, bytes(300) + zeros_old[1000:1300] + bytes(1200), "-b 64 -S 4")

# Weak-sum collisions: tiny alphabets, small blocks and 1-2 byte strong sums.
c_ab = SplitMix64(33).alphabet(2000, b"ab")
case("collision-rabinkarp-S1", c_ab, similar(34, c_ab, 10, b"ab"), "-b 3 -S 1")
case("collision-rollsum-S1", c_ab, similar(35, c_ab, 10, b"ab"), "-b 4 -S 1 -R rollsum")
c_abc = SplitMix64(36).alphabet(1500, b"abc")
case("collision-rollsum-md4-S2-b2", c_abc, similar(37, c_abc, 10, b"abc"), "-b 2 -S 2 -H md4 -R rollsum")
case("collision-rabinkarp-md4-S1-b8", c_abc, similar(38, c_abc, 10, b"abc"), "-b 8 -S 1 -H md4")

# docs/matching.md §8, the long literal, scaled down: a literal run over 32768 bytes is split at 32768.
lit_old = SplitMix64(39).data(2000)
case("literal-run-over-32k", lit_old, lit_old[:1000] + SplitMix64(40).data(33000) + lit_old[-900:])

# Signatures from a pipe: unknown size, so block 2048 and a minimum strong length of 12.
pipe_old = SplitMix64(41).data(6000)
case("pipe-default", pipe_old, pipe_old[:4096] + b"zz" + pipe_old[4096:], "", "pipe")
case("pipe-min-strong", pipe_old[:3000], b"q" + pipe_old[:3000], "-S -1 -R rollsum", "pipe")

with open(os.path.join(out, "CASES"), "w") as f:
    f.write("# <case> <file|pipe>: generated by src/test/scripts/make-golden-vectors.sh\n")
    for name, source in cases:
        f.write("%s %s\n" % (name, source))
PY

grep -v '^#' "$out/CASES" | while read -r name source; do
  d="$out/$name"
  read -r -a args < "$d/args" || true
  if [ "$source" = pipe ]; then
    cat "$d/old" | "$RDIFF" -f "${args[@]}" signature - "$d/sig"
  else
    "$RDIFF" -f "${args[@]}" signature "$d/old" "$d/sig"
  fi
  "$RDIFF" -f delta "$d/sig" "$d/new" "$d/delta"
  # Sanity: rdiff itself must restore new from the delta.
  "$RDIFF" patch "$d/old" "$d/delta" - | cmp -s - "$d/new" || { echo "patch mismatch in $name" >&2; exit 1; }
done

total="$(find "$out" -type f -printf '%s\n' | awk '{s += $1} END {print s}')"
echo "golden vectors: $(grep -vc '^#' "$out/CASES") cases, $total bytes of files in $out"

#!/bin/sh
# Times rdiff against the puavo-mirror engines on a generated pair; see SideBySide's javadoc.
# Usage: benchmarks/run-side-by-side.sh [--size=1G] [--work=/tmp/puavo-bench] [--rounds=3]
#        [--seed=1] [--blocks=128,default] [--engine=java[,native]] [--java-mode=auto|cli|jvm|inprocess]
# Build first: ./mvnw -B -o -q install -DskipTests -pl pure-java-fallback && ./mvnw -B -o -q -pl benchmarks verify
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/benchmarks/target/benchmarks.jar"
if [ ! -f "$jar" ]; then
    echo "run-side-by-side.sh: $jar is missing; build the benchmarks module first" >&2
    exit 2
fi
# Relative defaults (bin/puavo-mirror) are resolved against the repository root.
cd "$root"
exec java -cp "$jar" io.github.puavomirror.benchmarks.SideBySide "$@"

#!/usr/bin/env bash
# Issue 16's target: the Maven plugin's own time within 10% of the CLI's. Publishes one generated
# series (make-image-series.sh, as run-mirror-vs-upstream.sh does) both ways, at -j JOBS, into fresh
# mirror folders, alternating who goes first each round:
#   plugin: `mvn -o puavo:mirror` on a tiny generated pom, resolving the plugin from a private local
#           repository into which this script installs the plugin just built;
#   CLI:    `bin/puavo-mirror update-repository`.
# Each round prints the job's own time from each front end's closing line (the CLI's `time:`, the
# goal's `Mirror …: … in 5.3 s`), which leaves out the start of the JVM and of Maven, and the wall
# time of each command; then the median and range of the plugin/CLI ratio of the job's own times.
# Both mirrors must be byte-identical (diff -r, leaving out the job's state folder .puavo-mirror).
# --jvm-config says whether Maven's JVM gets examples/release-project/.mvn/jvm.config (the
# launcher's JIT options): yes, no, or both (default: both, one series of rounds each).
#
# Usage: benchmarks/run-plugin-vs-cli.sh [--rounds N] [--jvm-config yes|no|both] [--images N] [--size MIB]
#                                        [--jobs J] [--work DIR] [--rebuild] [--squashfs CHANGE]
# Needs python3, the pinned Maven (./mvnw fetches it) and a build of the repository in ~/.m2 (the
# plugin's build runs offline from there). The jars are built when missing, or with --rebuild.
set -euo pipefail
rounds=5 jvm_config=both images=5 size_mib=256 jobs=2 work=/tmp/puavo-plugin-vs-cli rebuild=0 squashfs=
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds=$2; shift 2 ;;
    --rounds=*) rounds=${1#*=}; shift ;;
    --jvm-config) jvm_config=$2; shift 2 ;;
    --jvm-config=*) jvm_config=${1#*=}; shift ;;
    --images) images=$2; shift 2 ;;
    --size) size_mib=$2; shift 2 ;;
    --squashfs) squashfs=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --rebuild) rebuild=1; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "run-plugin-vs-cli.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case $jvm_config in
  yes|no) modes=$jvm_config ;;
  both) modes="no yes" ;;
  *) echo "run-plugin-vs-cli.sh: --jvm-config takes yes, no or both" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/.." && pwd)
version=$(sed -n '/<parent>/,/<\/parent>/d; s|^  <version>\(.*\)</version>|\1|p' "$root/pom.xml" | head -1)
plugin_jar=$root/maven-plugin/target/puavo-maven-plugin-$version.jar
if [ "$rebuild" = 1 ] || [ ! -f "$root/cli/target/puavo-mirror.jar" ] || [ ! -f "$plugin_jar" ]; then
  (cd "$root" && ./mvnw -B -q -o package -DskipTests -pl cli,maven-plugin -am)
fi
# The pinned Maven itself: ./mvnw always builds the repository root (as examples/release-project/run.sh).
mvn=$("$root/mvnw" --version | sed -n 's/^Maven home: //p')/bin/mvn
repo=$work/m2
mkdir -p "$work"

# The private repository gets the plugin and this build's modules it needs; everything else (Maven's
# own plugins, the plugin's third-party dependencies) is read from ~/.m2 as a read-only tail.
m2() { "$mvn" -B -o -Dmaven.repo.local="$repo" -Dmaven.repo.local.tail="$HOME/.m2/repository" "$@"; }
echo "installing puavo-maven-plugin $version into $repo"
(cd "$root" && m2 -q install -DskipTests -pl maven-plugin -am)

prefix=puavo-os-bench-bookworm
"$root/benchmarks/make-image-series.sh" "$work/images" "$images" "$size_mib" "$prefix" ${squashfs:+"$squashfs"}

# One project folder per mode: mvn reads .mvn/jvm.config from the folder of the pom it builds.
for mode in $modes; do
  project=$work/project-jvm-config-$mode
  mkdir -p "$project/.mvn"
  rm -f "$project/.mvn/jvm.config"
  [ "$mode" = no ] || cp "$root/examples/release-project/.mvn/jvm.config" "$project/.mvn/jvm.config"
  cat > "$project/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>org.example.puavo</groupId>
  <artifactId>plugin-vs-cli</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <build>
    <plugins>
      <plugin>
        <groupId>io.github.puavomirror</groupId>
        <artifactId>puavo-maven-plugin</artifactId>
        <version>$version</version>
        <configuration>
          <imageDirectory>$work/images</imageDirectory>
          <mirrorDirectory>\${mirror.dir}</mirrorDirectory>
          <jobs>$jobs</jobs>
          <progress>none</progress>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
POM
done

seconds() { date +%s.%N; }
# A duration as the core prints it (5.3 s, 2 min 05 s, 1 h 02 min) in seconds.
to_seconds() {
  awk '{ t = 0; for (i = 1; i < NF; i += 2) t += $i * ($(i + 1) == "h" ? 3600 : $(i + 1) == "min" ? 60 : 1); print t }' <<< "$1"
}

# Each run prints "JOB_SECONDS WALL_SECONDS"; its output goes to a log shown only if it fails.
run_plugin() {
  local mode=$1 mirror=$work/mirror-plugin log=$work/plugin.log a b job
  rm -rf "$mirror"
  sync
  a=$(seconds)
  # MAVEN_OPTS is cleared so that only the mode decides Maven's JVM options.
  (cd "$work/project-jvm-config-$mode" && MAVEN_OPTS= m2 puavo:mirror -Dmirror.dir="$mirror") > "$log" 2>&1 \
    || { cat "$log" >&2; exit 1; }
  b=$(seconds)
  job=$(sed -n 's/^\[INFO\] Mirror .* wrote [0-9]* files in \(.*\); rdiffs save clients .*/\1/p' "$log")
  [ -n "$job" ] || { cat "$log" >&2; echo "no closing line with the job's time in the plugin's log" >&2; exit 1; }
  echo "$(to_seconds "$job") $(echo "$b - $a" | bc)"
}

run_cli() {
  local mirror=$work/mirror-cli log=$work/cli.log a b job
  rm -rf "$mirror"
  sync
  a=$(seconds)
  PUAVO_MIRROR_JAVA_OPTS= "$root/bin/puavo-mirror" update-repository -j "$jobs" --progress=none \
    "$work/images" "$mirror" > "$log" 2>&1 || { cat "$log" >&2; exit 1; }
  b=$(seconds)
  job=$(sed -n 's/^time: *//p' "$log")
  [ -n "$job" ] || { cat "$log" >&2; echo "no time: line in the CLI's output" >&2; exit 1; }
  echo "$(to_seconds "$job") $(echo "$b - $a" | bc)"
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "$images images of $size_mib MiB, -j $jobs, $rounds rounds per mode; times: job's own (wall)"
summary=()
for mode in $modes; do
  echo
  echo "== Maven with$([ "$mode" = yes ] || echo "out") examples/release-project/.mvn/jvm.config =="
  ratios=() plugin_jobs=() cli_jobs=()
  for ((r = 1; r <= rounds; r++)); do
    if ((r % 2)); then
      plugin=$(run_plugin "$mode"); cli=$(run_cli)
    else
      cli=$(run_cli); plugin=$(run_plugin "$mode")
    fi
    read -r pj pw <<< "$plugin"
    read -r cj cw <<< "$cli"
    diff -r --exclude=.puavo-mirror "$work/mirror-plugin" "$work/mirror-cli" > /dev/null \
      || { echo "round $r: the plugin's and the CLI's mirrors differ" >&2; exit 1; }
    ratio=$(echo "$pj / $cj" | bc -l)
    ratios+=("$ratio") plugin_jobs+=("$pj") cli_jobs+=("$cj")
    printf 'round %d: plugin %.1f s (%.2f s), CLI %.1f s (%.2f s), plugin/CLI %.3f, mirrors identical\n' \
      "$r" "$pj" "$pw" "$cj" "$cw" "$ratio"
  done
  lowest=$(printf '%s\n' "${ratios[@]}" | sort -g | head -1)
  highest=$(printf '%s\n' "${ratios[@]}" | sort -g | tail -1)
  line=$(printf 'jvm.config %-3s: plugin/CLI job time median %.3f, range %.3f-%.3f (medians: plugin %.1f s, CLI %.1f s)' \
    "$mode" "$(median "${ratios[@]}")" "$lowest" "$highest" "$(median "${plugin_jobs[@]}")" "$(median "${cli_jobs[@]}")")
  summary+=("$line")
done
echo
printf '%s\n' "${summary[@]}"

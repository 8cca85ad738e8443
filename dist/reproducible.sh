#!/usr/bin/env bash
# Checks that the build is reproducible: builds the published modules and the packages again from
# clean (-DskipTests) and compares every jar, the release archive and the .deb byte for byte with
# the build already in the target folders (made first when missing). The start-up archive
# (cli/target/puavo-mirror.jsa) belongs to the JDK that made it and is left out.
set -euo pipefail
cd "$(dirname "$0")/.."
modules=pure-java-fallback,native-bridge,mirror-core,cli,maven-plugin,dist

checksums() {
    find pure-java-fallback/target native-bridge/target mirror-core/target cli/target maven-plugin/target dist/target \
        -maxdepth 1 -type f \( -name '*.jar' -o -name '*.tar.gz' -o -name '*.deb' -o -name 'bom.json' \) \
        -print0 | sort -z | xargs -0 sha256sum
}

if ! ls cli/target/puavo-mirror.jar maven-plugin/target/*.jar dist/target/puavo-mirror_*_all.deb >/dev/null 2>&1; then
    ./mvnw -B -q clean package -DskipTests -pl "$modules" -am
fi
first=$(mktemp)
second=$(mktemp)
trap 'rm -f "$first" "$second"' EXIT
checksums >"$first"
./mvnw -B -q clean package -DskipTests -pl "$modules" -am
checksums >"$second"
if ! diff -u "$first" "$second"; then
    echo "reproducible: the second build differs (above: - first, + second)" >&2
    exit 1
fi
echo "reproducible: $(wc -l <"$second") files byte-identical across two builds"

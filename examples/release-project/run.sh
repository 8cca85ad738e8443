#!/bin/sh
# Runs Maven on this example with the given arguments (default: -B verify), making the sample
# images first if images/ is missing. The repository's mvnw always builds the repository root,
# so this asks it where its pinned Maven is and runs that Maven here.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
[ -d "$here/images" ] || "$here/make-sample-images.sh" "$here/images"
maven_home=$("$here/../../mvnw" --version | sed -n 's/^Maven home: //p')
[ $# -gt 0 ] || set -- -B verify
exec "$maven_home/bin/mvn" -f "$here/pom.xml" "$@"

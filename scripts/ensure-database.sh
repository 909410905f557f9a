#!/usr/bin/env bash
# Makes sure an embedded MongoDB-wire database can be started when MONGODB_URI is not set:
# a mongod on PATH (or MONGOMS_SYSTEM_BINARY) is used as it is; otherwise FerretDB (SQLite backend)
# is built once from its Go module and cached outside the clone.
set -euo pipefail

FERRETDB_VERSION=v1.24.2
# Our build carries three fixes (see below); the suffix keeps a binary built without them from being reused.
FERRETDB_BUILD=idfix-idfilter-atomic
cache_dir="${SWITCHBOARD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/switchboard}"
ferretdb_bin="${FERRETDB_BIN:-$cache_dir/ferretdb-$FERRETDB_VERSION-$FERRETDB_BUILD}"

if [ -n "${MONGODB_URI:-}" ] || [ -n "${MONGOMS_SYSTEM_BINARY:-}" ] || command -v mongod >/dev/null 2>&1; then
  exit 0
fi
if [ -x "$ferretdb_bin" ]; then
  exit 0
fi
if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
setup: no database available.
  Switchboard needs one of:
    - MONGODB_URI pointing at a MongoDB 6.0+ server, or
    - a mongod binary on PATH (or MONGOMS_SYSTEM_BINARY=/path/to/mongod), or
    - Go 1.22+ on PATH, so that FerretDB $FERRETDB_VERSION can be built (apt-get install golang-go).
MSG
  exit 1
fi

echo "setup: building FerretDB $FERRETDB_VERSION (embedded database, once; about a minute)"
work=$(mktemp -d)
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
module_dir=$(GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" \
  | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
cp -r "$module_dir" "$work/src"
chmod -R u+w "$work/src"
# A module download has no generated version file; FerretDB refuses to start without one.
echo "$FERRETDB_VERSION" > "$work/src/build/version/version.txt"
# FerretDB v1.24's SQLite backend indexes _id as `_ferretdb_sjson->"_id"` but queries it as
# `_ferretdb_sjson->'$._id'`; SQLite matches index expressions by text, so every lookup, update and delete
# by _id scanned the whole table. Querying with the indexed expression makes them index lookups.
metadata="$work/src/internal/backends/sqlite/metadata/metadata.go"
sed -i "s|IDColumn = DefaultColumn + \"->'\$._id'\"|IDColumn = DefaultColumn + \`->\"_id\"\`|" "$metadata"
grep -q 'IDColumn = DefaultColumn + `->"_id"`' "$metadata" || { echo "setup: could not apply the FerretDB _id index fix" >&2; exit 1; }
# It looks a document up by _id only when the filter is {_id} alone: a filter naming the _id and anything
# else ({_id, status: ...}, a compare-and-set) read the whole table. The backend may apply a filter in part
# (the handler filters what it returns again), so an _id in any filter now makes it an index lookup.
collection="$work/src/internal/backends/sqlite/collection.go"
sed -i 's|if params.Filter.Len() == 1 {|if params.Filter.Len() > 0 {|' "$collection"
[ "$(grep -c 'if params.Filter.Len() > 0 {' "$collection")" = 2 ] || { echo "setup: could not apply the FerretDB _id filter fix" >&2; exit 1; }
# FerretDB v1 applies update operators as read, modify in Go, write back the whole document, with nothing
# stopping another update in between: concurrent updates of one document lost writes (an $inc counted
# twice as one; a $set undone by a concurrent update of another field). One lock around the update and
# findAndModify handlers makes each read-modify-write atomic, for every client of this database process.
handler="$work/src/internal/handler"
cat > "$handler/document_writes.go" <<'GO'
package handler

import "sync"

// documentWrites serialises updates so that each read-modify-write is atomic (a Switchboard build fix).
var documentWrites sync.Mutex
GO
for f in msg_update.go:updateDocument msg_findandmodify.go:findAndModifyDocument; do
  file="$handler/${f%%:*}"
  sed -i "s/^\(func (h \*Handler) ${f##*:}(.*{\)\$/\1\n\tdocumentWrites.Lock()\n\tdefer documentWrites.Unlock()/" "$file"
  grep -q 'documentWrites.Lock()' "$file" || { echo "setup: could not make FerretDB updates atomic in $file" >&2; exit 1; }
done
mkdir -p "$(dirname "$ferretdb_bin")"
(cd "$work/src" && go build -o "$ferretdb_bin.tmp" ./cmd/ferretdb)
mv "$ferretdb_bin.tmp" "$ferretdb_bin"
echo "setup: FerretDB ready at $ferretdb_bin"

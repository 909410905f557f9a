#!/usr/bin/env bash
# Makes sure an embedded MongoDB-wire database can be started when MONGODB_URI is not set:
# a mongod on PATH (or MONGOMS_SYSTEM_BINARY) is used as it is; otherwise FerretDB (SQLite backend)
# is built once from its Go module and cached outside the clone.
set -euo pipefail

FERRETDB_VERSION=v1.24.2
# Our build carries four fixes (see below); the suffix keeps a binary built without them from being reused.
FERRETDB_BUILD=idfix-idfilter-atomic-idin
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
# A list of ids ({_id: {$in: [...]}}) read the whole table too: the server reads a group of messages'
# contacts, slots and conversations that way, one command for the group. It becomes `_id IN (...)` on the
# _id index (the handler still filters what comes back, so anything else in the filter is kept).
cat > "$work/src/internal/backends/sqlite/id_in.go" <<'GO'
package sqlite

import (
	"fmt"
	"strings"

	"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
	"github.com/FerretDB/FerretDB/internal/handler/sjson"
	"github.com/FerretDB/FerretDB/internal/types"
	"github.com/FerretDB/FerretDB/internal/util/must"
)

// idInClause makes {_id: {$in: [ids]}} an index lookup (a Switchboard build fix); anything else gets no
// clause, and the handler filters the whole table as before.
func idInClause(cond *types.Document) (string, []any) {
	if cond.Len() != 1 {
		return "", nil
	}
	in, err := cond.Get("$in")
	if err != nil {
		return "", nil
	}
	list, ok := in.(*types.Array)
	if !ok || list.Len() == 0 || list.Len() > 10000 {
		return "", nil
	}
	placeholders := make([]string, 0, list.Len())
	args := make([]any, 0, list.Len())
	for i := 0; i < list.Len(); i++ {
		v := must.NotFail(list.Get(i))
		switch v.(type) {
		case string, types.ObjectID:
			placeholders = append(placeholders, "?")
			args = append(args, string(must.NotFail(sjson.MarshalSingleValue(v))))
		default:
			return "", nil
		}
	}
	return fmt.Sprintf(` WHERE %s IN (%s)`, metadata.IDColumn, strings.Join(placeholders, ", ")), args
}
GO
awk '{ print } !done && /args = \[\]any\{string\(must\.NotFail\(sjson\.MarshalSingleValue\(v\)\)\)\}/ {
  print "\t\tcase *types.Document:\n\t\t\twhereClause, args = idInClause(v.(*types.Document))"; done = 1 }' \
  "$collection" > "$collection.patched" && mv "$collection.patched" "$collection"
grep -q 'idInClause(v.(\*types.Document))' "$collection" || { echo "setup: could not apply the FerretDB _id list fix" >&2; exit 1; }
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

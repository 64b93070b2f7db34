#!/usr/bin/env bash
# Backup and restore round trip on PostgreSQL, the way the README tells operators to back up the site:
#   1. build a throwaway database with the demo content, and its media (MEDIA_ROOT, PRIVATE_MEDIA_ROOT);
#   2. back up: pg_dump (custom format) and a tar of both media directories;
#   3. restore into a fresh database and fresh directories;
#   4. compare the row count of every table, every sequence, and every media file (path, size, SHA-256).
# Exits non-zero on any difference. Needs DATABASE_URL naming a PostgreSQL server (its database name is
# ignored: the check creates and drops its own two databases there), and pg_dump/pg_restore/psql.
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test scripts/backup_restore_check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?DATABASE_URL doit désigner un serveur PostgreSQL (postgres://utilisateur@hôte:port/base)}"
case "$DATABASE_URL" in
  postgres://*|postgresql://*) ;;
  *) echo "DATABASE_URL doit désigner un serveur PostgreSQL." >&2; exit 2 ;;
esac
for tool in pg_dump pg_restore psql tar sha256sum; do
  command -v "$tool" >/dev/null || { echo "$tool est introuvable (paquet postgresql-client)." >&2; exit 2; }
done

PYTHON=${PYTHON:-.venv/bin/python}
SERVER=${DATABASE_URL%/*}
SOURCE_DB="backup_check_$$_source"
TARGET_DB="backup_check_$$_restored"
WORK=$(mktemp -d)
started=$(date +%s)

admin_sql() { psql "$SERVER/postgres" -v ON_ERROR_STOP=1 -qAtc "$1"; }
cleanup() {
  admin_sql "DROP DATABASE IF EXISTS $SOURCE_DB WITH (FORCE)" || true
  admin_sql "DROP DATABASE IF EXISTS $TARGET_DB WITH (FORCE)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# Every table of the public schema with its row count, and every sequence with its last value.
inventory() {
  psql "$1" -v ON_ERROR_STOP=1 -qAt <<'SQL'
SELECT 'table ' || table_name || ' ' ||
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', table_schema, table_name),
                                             false, true, '')))[1]::text
FROM information_schema.tables
WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
ORDER BY table_name;
SELECT 'sequence ' || sequencename || ' ' || coalesce(last_value::text, '-')
FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename;
SQL
}

# Every file under a directory: relative path, size and SHA-256.
file_list() {
  (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum | while read -r sum path; do
     printf '%s %s %s\n' "$path" "$(stat -c %s "$path")" "$sum"
   done)
}

echo "1/4 Base de démonstration ($SOURCE_DB) et ses médias"
admin_sql "CREATE DATABASE $SOURCE_DB"
mkdir -p "$WORK/site/media" "$WORK/site/private" "$WORK/backup" "$WORK/restored"
run_django() {
  DJANGO_SETTINGS_MODULE=interconnectes.settings.dev DATABASE_URL="$SERVER/$1" \
    MEDIA_ROOT="$WORK/site/media" PRIVATE_MEDIA_ROOT="$WORK/site/private" "$PYTHON" manage.py "${@:2}"
}
run_django "$SOURCE_DB" migrate --noinput -v 0
run_django "$SOURCE_DB" load_demo_content >/dev/null

echo "2/4 Sauvegarde : pg_dump et archive des médias"
pg_dump --format=custom --no-owner --no-privileges --file "$WORK/backup/base.dump" "$SERVER/$SOURCE_DB"
tar -C "$WORK/site" -czf "$WORK/backup/medias.tar.gz" media private

echo "3/4 Restauration dans une base ($TARGET_DB) et des dossiers neufs"
admin_sql "CREATE DATABASE $TARGET_DB"
pg_restore --no-owner --no-privileges --exit-on-error --dbname "$SERVER/$TARGET_DB" "$WORK/backup/base.dump"
tar -C "$WORK/restored" -xzf "$WORK/backup/medias.tar.gz"

echo "4/4 Comparaison"
inventory "$SERVER/$SOURCE_DB" >"$WORK/source.txt"
inventory "$SERVER/$TARGET_DB" >"$WORK/restored.txt"
for directory in media private; do
  file_list "$WORK/site/$directory" | sed "s|^|$directory/|" >>"$WORK/source-files.txt"
  file_list "$WORK/restored/$directory" | sed "s|^|$directory/|" >>"$WORK/restored-files.txt"
done
touch "$WORK/source-files.txt" "$WORK/restored-files.txt"

status=0
diff -u "$WORK/source.txt" "$WORK/restored.txt" || status=1
diff -u "$WORK/source-files.txt" "$WORK/restored-files.txt" || status=1
tables=$(grep -c '^table ' "$WORK/source.txt")
rows=$(awk '$1 == "table" { total += $3 } END { print total + 0 }' "$WORK/source.txt")
files=$(wc -l <"$WORK/source-files.txt")
if [ "$tables" -eq 0 ] || [ "$rows" -eq 0 ] || [ "$files" -eq 0 ]; then
  echo "La base de démonstration est vide : rien n'a été vérifié." >&2
  status=1
fi
if [ "$status" -eq 0 ]; then
  echo "Sauvegarde restaurée à l'identique : $tables tables, $rows lignes, $files fichiers de médias" \
       "(base $(du -h "$WORK/backup/base.dump" | cut -f1), médias $(du -h "$WORK/backup/medias.tar.gz" | cut -f1)," \
       "$(($(date +%s) - started)) s)."
else
  echo "ÉCHEC : la restauration diffère de l'original (voir ci-dessus)." >&2
fi
exit "$status"

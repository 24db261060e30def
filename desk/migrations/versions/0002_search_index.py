"""search index: persons found by folded name, kept in step by triggers

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22

Names are found however they are typed (case, diacritics, script). ``person`` already carries
``surname_folded`` / ``given_folded`` (desk.text.fold, done by whoever inserts); the name in its own
script (``original_name``) is folded by the database itself, so every insert path - services, bulk
seed, import, a raw INSERT - keeps the index right inside the same transaction:

* ``fold_char`` maps each non-ASCII character of the scripts desk's clients use (Latin with diacritics,
  Greek, Cyrillic, Armenian, Hebrew, Arabic, Georgian, Vietnamese) to anyascii's Latin spelling, the same
  table desk.text.fold uses, so "Щербаков" is indexed as "shcherbakov" and "Bērziņš" as "berzins".
* SQLite: an FTS5 table ``person_fts`` (rowid = person.id; columns surname, given, original) with
  prefix indexes, maintained by AFTER INSERT/UPDATE/DELETE triggers on ``person``. SQLite forbids WITH in
  triggers, so the folding walks the string with the helper table ``fold_pos`` (1..250).
* PostgreSQL: ``person_search`` (person_id, original, names tsvector) with a GIN index, maintained by a
  plpgsql trigger; ``desk_fold(text)`` is the same folding as a SQL function. No extension is needed
  (tsvector prefix queries do what pg_trgm would, and CREATE EXTENSION needs rights a store may not have).

Identity documents and personal codes need no extra index: ``identity_document.number_norm`` and
``person.personal_code`` are b-tree indexed already. Case numbers are found through the unique
(kind, year, seq) index (see desk.services.search).
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

# Unicode blocks folded by the database (everything else non-ASCII becomes a word break):
FOLD_RANGES = (
    (0x00A0, 0x05FF),  # Latin-1, Latin Extended-A/B, IPA, combining marks, Greek, Cyrillic, Armenian, Hebrew
    (0x0600, 0x06FF),  # Arabic
    (0x10A0, 0x10FF),  # Georgian
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
)
MAX_NAME = 250  # person.original_name is VARCHAR(250)


def fold_rows() -> list[dict]:
    """(character, Latin) pairs from anyascii - the same transliteration as desk.text.fold."""
    from anyascii import anyascii

    rows = []
    for low, high in FOLD_RANGES:
        for code in range(low, high + 1):
            ch = chr(code)
            if ch.isprintable() or ch.isspace() or 0x0300 <= code <= 0x036F:
                rows.append({"ch": ch, "latin": anyascii(ch).lower()})
    return rows


def sqlite_fold_expr(column: str) -> str:
    """SQL folding ``column`` character by character (no WITH: it runs inside triggers)."""
    return (
        "lower((SELECT group_concat(c, '') FROM ("
        f"SELECT coalesce(m.latin, substr({column}, p.n, 1)) AS c FROM fold_pos p "
        f"LEFT JOIN fold_char m ON m.ch = substr({column}, p.n, 1) "
        f"WHERE p.n <= length({column}) ORDER BY p.n)))"
    )


SQLITE_INDEX_ROW = ("INSERT INTO person_fts(rowid, surname, given, original) "
                    "VALUES (NEW.id, NEW.surname_folded, NEW.given_folded, {fold})")

SQLITE = (
    "CREATE TABLE fold_char (ch TEXT PRIMARY KEY, latin TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE fold_pos (n INTEGER PRIMARY KEY)",
    "CREATE VIRTUAL TABLE person_fts USING fts5(surname, given, original, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    "CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN "
    + SQLITE_INDEX_ROW.format(fold=sqlite_fold_expr("NEW.original_name")) + "; END",
    "CREATE TRIGGER person_fts_au AFTER UPDATE OF id, surname_folded, given_folded, original_name ON person BEGIN "
    "DELETE FROM person_fts WHERE rowid = OLD.id; "
    + SQLITE_INDEX_ROW.format(fold=sqlite_fold_expr("NEW.original_name")) + "; END",
    "CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN DELETE FROM person_fts WHERE rowid = OLD.id; END",
)

PG_FOLD_FUNCTION = (
    "CREATE OR REPLACE FUNCTION desk_fold(t text) RETURNS text LANGUAGE sql STABLE AS $$ "
    "SELECT btrim(regexp_replace(lower(string_agg(coalesce(m.latin, substr(t, i, 1)), '' ORDER BY i)), "
    "'[^0-9a-z]+', ' ', 'g')) "
    "FROM generate_series(1, char_length(t)) AS i LEFT JOIN fold_char m ON m.ch = substr(t, i, 1) $$"
)

POSTGRESQL = (
    "CREATE TABLE fold_char (ch text PRIMARY KEY, latin text NOT NULL)",
    PG_FOLD_FUNCTION,
    "CREATE TABLE person_search (person_id integer PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE, "
    "original text, names tsvector NOT NULL)",
    "CREATE INDEX ix_person_search_names ON person_search USING gin (names)",
    "CREATE OR REPLACE FUNCTION person_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE folded text := desk_fold(NEW.original_name); "
    "BEGIN "
    "INSERT INTO person_search (person_id, original, names) VALUES (NEW.id, folded, "
    "to_tsvector('simple', NEW.surname_folded || ' ' || NEW.given_folded || ' ' || coalesce(folded, ''))) "
    "ON CONFLICT (person_id) DO UPDATE SET original = EXCLUDED.original, names = EXCLUDED.names; "
    "IF TG_OP = 'UPDATE' AND OLD.id <> NEW.id THEN DELETE FROM person_search WHERE person_id = OLD.id; END IF; "
    "RETURN NEW; END $$",
    "CREATE TRIGGER person_search_sync AFTER INSERT OR UPDATE OF id, surname_folded, given_folded, original_name "
    "ON person FOR EACH ROW EXECUTE FUNCTION person_search_sync()",
)

# Filling the index from the person table: at upgrade, and by desk.services.search.rebuild_index.
SQLITE_REBUILD = ("INSERT INTO person_fts(rowid, surname, given, original) SELECT id, surname_folded, "
                  f"given_folded, {sqlite_fold_expr('person.original_name')} FROM person")
PG_REBUILD = ("INSERT INTO person_search (person_id, original, names) SELECT id, f, "
              "to_tsvector('simple', surname_folded || ' ' || given_folded || ' ' || coalesce(f, '')) "
              "FROM (SELECT id, surname_folded, given_folded, desk_fold(original_name) AS f FROM person) s")


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    for statement in SQLITE if sqlite else POSTGRESQL:
        op.execute(statement)
    fold_char = sa.table("fold_char", sa.column("ch", sa.Text), sa.column("latin", sa.Text))
    op.bulk_insert(fold_char, fold_rows())
    if sqlite:
        fold_pos = sa.table("fold_pos", sa.column("n", sa.Integer))
        op.bulk_insert(fold_pos, [{"n": n} for n in range(1, MAX_NAME + 1)])
        op.execute(SQLITE_REBUILD)
    else:
        op.execute(PG_REBUILD)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for statement in ("DROP TRIGGER person_fts_ad", "DROP TRIGGER person_fts_au", "DROP TRIGGER person_fts_ai",
                          "DROP TABLE person_fts", "DROP TABLE fold_pos", "DROP TABLE fold_char"):
            op.execute(statement)
    else:
        for statement in ("DROP TRIGGER person_search_sync ON person", "DROP FUNCTION person_search_sync()",
                          "DROP TABLE person_search", "DROP FUNCTION desk_fold(text)", "DROP TABLE fold_char"):
            op.execute(statement)

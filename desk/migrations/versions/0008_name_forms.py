"""search index: persons' names in their Latvian forms; merged persons leave the index

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01

In a Latvian document Шевченко is Ševčenko, Иванов is Ivanovs and Müller is Millers (desk.names).
``person.name_forms`` holds, for every word of a person's names (and of the names of persons merged
into them), its folded and Latvian spellings and keys (``desk.names.name_forms``); it is written by
the ORM whenever a person's names change (models.people) and by the bulk seed, and ``desk reindex``
recomputes it. The index gets a fourth column with it:

* SQLite: ``person_fts`` is rebuilt with columns (surname, given, original, forms); the triggers copy
  ``name_forms`` too and leave out a person merged into another (``merged_into`` set).
* PostgreSQL: ``person_search.names`` also holds ``name_forms``; a merged person's row is removed.

``person.merged_into`` (the surviving person's id) and ``person.also_known_as`` (the names of persons
merged into this one, which search finds the survivor under) are added here because the index reads
them (desk.services.merge sets them). Existing stores get their forms computed at upgrade.
"""
from alembic import op
import sqlalchemy as sa

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


import importlib

_0002 = importlib.import_module("desk.migrations.versions.0002_search_index")
fold_rows = _0002.fold_rows          # the folding table is 0002's
FOLD = _0002.sqlite_fold_expr("NEW.original_name")

SQLITE_DROP_0002 = ("DROP TRIGGER person_fts_ai", "DROP TRIGGER person_fts_au", "DROP TRIGGER person_fts_ad",
                    "DROP TABLE person_fts")
_SQLITE_ROW = ("INSERT INTO person_fts(rowid, surname, given, original, forms) SELECT NEW.id, NEW.surname_folded, "
               f"NEW.given_folded, {FOLD}, NEW.name_forms WHERE NEW.merged_into IS NULL")
SQLITE = (
    "CREATE VIRTUAL TABLE person_fts USING fts5(surname, given, original, forms, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')",
    f"CREATE TRIGGER person_fts_ai AFTER INSERT ON person BEGIN {_SQLITE_ROW}; END",
    "CREATE TRIGGER person_fts_au AFTER UPDATE OF id, surname_folded, given_folded, original_name, name_forms, "
    f"merged_into ON person BEGIN DELETE FROM person_fts WHERE rowid = OLD.id; {_SQLITE_ROW}; END",
    "CREATE TRIGGER person_fts_ad AFTER DELETE ON person BEGIN DELETE FROM person_fts WHERE rowid = OLD.id; END",
)
SQLITE_REBUILD = ("INSERT INTO person_fts(rowid, surname, given, original, forms) SELECT id, surname_folded, "
                  f"given_folded, {_0002.sqlite_fold_expr('person.original_name')}, name_forms FROM person "
                  "WHERE merged_into IS NULL")

PG_DROP_0002 = ("DROP TRIGGER person_search_sync ON person",)
POSTGRESQL = (
    "CREATE OR REPLACE FUNCTION person_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE folded text := desk_fold(NEW.original_name); "
    "BEGIN "
    "IF TG_OP = 'UPDATE' AND OLD.id <> NEW.id THEN DELETE FROM person_search WHERE person_id = OLD.id; END IF; "
    "IF NEW.merged_into IS NOT NULL THEN DELETE FROM person_search WHERE person_id = NEW.id; RETURN NEW; END IF; "
    "INSERT INTO person_search (person_id, original, names) VALUES (NEW.id, folded, "
    "to_tsvector('simple', NEW.surname_folded || ' ' || NEW.given_folded || ' ' || coalesce(folded, '') || ' ' "
    "|| NEW.name_forms)) "
    "ON CONFLICT (person_id) DO UPDATE SET original = EXCLUDED.original, names = EXCLUDED.names; "
    "RETURN NEW; END $$",
    "CREATE TRIGGER person_search_sync AFTER INSERT OR UPDATE OF id, surname_folded, given_folded, original_name, "
    "name_forms, merged_into ON person FOR EACH ROW EXECUTE FUNCTION person_search_sync()",
)
PG_REBUILD = ("INSERT INTO person_search (person_id, original, names) SELECT id, f, "
              "to_tsvector('simple', surname_folded || ' ' || given_folded || ' ' || coalesce(f, '') || ' ' "
              "|| name_forms) FROM (SELECT id, surname_folded, given_folded, name_forms, "
              "desk_fold(original_name) AS f FROM person WHERE merged_into IS NULL) s")

BATCH = 5000


def fill_name_forms(connection) -> int:
    """Compute person.name_forms (desk.names) for every person; returns how many changed. The names of
    persons merged into one (``also_known_as``) are forms of the survivor too."""
    from desk.names import name_forms

    changed, last = 0, 0
    while True:
        rows = connection.execute(sa.text(
            "SELECT id, surname, given_names, original_name, also_known_as, name_forms FROM person WHERE id > :last "
            "ORDER BY id LIMIT :n"), {"last": last, "n": BATCH}).all()
        if not rows:
            return changed
        updates = []
        for pid, surname, given, original, aliases, old in rows:
            forms = name_forms(surname, given, original, aliases)
            if forms != old:
                updates.append({"i": pid, "f": forms})
        if updates:
            connection.execute(sa.text("UPDATE person SET name_forms = :f WHERE id = :i"), updates)
            changed += len(updates)
        last = rows[-1][0]


def upgrade() -> None:
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    op.add_column("person", sa.Column("name_forms", sa.Text(), nullable=False, server_default=""))
    op.add_column("person", sa.Column("also_known_as", sa.Text(), nullable=False, server_default=""))
    op.add_column("person", sa.Column("merged_into", sa.Integer(), nullable=True))
    op.create_index("ix_person_merged_into", "person", ["merged_into"])
    for statement in SQLITE_DROP_0002 if sqlite else PG_DROP_0002:
        op.execute(statement)
    fill_name_forms(bind)
    for statement in SQLITE if sqlite else POSTGRESQL:
        op.execute(statement)
    if sqlite:
        op.execute(SQLITE_REBUILD)
    else:
        op.execute("DELETE FROM person_search")
        op.execute(PG_REBUILD)


def downgrade() -> None:
    """Back to 0002's index (names without their Latvian forms), rebuilt from the persons."""
    bind = op.get_bind()
    sqlite = bind.dialect.name == "sqlite"
    if sqlite:
        for statement in SQLITE_DROP_0002:  # 0008's triggers and table carry 0002's names
            op.execute(statement)
        for statement in _0002.SQLITE:
            if "person_fts" in statement:
                op.execute(statement)
        op.execute(_0002.SQLITE_REBUILD)
    else:
        op.execute("DROP TRIGGER person_search_sync ON person")
        for statement in _0002.POSTGRESQL:
            if "person_search_sync" in statement:
                op.execute(statement)
        op.execute("DELETE FROM person_search")
        op.execute(_0002.PG_REBUILD)
    op.drop_index("ix_person_merged_into", table_name="person")
    for column in ("merged_into", "also_known_as", "name_forms"):  # in place: a rebuilt table trips its foreign keys
        op.execute(f"ALTER TABLE person DROP COLUMN {column}")

"""search index: on PostgreSQL a person's surname is told apart from their other names

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01

A name search asks the index for the rows it shows, surnames first (desk.services.search._name_passes):
a surname beginning with "iv" outranks a given name that does, and of the tens of thousands of persons a
short prefix begins, the page must be the best. SQLite's index has a surname column to ask. PostgreSQL's
``person_search.names`` was one tsvector of every name and form, so there the search fetched four times the
page and ranked it in Python: a 1-letter prefix took 9.7x the raw query at 100k persons. The surname's
lexemes now carry weight A (``setweight``), which a query asks for as ``iv:*A``; everything else keeps the
default weight D, so every query that does not name a weight finds what it found before. The trigger
and the rebuild are 0008's with that one change; SQLite is not touched.
"""
from alembic import op

import importlib

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

_0008 = importlib.import_module("desk.migrations.versions.0008_name_forms")
fold_rows = _0008.fold_rows              # the folding table is 0002's
fill_name_forms = _0008.fill_name_forms  # person.name_forms, 0008's
SQLITE_REBUILD = _0008.SQLITE_REBUILD    # SQLite's index is 0008's

_NAMES = ("setweight(to_tsvector('simple', {p}surname_folded), 'A') || to_tsvector('simple', {p}given_folded "
          "|| ' ' || coalesce({f}, '') || ' ' || {p}name_forms)")
POSTGRESQL = (
    "CREATE OR REPLACE FUNCTION person_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE folded text := desk_fold(NEW.original_name); "
    "BEGIN "
    "IF TG_OP = 'UPDATE' AND OLD.id <> NEW.id THEN DELETE FROM person_search WHERE person_id = OLD.id; END IF; "
    "IF NEW.merged_into IS NOT NULL THEN DELETE FROM person_search WHERE person_id = NEW.id; RETURN NEW; END IF; "
    f"INSERT INTO person_search (person_id, original, names) VALUES (NEW.id, folded, {_NAMES.format(p='NEW.', f='folded')}) "
    "ON CONFLICT (person_id) DO UPDATE SET original = EXCLUDED.original, names = EXCLUDED.names; "
    "RETURN NEW; END $$",
)
PG_REBUILD = (f"INSERT INTO person_search (person_id, original, names) SELECT id, f, {_NAMES.format(p='', f='f')} "
              "FROM (SELECT id, surname_folded, given_folded, name_forms, "
              "desk_fold(original_name) AS f FROM person WHERE merged_into IS NULL) s")


def _rebuild(function: tuple[str, ...], rebuild: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in function:
        op.execute(statement)
    op.execute("DELETE FROM person_search")
    op.execute(rebuild)


def upgrade() -> None:
    _rebuild(POSTGRESQL, PG_REBUILD)


def downgrade() -> None:
    _rebuild(tuple(s for s in _0008.POSTGRESQL if s.startswith("CREATE OR REPLACE FUNCTION")), _0008.PG_REBUILD)

"""search index: on PostgreSQL a person's surname has its own full-text column

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-01

A name search asks the index for the rows it shows, surnames first (desk.services.search._name_passes):
a surname beginning with "iv" outranks a given name that does, and of the tens of thousands of persons a
short prefix begins, the page must be the best. SQLite's index has a surname column to ask. PostgreSQL's
``person_search.names`` was one tsvector of every name and form, so there the search fetched four times the
page and ranked it in Python: a 1-letter prefix took 9.7x the raw query at 100k persons.

``person_search.surname`` (a tsvector of the folded surname, with its own GIN index) is what the surname
passes ask. Weights in ``names`` (``setweight`` and ``iv:*A``) were tried first and are not enough: GIN does
not hold weights, so PostgreSQL rechecks every row holding the word - ``ivan:A`` read every Ivan of a 1M
store to find no surname Ivan, 0.8 s. ``names`` is 0008's, unchanged; SQLite is not touched.
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

_NAMES = ("to_tsvector('simple', {p}surname_folded || ' ' || {p}given_folded || ' ' || coalesce({f}, '') || ' ' "
          "|| {p}name_forms)")
_SURNAME = "to_tsvector('simple', {p}surname_folded)"
POSTGRESQL = (
    "CREATE OR REPLACE FUNCTION person_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE folded text := desk_fold(NEW.original_name); "
    "BEGIN "
    "IF TG_OP = 'UPDATE' AND OLD.id <> NEW.id THEN DELETE FROM person_search WHERE person_id = OLD.id; END IF; "
    "IF NEW.merged_into IS NOT NULL THEN DELETE FROM person_search WHERE person_id = NEW.id; RETURN NEW; END IF; "
    "INSERT INTO person_search (person_id, original, names, surname) VALUES (NEW.id, folded, "
    f"{_NAMES.format(p='NEW.', f='folded')}, {_SURNAME.format(p='NEW.')}) "
    "ON CONFLICT (person_id) DO UPDATE SET original = EXCLUDED.original, names = EXCLUDED.names, "
    "surname = EXCLUDED.surname; "
    "RETURN NEW; END $$",
)
PG_REBUILD = (f"INSERT INTO person_search (person_id, original, names, surname) SELECT id, f, "
              f"{_NAMES.format(p='', f='f')}, {_SURNAME.format(p='')} "
              "FROM (SELECT id, surname_folded, given_folded, name_forms, "
              "desk_fold(original_name) AS f FROM person WHERE merged_into IS NULL) s")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DELETE FROM person_search")
    op.execute("ALTER TABLE person_search ADD COLUMN surname tsvector NOT NULL")
    for statement in POSTGRESQL:
        op.execute(statement)
    op.execute(PG_REBUILD)
    op.execute("CREATE INDEX ix_person_search_surname ON person_search USING gin (surname)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in _0008.POSTGRESQL:
        if statement.startswith("CREATE OR REPLACE FUNCTION"):
            op.execute(statement)
    op.execute("DROP INDEX ix_person_search_surname")
    op.execute("ALTER TABLE person_search DROP COLUMN surname")

"""An import file is read in bounded chunks (issue 16 point 8).

``desk import /dev/zero`` or a 2 GB file grew memory until the machine gave out: now the file is read in
chunks, refused past a file limit or a line limit with one clear line; the recorded SHA-256 is the file's
own bytes (``sha256sum`` agrees, BOM and CRLF included); and only "\\n" ends a line, so a U+2028 inside a
JSON string is text, not a break that splits the line in two.
"""
from __future__ import annotations

import hashlib
import json
import time

import pytest

from desk.errors import ValidationError
from desk.services import importer


def test_dev_zero_is_refused_at_once(tmp_path):
    started = time.monotonic()
    with pytest.raises(ValidationError) as refused:
        importer.read_lines("/dev/zero")
    assert refused.value.key == "import.line_too_long" and refused.value.params["line"] == 1
    assert time.monotonic() - started < 5  # a couple of chunks, not the device until memory runs out


def test_a_file_past_the_limit_is_refused_before_it_is_all_read(tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "MAX_FILE_BYTES", 4 * 1024 * 1024)
    path = tmp_path / "big.jsonl"
    with open(path, "wb") as f:
        f.truncate(64 * 1024 * 1024)  # sparse: 64 MB of nothing, as a 2 GB extract would be
    with pytest.raises(ValidationError) as refused:
        importer.read_lines(path)
    assert refused.value.key == "import.file_too_large"


def test_the_recorded_digest_is_the_files_own_and_u2028_is_not_a_line_break(tmp_path):
    line = json.dumps({"kind": "visa", "case": {"partner": "a\u2028b"}}, ensure_ascii=False)
    data = "\ufeff".encode() + f"# two lines, CRLF\r\n{line}\r\n".encode()
    path = tmp_path / "x.jsonl"
    path.write_bytes(data)
    read = importer.read_lines(path)
    assert read.sha256 == hashlib.sha256(data).hexdigest()
    assert read.lines == ("# two lines, CRLF", line)  # the BOM and the CRs gone, the U+2028 kept inside
    assert json.loads(read.lines[1])["case"]["partner"] == "a\u2028b"

"""The command line never shows a traceback or personal data (issue 15, points 1 and 9)."""
from __future__ import annotations


from desk.cli import main

SECRET = "Bērziņš Jānis 010190-12345"


def test_an_unexpected_error_is_one_line_with_an_incident_id(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DESK_LOG_DIR", str(tmp_path / "logs"))

    def boom(args):
        person = SECRET  # noqa: F841 - a local a traceback would print
        raise RuntimeError(f"cannot export {SECRET}")

    monkeypatch.setattr("desk.commands.audit.audit_verify", boom)
    assert main(["audit", "verify", "--db", str(tmp_path / "x.db")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "incidents" in err and "Traceback" not in err
    assert "Bērziņš" not in err and "010190" not in err
    body = (tmp_path / "logs" / "incidents.log").read_text()
    assert "RuntimeError" in body and "Bērziņš" not in body and "010190" not in body

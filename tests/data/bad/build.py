"""Builds the corpus of bad files in this folder: ``python tests/data/bad/build.py``.

Each file is something a user could hand SAT Tool by mistake or malice: a file of
another program, a damaged or truncated one, one built to exhaust memory or time,
one carrying code or formulas. ``tests/test_bad_corpus.py`` feeds every file to
the reader for its kind and expects the message recorded in ``expected.json``,
with the workspace left byte for byte as it was. The files are kept in the
repository so that every run tests the same bytes; this script says how each
was made. Files that git cannot hold (a pipe, a link to a device) are made by
the test itself.
"""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]


def bundle(**changes: object) -> dict:
    """A small valid case bundle, with top-level keys replaced by ``changes``."""
    data = {
        "format": "sat-tool-case", "version": 2,
        "case": {"uid": "", "title": "Corpus case", "description": "", "created": ""},
        "sources": [{"id": "S1", "title": "A report", "text": "Some text of the report."}],
        "evidence": [{"id": "E1", "number": 1, "text": "First item", "source": "S1",
                      "credibility": "High"},
                     {"id": "E2", "number": 2, "text": "Second item", "credibility": "Low"}],
        "matrices": [{"id": "M1", "question": "Which?",
                      "hypotheses": [{"id": "H1", "title": "One"}, {"id": "H2", "title": "Two"}],
                      "evidence": [{"evidence": "E1", "relevance": "High"},
                                   {"evidence": "E2", "relevance": "Medium"}],
                      "ratings": [{"evidence": "E1", "hypothesis": "H1", "rating": "C"},
                                  {"evidence": "E2", "hypothesis": "H2", "rating": "I"}]}],
    }
    data.update(changes)
    return data


def write(name: str, data: bytes | str) -> None:
    path = HERE / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


def bundles() -> None:
    good = bundle()
    write("bundle/not-json.json", "this is a note, not a case\n")
    write("bundle/empty.json", "")
    write("bundle/truncated.json", json.dumps(good)[:200])
    write("bundle/a-list.json", "[1, 2, 3]")
    write("bundle/other-format.json", json.dumps(dict(good, format="something-else")))
    write("bundle/newer-version.json", json.dumps(dict(good, version=99)))
    write("bundle/no-case.json", json.dumps({k: v for k, v in good.items() if k != "case"}))
    write("bundle/empty-title.json", json.dumps(bundle(case={"title": "  "})))
    write("bundle/deep-nesting.json", "[" * 100_000 + "]" * 100_000)
    write("bundle/huge-integer.json",
          json.dumps(good).replace('"number": 1,', '"number": ' + "9" * 400 + ","))
    write("bundle/id-beyond-sqlite.json",
          json.dumps(good).replace('"number": 2,', f'"number": {2 ** 63},'))
    write("bundle/lone-surrogate.json",
          json.dumps(good).replace("First item", "First \\ud800 item"))
    write("bundle/utf16-binary.json", b"\xff\xfe" + bytes(range(256)) * 8)
    write("bundle/nul-bytes.json", b"\x00" * 4096)
    write("bundle/unknown-rating.json", json.dumps(good).replace('"rating": "I"', '"rating": "X"'))
    write("bundle/unknown-credibility.json", json.dumps(good).replace('"High"', '"Very"', 1))
    write("bundle/rating-of-missing-evidence.json",
          json.dumps(good).replace('"evidence": "E2", "hypothesis"', '"evidence": "E9", "hypothesis"'))
    write("bundle/duplicate-evidence-ids.json", json.dumps(good).replace('"id": "E2"', '"id": "E1"'))
    write("bundle/text-is-a-number.json", json.dumps(good).replace('"First item"', "12"))
    write("bundle/negative-quote-start.json",
          json.dumps(good).replace('"source": "S1",', '"source": "S1", "quote_start": -5,'))
    write("bundle/missing-source.json", json.dumps(good).replace('"source": "S1"', '"source": "S7"'))
    write("bundle/created-not-a-time.json", json.dumps(bundle(case={"title": "T", "created": "yesterday"})))
    write("bundle/uid-not-a-uuid.json", json.dumps(bundle(case={"title": "T", "uid": "not-a-uuid"})))
    two = bundle()
    two["matrices"].append(dict(two["matrices"][0]))
    write("bundle/duplicate-matrix-ids.json", json.dumps(two))
    write("bundle/quote-past-the-source.json",
          json.dumps(good).replace('"source": "S1",', '"source": "S1", "quote_start": 1000000000000,'))
    write("bundle/unknown-scoring-mode.json",
          json.dumps(good).replace('"question": "Which?",', '"question": "Which?", "scoring_mode": "magic",'))
    write("bundle/rating-time-not-a-time.json",
          json.dumps(good).replace('"rating": "C"', '"rating": "C", "updated": "nope"'))
    damaged = bundle()
    damaged["matrices"][0]["snapshots"] = [
        {"name": "s", "created": "2026-01-01T00:00:00Z", "data": "not a snapshot"}]
    write("bundle/bad-snapshot.json", json.dumps(damaged))


def workbook_bytes(build) -> bytes:  # noqa: ANN001 - a function filling an openpyxl workbook
    from openpyxl import Workbook

    wb = Workbook()
    build(wb.active)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def hand_sheet(ws) -> None:  # noqa: ANN001
    ws.append(["Evidence", "Credibility", "Relevance", "Who did it?", "Somebody else"])
    ws.append(["First item", "High", "High", "C", "I"])
    ws.append(["Second item", "Low", "Medium", "N", "II"])


def rezip(source: bytes, replace: dict[str, bytes]) -> bytes:
    """The same xlsx with some of its parts replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, replace.pop(item.filename, old.read(item.filename)))
        for name, data in replace.items():
            new.writestr(name, data)
    return out.getvalue()


def workbooks() -> None:
    good = workbook_bytes(hand_sheet)
    write("workbook/not-a-zip.xlsx", "Evidence,H1\nFirst,C\n")
    write("workbook/other-zip.xlsx", _zip({"readme.txt": b"not a workbook"}))
    write("workbook/truncated.xlsx", good[: len(good) // 2])
    write("workbook/empty.xlsx", b"")
    write("workbook/zip-bomb.xlsx", rezip(good, {"xl/worksheets/sheet1.xml": b" " * (300 << 20)}))
    write("workbook/no-hypotheses.xlsx", workbook_bytes(
        lambda ws: (ws.append(["Evidence", "Credibility"]), ws.append(["x", "High"]))))
    write("workbook/bad-rating.xlsx", workbook_bytes(
        lambda ws: (ws.append(["Evidence", "H1"]), ws.append(["x", "maybe"]))))
    write("workbook/rating-under-empty-header.xlsx", workbook_bytes(
        lambda ws: (ws.append(["Evidence", "H1", None, "H3"]), ws.append(["x", "C", "I", "N"]))))

    def merged(ws) -> None:  # noqa: ANN001
        ws.append(["Evidence", "Hypotheses", None])
        ws.append(["x", "C", "I"])
        ws.merge_cells("B1:C1")

    write("workbook/rating-under-merged-header.xlsx", workbook_bytes(merged))

    def formula(ws) -> None:  # noqa: ANN001
        ws.append(["Evidence", "H1", "H2"])
        ws.append(["x", "=IF(1,\"C\",\"I\")", "N"])

    write("workbook/formula-without-cached-value.xlsx", workbook_bytes(formula))

    def far(ws) -> None:  # noqa: ANN001
        hand_sheet(ws)
        ws["XFD1048576"] = "far away"

    write("workbook/one-far-cell.xlsx", workbook_bytes(far))
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>item {r}</t></is></c></row>'
                   for r in range(2, 2002))
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             '<dimension ref="A1:B1000000"/><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>Evidence</t></is></c>'
             '<c r="B1" t="inlineStr"><is><t>H1</t></is></c></row>' + rows
             + '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>last</t></is></c></row>'
             '</sheetData></worksheet>')
    write("workbook/a-million-rows.xlsx", rezip(good, {"xl/worksheets/sheet1.xml": sheet.encode()}))
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                        for i in range(1, 10))
              + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
              'uniqueCount="1"><si><t>&lol9;</t></si></sst>')
    write("workbook/billion-laughs.xlsx", rezip(good, {"xl/sharedStrings.xml": laughs.encode(),
                                                       "[Content_Types].xml": _with_strings(good)}))
    external = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
                'uniqueCount="1"><si><t>&e;</t></si></sst>')
    write("workbook/external-entity.xlsx", rezip(good, {"xl/sharedStrings.xml": external.encode(),
                                                        "[Content_Types].xml": _with_strings(good)}))
    write("workbook/damaged-case-sheet.xlsx", _damaged_case_sheet())


def _with_strings(xlsx: bytes) -> bytes:
    """The workbook's content types, declaring a shared-strings part (so that it is read)."""
    with zipfile.ZipFile(io.BytesIO(xlsx)) as z:
        types = z.read("[Content_Types].xml").decode()
    part = ('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
    return types.replace("</Types>", part + "</Types>").encode()


def _damaged_case_sheet() -> bytes:
    """A workbook exported by SAT Tool whose hidden case sheet was edited by hand."""
    from openpyxl import load_workbook

    sys.path.insert(0, str(ROOT))
    from sat_tool.formats.bundle import case_from_dict
    from sat_tool.formats.xlsx import write_workbook

    path = HERE / "_export.xlsx"
    write_workbook(case_from_dict(bundle()), path)
    wb = load_workbook(path)
    data = wb["_sat_tool_data"]
    data["A1"] = "{damaged"
    wb.save(path)
    raw = path.read_bytes()
    path.unlink()
    return raw


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def _achz(xml: str) -> bytes:
    return gzip.compress(xml.encode("utf-16"))


GOOD_PARC = ("<ACH><PROJECT-TITLE>Corpus</PROJECT-TITLE><MATRIX>"
             "<HYPOTHESIS><NAME>One</NAME></HYPOTHESIS><HYPOTHESIS><NAME>Two</NAME></HYPOTHESIS>"
             "<EVIDENCE><NAME>First item</NAME><CREDIBILITY>HIGH</CREDIBILITY>"
             "<RELEVANCE>MEDIUM</RELEVANCE><VALUES>C,I</VALUES></EVIDENCE></MATRIX></ACH>")


def parc() -> None:
    write("parc/not-gzip.achz", "plain text, not a PARC project")
    write("parc/empty.achz", b"")
    write("parc/truncated.achz", _achz(GOOD_PARC)[:40])
    write("parc/gzip-of-binary.achz", gzip.compress(bytes(range(256)) * 64))
    write("parc/malformed-xml.achz", _achz(GOOD_PARC.replace("</MATRIX>", "")))
    write("parc/no-matrix.achz", _achz("<ACH><PROJECT-TITLE>Corpus</PROJECT-TITLE></ACH>"))
    write("parc/unknown-rating.achz", _achz(GOOD_PARC.replace("C,I", "C,MAYBE")))
    write("parc/unknown-level.achz", _achz(GOOD_PARC.replace("<CREDIBILITY>HIGH", "<CREDIBILITY>HUGE")))
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                        for i in range(1, 10))
              + ']>' + GOOD_PARC.replace("First item", "&lol9;"))
    write("parc/billion-laughs.achz", _achz(laughs))
    write("parc/external-entity.achz", _achz(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
        + GOOD_PARC.replace("First item", "&e;")))
    write("parc/gzip-bomb.achz", gzip.compress(b"<" * (200 << 20), compresslevel=9))
    write("parc/zip-not-gzip.achz", _zip({"project.xml": GOOD_PARC.encode("utf-16")}))


def sources() -> None:
    write("source/binary.txt", bytes(range(256)) * 16)
    write("source/utf16-binary.md", b"\xff\xfe" + bytes(range(256)) * 8)
    write("source/only-script.html", "<html><script>alert(1)</script><style>p{}</style></html>")
    write("source/gzip-named-html.html", gzip.compress(b"<html><p>text</p></html>"))


def workspaces() -> None:
    sys.path.insert(0, str(ROOT))
    from sat_tool.services import cases as svc
    from sat_tool.store import Workspace
    from sat_tool.formats.bundle import case_from_dict

    def made(name: str) -> Path:
        path = HERE / "workspace" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        with Workspace.open(path) as ws:
            svc.add_case(ws, case_from_dict(bundle()))
        con = sqlite3.connect(path)
        con.execute("PRAGMA journal_mode=DELETE")  # one self-contained file in the repository
        con.close()
        return path

    def alter(name: str, *statements: str) -> None:
        path = made(name)
        con = sqlite3.connect(path)
        for statement in statements:
            con.execute(statement)
        con.commit()
        con.execute("PRAGMA journal_mode=DELETE")
        con.close()

    write("workspace/a-text-file.sqlite", "not a database\n")
    write("workspace/fake-header.sqlite", b"SQLite format 3\x00" + b"\x00" * 2000)
    other = HERE / "workspace" / "another-program.sqlite"
    other.unlink(missing_ok=True)
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    con.execute("INSERT INTO contacts VALUES ('A', '1')")
    con.commit()
    con.close()
    alter("newer-schema.sqlite", "UPDATE sat_meta SET value='99' WHERE key='schema_version'")
    alter("text-schema-version.sqlite", "UPDATE sat_meta SET value='three' WHERE key='schema_version'")
    alter("negative-schema-version.sqlite", "UPDATE sat_meta SET value='-1' WHERE key='schema_version'")
    alter("no-schema-version.sqlite", "DELETE FROM sat_meta WHERE key='schema_version'")
    alter("no-marker.sqlite", "DELETE FROM sat_meta WHERE key='application'")
    alter("trigger.sqlite", "CREATE TRIGGER wipe AFTER UPDATE ON cases BEGIN DELETE FROM evidence; END")
    alter("view.sqlite", "CREATE VIEW everything AS SELECT * FROM evidence")
    alter("extra-table.sqlite", "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    alter("dropped-table.sqlite", "PRAGMA foreign_keys=OFF", "DROP TABLE ratings")
    truncated = made("truncated.sqlite")
    truncated.write_bytes(truncated.read_bytes()[:3000])


def main() -> None:
    bundles()
    workbooks()
    parc()
    sources()
    workspaces()
    print(f"{sum(1 for p in HERE.rglob('*') if p.is_file() and p.suffix != '.py')} files")


if __name__ == "__main__":
    main()

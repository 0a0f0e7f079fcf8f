"""QA334: a differential review of the QA330/QA332 fixes: re-check matching, links and archives in a batch's search,
hints given from Python."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main

pytest_plugins = ["pytester"]

FACTS = (ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8")


def batch(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["batch", "-j1", *args, "-q"])
    return result.exit_code, result.output


def _facts(path: Path, project_id: str) -> None:
    document = json.loads(FACTS)
    document["project"] = {**document.get("project", {}), "id": project_id, "year": 2023}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def test_a_project_meets_the_recheck_of_its_id_as_written_before_one_in_another_case(tmp_path: Path) -> None:
    """QA334 F1: one.json XM-a01 and two.json XM-A01, re-checked by r1.json XM-a01 and r2.json XM-A01: only one was
    compared, and r2.json was said to be 项目编号重复, though the check of ids given twice tells the two apart. Each now
    meets its own; p002 still meets P002 where the re-check writes it in that one way."""
    _facts(tmp_path / "ib" / "one.json", "XM-a01")
    _facts(tmp_path / "ib" / "two.json", "XM-A01")
    _facts(tmp_path / "irc" / "r1.json", "XM-a01")
    _facts(tmp_path / "irc" / "r2.json", "XM-A01")
    code, output = batch("--lang", "zh", str(tmp_path / "ib"), "--compare-with", str(tmp_path / "irc"))
    assert 0 == code and "与复核对比2个" in output and "未找到" not in output and "重复" not in output, output
    _facts(tmp_path / "b2" / "x.json", "P002")
    _facts(tmp_path / "rc2" / "y.json", "p002")
    code, output = batch("--lang", "zh", str(tmp_path / "b2"), "--compare-with", str(tmp_path / "rc2"))
    assert 0 == code and "与复核对比1个" in output and "未找到" not in output, output


def test_a_link_to_the_output_or_recheck_folder_inside_an_input_is_passed_over_in_silence(tmp_path: Path) -> None:
    """QA334 F2: in/out-link → ../out, where -o out/b.xlsx is written, and in/rc-link → ../rc, the --compare-with
    folder, were each a failed project (exit 1) saying to give that folder as an input, against docs/batch.md: links
    into the batch's outputs or re-check are left out. A link to another folder is still told."""
    for folder in ("in", "out", "rc", "rep", "other"):
        (tmp_path / folder).mkdir()
    _facts(tmp_path / "in" / "p.json", "P1")
    _facts(tmp_path / "rc" / "p.json", "P1")
    (tmp_path / "in" / "out-link").symlink_to("../out")
    (tmp_path / "in" / "rc-link").symlink_to("../rc")
    (tmp_path / "in" / "rep-link").symlink_to("../rep")
    code, output = batch("--lang", "en", str(tmp_path / "in"), "-o", str(tmp_path / "out" / "b.xlsx"),
                         "--compare-with", str(tmp_path / "rc"), "--reports", str(tmp_path / "rep"))
    assert 0 == code and "-link" not in output and "compared with the re-check (复核): 1," in output, output
    (tmp_path / "in" / "other-link").symlink_to("../other")
    code, output = batch("--lang", "en", str(tmp_path / "in"), "-o", str(tmp_path / "out" / "b.xlsx"))
    assert 1 == code and "other-link: this is a link to the folder" in output and "out-link" not in output, output


def test_a_workbook_named_zip_in_a_searched_folder_fails_saying_to_rename_it(tmp_path: Path) -> None:
    """QA334 F5: an .xlsx renamed workbook.zip (a zip holding xl/workbook.xml) beside a project was passed over without
    a word; given by name, it was told to rename it. Found in a folder, it is now a failed project saying so too."""
    import zipfile

    (tmp_path / "in").mkdir()
    _facts(tmp_path / "in" / "p.json", "P1")
    with zipfile.ZipFile(tmp_path / "in" / "workbook.zip", "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    code, output = batch("--lang", "en", str(tmp_path / "in"))
    assert 1 == code and ("workbook.zip: this is an Excel workbook named .zip, not an archive (rename it to end in "
                          ".xlsx)") in output, output


def test_utf16_and_utf32_text_from_python_is_named_with_the_decode_that_reads_it() -> None:
    """QA334 F3: score_many with Document(text=<UTF-16 bytes>), its mark given or not, was told to decode the text as
    GB18030, which raised; parse_facts of UTF-32 saved without its mark too. Each names its encoding and a decode that
    reads it, from Python, for a file and for a JSONL file."""
    from scoring_engine import parse_facts, score_many
    from scoring_engine.batch import Document
    from scoring_engine.errors import FactsError

    line = json.dumps(json.loads(FACTS), ensure_ascii=False)
    for codec, name in (("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32")):
        body = (b"\xff\xfe" + line.encode("utf-16-le")) if codec == "utf-16" else line.encode(codec)
        assert json.loads(body.decode(codec)) == json.loads(line)  # the decode named reads it
        problems = [p.text("en") for o in score_many(None, [Document(source="x", text=body)]) for p in o.problems]
        assert [f'x: the facts text is {name}, not UTF-8 (decode the text with its encoding first, e.g. '
                f'text=line.decode("{codec}"))'] == problems, problems
        try:
            parse_facts(body)
        except FactsError as err:
            assert f'{name}, not UTF-8 (decode the body with its encoding first, e.g. body.decode("{codec}"))' in str(err)
        else:
            raise AssertionError(codec)


def test_a_utf32_file_saved_without_its_mark_is_named_utf32(tmp_path: Path) -> None:
    """QA334 F3: a JSONL or facts file in UTF-32 without its byte-order mark was told, line by line, to give
    --encoding gb18030."""
    (tmp_path / "in").mkdir()
    line = json.dumps(json.loads(FACTS), ensure_ascii=False)
    (tmp_path / "in" / "a.jsonl").write_bytes(f"{line}\n{line}\n".encode("utf-32-le"))
    (tmp_path / "in" / "b.json").write_bytes(line.encode("utf-32-be"))
    code, output = batch("--lang", "en", str(tmp_path / "in"))
    assert 1 == code and "a.jsonl: this JSONL file is UTF-32 text, not UTF-8" in output, output
    assert "b.json:1: not UTF-8 text (byte 0): the file is UTF-32" in output and "gb18030" not in output, output


def test_a_facts_documents_text_given_as_a_path_is_told_of_parse_facts_however_long() -> None:
    """QA334 F4: load_facts(text) of a real facts document (1,668 characters) said 'cannot read: File name too long'
    with no hint, and score_many(set, [text]) 'no such file' whatever its length: both now say to read it with
    parse_facts(text)."""
    from scoring_engine import load_facts, load_indicator_set, score_many
    from scoring_engine.errors import FactsError

    hint = "this is a facts document's text, not a path: read it with parse_facts(text)"
    for text in (FACTS, '{"facts": {}}'):
        try:
            load_facts(text)
        except FactsError as err:
            assert f"no such file ({hint})" in err.text("en"), err.text("en")
        else:
            raise AssertionError(text)
        outcomes = list(score_many(load_indicator_set("national-framework"), [text]))
        problems = [p.text("en") for o in outcomes for p in o.problems]
        assert 1 == len(problems) and problems[0].endswith(f": no such file ({hint})"), problems


def test_an_empty_or_false_zip_is_said_to_be_no_valid_zip(tmp_path: Path) -> None:
    """QA334 F7: a 0-byte .zip and a text named .zip were told 这是压缩包（.zip），不能直接读取（请先解压…）, which cannot be
    done: each is said to be no valid zip archive, empty or damaged, found in a folder and given by name."""
    (tmp_path / "in").mkdir()
    _facts(tmp_path / "in" / "p.json", "P1")
    (tmp_path / "in" / "empty.zip").write_bytes(b"")
    (tmp_path / "in" / "text.zip").write_text("this is not a zip at all", encoding="utf-8")
    code, output = batch("--lang", "zh", str(tmp_path / "in"))
    assert 1 == code and "empty.zip: 这个 .zip 文件是空的（0 字节），不是有效的 zip 压缩包（请发送者重新发送）" in output, output
    assert "text.zip: 这个以 .zip 命名的文件不是有效的 zip 压缩包：它已损坏，或是其他类型的文件" in output, output
    assert "解压" not in output, output
    result = CliRunner().invoke(main, ["score", "--lang", "en", str(tmp_path / "in" / "empty.zip")])
    assert "this .zip file is empty (0 bytes), not a valid zip archive" in result.output, result.output


def test_a_link_to_a_folder_in_the_recheck_folder_is_told_to_add_it_with_compare_with(tmp_path: Path) -> None:
    """QA334 F6: a link to a folder inside the --compare-with folder was told to give that folder "as an input", which
    would score the re-checks as projects: it is told to add it with --compare-with."""
    for folder in ("in", "rc", "elsewhere"):
        (tmp_path / folder).mkdir()
    _facts(tmp_path / "in" / "p.json", "P1")
    _facts(tmp_path / "rc" / "p.json", "P1")
    (tmp_path / "rc" / "more").symlink_to("../elsewhere")
    code, output = batch("--lang", "en", str(tmp_path / "in"), "--compare-with", str(tmp_path / "rc"))
    assert 1 == code  # the link is a re-check that could not be read: a failure, said
    assert "more: this is a link to the folder" in output and "as an input" not in output, output
    assert f"(add that folder to the re-check with --compare-with: {tmp_path / 'elsewhere'})" in output, output


def test_a_project_scored_under_the_compare_set_itself_is_not_compared_with_itself(tmp_path: Path) -> None:
    """QA334 F8: with no --set, documents naming national-framework and --compare-set national-framework were each
    compared with itself, in silence (every difference 0, exit 0). Each is now not compared, saying so in 汇总 and the
    .jsonl, counted once on the terminal and in 统计, and the run exits 1. A copy of the set with other content (a
    comment line added) is another set: compared, named by the start of its sha256 (QA205 2)."""
    import openpyxl

    for name in ("a", "b"):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{name}.json").write_text(FACTS, encoding="utf-8")
    out = tmp_path / "o.xlsx"
    code, output = batch("--lang", "zh", str(tmp_path / "in"), "--compare-set", "national-framework", "-o", str(out),
                         "-o", str(tmp_path / "o.jsonl"))
    assert 1 == code and "对比0个" in output and "按同一指标体系评分、未比较2个" in output, output
    rows = list(openpyxl.load_workbook(out)["汇总"].iter_rows(values_only=True))
    assert rows[1][-1] == "本项目所用指标体系就是national-framework 2020.2，未比较", rows[1]
    assert ("按同一指标体系评分、未比较", 2) in [r[:2] for r in openpyxl.load_workbook(out)["统计"].iter_rows(values_only=True)]
    lines = (tmp_path / "o.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["compare"] == {"against": "national-framework 2020.2", "same_set": True} for line in lines)
    copy = tmp_path / "nf.yaml"
    copy.write_text("# a copy\n" + (ROOT / "indicator_sets" / "national-framework.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    code, output = batch("--lang", "zh", str(tmp_path / "in"), "--compare-set", str(copy))
    assert 0 == code and "对比2个" in output and "未比较" not in output, output


def test_pytest_names_a_case_file_from_where_it_was_run_as_its_own_summary_does(pytester: pytest.Pytester,
                                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """QA334 F9: run from a folder beside the cases (`pytest ../work/cur`), the case's heading named its file from
    pytest's root folder, work/cur/set.cases.yaml, while pytest's own summary on the same screen said
    ../work/cur/set.cases.yaml. Both name it alike, from the folder pytest was run in."""
    (pytester.path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    cases = pytester.path / "work" / "cur"
    cases.mkdir(parents=True)
    for example in ("set.yaml", "facts.json"):
        shutil.copy(ROOT / "examples" / "small" / example, cases / example)
    (cases / "set.cases.yaml").write_text("indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n"
                                          "  - {name: 错, expect: {total: 80}}\n", encoding="utf-8")
    (pytester.path / "here").mkdir()
    monkeypatch.chdir(pytester.path / "here")
    result = pytester.runpytest("-p", "no:cacheprovider", "-ra", "../work/cur")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["case '错' (../work/cur/set.cases.yaml:4):", "FAILED ../work/cur/set.cases.yaml::错 *"])


def test_unreadable_files_zip_names_and_a_lone_failed_projects_draft_are_worded_to_fit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA334 F10: a file the user may not read was told "…or copy it to a folder you may read", which who may not read
    it cannot do; a zip's member names neither UTF-8 nor GBK were listed read as cp437 (Ç ■/proj .json); the .docx
    draft of one project that failed said 这些项目的材料均未能评分."""
    import os
    import zipfile

    from docx_text import docx_paragraphs

    (tmp_path / "x.json").write_text(FACTS, encoding="utf-8")
    opened = os.open

    def denied(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith("x.json"):
            raise PermissionError(13, "Permission denied", str(path))
        return opened(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    code, output = batch("--lang", "en", str(tmp_path / "x.json"))
    monkeypatch.setattr(os, "open", opened)
    assert 1 == code and "ask its owner for the right to read it, or to copy it for you" in output, output
    assert "folder you may read" not in output, output
    archive = tmp_path / "odd.zip"
    with zipfile.ZipFile(archive, "w") as written:
        written.writestr("AAA/projA.json", FACTS)
    archive.write_bytes(archive.read_bytes().replace(b"AAA/projA", b"\x80\xff\xfe/proj\xff"))
    code, output = batch("--lang", "en", str(archive))
    assert 1 == code and "\\x80\\xff\\xfe/proj\\xff.json" in output and "Ç" not in output, output
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "p.json").write_text('{"facts": ', encoding="utf-8")
    code, output = batch("--lang", "zh", str(tmp_path / "bad"), "-o", str(tmp_path / "r.docx"))
    text = "\n".join(docx_paragraphs((tmp_path / "r.docx").read_bytes()))
    assert 1 == code and "该项目的材料未能评分（见附表）" in text and "这些项目" not in text, text


def test_an_edited_copy_of_the_projects_bundled_set_is_named_by_its_sha256_without_set(tmp_path: Path) -> None:
    """QA336 2: with no --set, --compare-set of an edited copy of the bundled set the projects name (its id and version,
    a comment added) was named plainly, 与national-framework 2020.2对比: read as the set compared with itself. It is named
    with the start of its sha256, as with --set."""
    import hashlib

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.json").write_text(FACTS, encoding="utf-8")
    copy = tmp_path / "nf.yaml"
    copy.write_text("# a copy\n" + (ROOT / "indicator_sets" / "national-framework.yaml").read_text(encoding="utf-8"),
                    encoding="utf-8")
    code, output = batch("--lang", "zh", str(tmp_path / "in"), "--compare-set", str(copy), "-o", str(tmp_path / "o.jsonl"))
    start = hashlib.sha256(copy.read_bytes()).hexdigest()[:8]
    assert 0 == code and f"与national-framework 2020.2（sha256 {start}）对比1个" in output, output
    line = json.loads((tmp_path / "o.jsonl").read_text(encoding="utf-8"))
    assert line["compare"]["against"] == f"national-framework 2020.2（sha256 {start}）", line["compare"]

"""A batch's --reports folder holding a file under the name of a report this run would write: replaced only when it is
the same project's report (QA182 F1, QA184 F4, F5, F6)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from portfolio import SMALL_SET, write_jsonl
from scoring_engine.batch.reports_mark import REPORTS_MARK
from scoring_engine.cli import main


def _unit(folder: Path, unit: str) -> Path:
    """A unit's folder of one project, 自评.json, beside its set."""
    folder.mkdir()
    write_jsonl(folder / "one.jsonl", 1)
    document = json.loads((folder / "one.jsonl").read_text(encoding="utf-8"))
    (folder / "one.jsonl").unlink()
    document.setdefault("project", {})["unit"] = unit
    (folder / "自评.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    (folder / "set.yaml").write_bytes(SMALL_SET.read_bytes())
    return folder


def _batch(*arguments: str | Path):
    return CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", *map(str, arguments)])


def test_a_report_whose_project_is_not_known_is_never_replaced(tmp_path: Path) -> None:
    """A reports folder an earlier version wrote (its mark names no project) or with no mark at all: 乙's batch would
    replace 000001-自评.html, 甲's perhaps; it is refused before it writes anything (exit 1, the file named, the fix:
    another --reports folder, or delete the earlier reports). Before, 甲's report was replaced by 乙's in silence
    (QA184 F4)."""
    _unit(tmp_path / "甲", "单位甲")
    second = _unit(tmp_path / "乙", "单位乙")
    reports = tmp_path / "报告"
    assert 0 == _batch(tmp_path / "甲", "--reports", reports).exit_code
    mark = (reports / REPORTS_MARK).read_text(encoding="utf-8")
    old = "".join(line + "\n" for line in mark.splitlines() if not line.startswith("# 来源"))  # an earlier version's
    written = (reports / "000001-自评.html").read_bytes()
    for marked in (old, None):
        if marked is None:
            (reports / REPORTS_MARK).unlink()
        else:
            (reports / REPORTS_MARK).write_text(marked, encoding="utf-8")
        run = _batch(second, "--reports", reports)
        assert 1 == run.exit_code
        assert [f"错误：{reports / '000001-自评.html'}: 本次 {second / '自评.json'} 的报告 000001-自评.html 会替换报告文件夹"
                "中已有的同名文件，而该文件是哪个项目的报告无从得知（由早先的版本写出，或不是 batch 写出的），已停止，没有写出"
                "任何报告（把本批次的报告写入另一个文件夹（--reports），或删除之前的报告）"] == run.output.splitlines()
        assert written == (reports / "000001-自评.html").read_bytes()
    (reports / "000001-自评.html").unlink()  # the earlier reports deleted: written, and the same project's again
    assert 0 == _batch(second, "--reports", reports).exit_code
    assert 0 == _batch(second, "--reports", reports).exit_code


def test_a_report_of_a_document_no_longer_there_is_said_to_be_so(tmp_path: Path) -> None:
    """甲's folder renamed 甲终稿 and its batch run again: the earlier report is of 甲/自评.json, which is no longer
    there, perhaps the same project; it is not replaced, and the message says the earlier source is gone (文件夹改名或
    移走了？) with the fix: delete the earlier reports, or another folder. Before, it was said to be another project's,
    naming a path that no longer exists (QA184 F5)."""
    first = _unit(tmp_path / "甲", "单位甲")
    reports = tmp_path / "报告"
    assert 0 == _batch(first, "--reports", reports).exit_code
    earlier = Path(os.path.realpath(first / "自评.json"))
    renamed = first.rename(tmp_path / "甲终稿")
    run = _batch(renamed, "--reports", reports)
    assert 1 == run.exit_code
    assert [f"错误：{reports / '000001-自评.html'}: 本次 {renamed / '自评.json'} 的报告 000001-自评.html 会替换之前一次运行以"
            f"同一文件名写出的 {earlier} 的报告，而之前的来源 {earlier} 已不存在（文件夹改名或移走了？），已停止，没有写出任何"
            "报告（如果是同一个项目，删除之前的报告后再运行；否则把本批次的报告写入另一个文件夹（--reports））"] == run.output.splitlines()
    (reports / "000001-自评.html").unlink()
    assert 0 == _batch(renamed, "--reports", reports).exit_code


def test_an_earlier_report_of_a_jsonl_line_that_moved_says_so(tmp_path: Path) -> None:
    """p.jsonl of 甲, 乙 run, then a blank first line added: 甲 is at line 2, 乙 at line 3. The earlier reports are of
    lines 1 and 2: line 1 holds no project now, line 2 is written now as 000001-p-2.html and may hold another project;
    before, 000001-p-1.html was said to be of a project no longer an input, and 000002-p-2.html of one written as
    000001-p-2.html, 甲's (QA184 F6)."""
    (tmp_path / "set.yaml").write_bytes(SMALL_SET.read_bytes())
    source = tmp_path / "p.jsonl"
    write_jsonl(source, 2)
    reports = tmp_path / "R"
    assert 0 == _batch(source, "--reports", reports).exit_code
    source.write_text("\n" + source.read_text(encoding="utf-8"), encoding="utf-8")
    run = _batch(source, "--reports", reports)
    assert 0 == run.exit_code
    assert ("报告文件夹中有2份报告是之前一次运行写出的，本次没有重写，仍是之前的结果：000001-p-1.html（JSONL文件的该行本次没有"
            "项目：行号可能变了，其项目可能写在另一份报告中）；000002-p-2.html（该行本次写为000001-p-2.html，但其前的项目有增减，"
            "该行不一定仍是同一个项目）；请删除它们，或把报告写入空文件夹") in run.output, run.output


def _two_projects(path: Path) -> None:
    """q.jsonl of 项目A (id A) then 项目B (id B), beside its set."""
    (path.parent / "set.yaml").write_bytes(SMALL_SET.read_bytes())
    write_jsonl(path, 1)
    line = json.loads(path.read_text(encoding="utf-8"))
    lines = []
    for name in ("A", "B"):
        line["project"] = {**line.get("project", {}), "name": f"项目{name}", "id": name}
        lines.append(json.dumps(line, ensure_ascii=False) + "\n")
    path.write_text("".join(lines), encoding="utf-8")


def test_a_jsonl_line_now_holding_another_project_does_not_replace_its_report(tmp_path: Path) -> None:
    """q.jsonl of 项目A then 项目B, its first line deleted and the batch run again: 000001-q-1.html was 项目A's and would
    be 项目B's. Before, it was replaced in silence, exit 0 (a line known by its place only); it is refused before anything
    is written, the line naming both projects (QA185 F5). The same lines run again replace their own reports."""
    source = tmp_path / "q.jsonl"
    _two_projects(source)
    reports = tmp_path / "R"
    assert 0 == _batch(source, "--reports", reports).exit_code
    assert 0 == _batch(source, "--reports", reports).exit_code  # the same projects on the same lines: replaced
    written = (reports / "000001-q-1.html").read_bytes()
    assert "项目A" in written.decode("utf-8")
    source.write_text(source.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    run = _batch(source, "--reports", reports)
    assert 1 == run.exit_code
    assert [f"错误：{reports / '000001-q-1.html'}: 本次 {source}:1（B）的报告 000001-q-1.html 会替换之前一次运行为同一行写出"
            "的报告，而该行的项目与当时（A）不同（项目名称、实施单位或编号改了，或其前的行有增减），已停止，没有写出任何报告"
            "（把本批次的报告写入另一个文件夹（--reports），或删除之前的报告）"] == run.output.splitlines()
    assert written == (reports / "000001-q-1.html").read_bytes()


def test_a_jsonl_lines_report_whose_project_the_mark_does_not_record_is_not_replaced(tmp_path: Path) -> None:
    """A mark an earlier version wrote records a JSONL line's report by its place only: which project it is of is not
    known, so it is refused as a file of an unknown project is (QA184 F4), not taken for the same project's (QA185 F5)."""
    source = tmp_path / "q.jsonl"
    _two_projects(source)
    reports = tmp_path / "R"
    assert 0 == _batch(source, "--reports", reports).exit_code
    mark = (reports / REPORTS_MARK).read_text(encoding="utf-8")
    (reports / REPORTS_MARK).write_text("".join(line + "\n" for line in mark.splitlines() if not line.startswith("# 项目")),
                                        encoding="utf-8")
    run = _batch(source, "--reports", reports)
    assert 1 == run.exit_code
    assert (f"错误：{reports / '000001-q-1.html'}: 本次 {source}:1 的报告 000001-q-1.html 会替换之前一次运行为同一行写出的"
            "报告，而该报告是哪个项目的无从得知（由早先的版本写出，只按行号记录JSONL文件的行），已停止，没有写出任何报告"
            "（把本批次的报告写入另一个文件夹（--reports），或删除之前的报告）") == run.output.splitlines()[0]


def test_a_jsonl_line_whose_project_was_only_edited_is_refused_naming_the_edit_as_a_cause(tmp_path: Path) -> None:
    """QA187 F4: q.jsonl's second line edited in place (its unit renamed, nothing added or removed) and the batch run
    again: the refusal said the line then held another project because lines before it were added or removed, which was
    untrue. It says the line's project is not the one it held then: its name, unit or id changed, or lines moved."""
    source = tmp_path / "q.jsonl"
    _two_projects(source)
    reports = tmp_path / "R"
    assert 0 == _batch(source, "--reports", reports).exit_code
    first, second = source.read_text(encoding="utf-8").splitlines()
    line = json.loads(second)
    line["project"] = {"name": "项目B", "unit": "乙局（新）"}
    source.write_text(first + "\n" + json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", "-q", str(source), "--reports", str(reports)])
    assert 1 == run.exit_code
    assert (f"error: {reports / '000002-q-2.html'}: the report 000002-q-2.html of {source}:2 (项目B 乙局（新）) would "
            "replace the report an earlier run wrote of the same line, whose project is not the one it held then (B): the "
            "project's name, unit or id changed, or lines before it were added or removed (write this batch's reports in "
            "another folder (--reports), or delete the earlier reports)") == run.output.splitlines()[0], run.output
    assert "其前的行有增减），已停止" in _batch(source, "--reports", reports).output


def test_a_jsonl_lines_report_whose_record_in_the_mark_is_cut_short_is_refused_as_unknown_never_shown_raw(
        tmp_path: Path) -> None:
    """QA187 F4: a mark cut short (or edited by hand) in the project it records of a JSONL line's report: the refusal
    showed the raw text (另一个项目（["", "项目C", "�）). The report is refused as one whose project is not known, saying the
    mark's record cannot be read; a record that is JSON but not a project (a number) too."""
    source = tmp_path / "q.jsonl"
    _two_projects(source)
    reports = tmp_path / "R"
    assert 0 == _batch(source, "--reports", reports).exit_code
    mark = (reports / REPORTS_MARK).read_text(encoding="utf-8")
    assert '000002-q-2.html\t["B"]' in mark and '000001-q-1.html\t["A"]' in mark
    damaged = mark.replace('000001-q-1.html\t["A"]', "000001-q-1.html\t7").replace('# 项目\t000002-q-2.html\t["B"]\n', "")
    (reports / REPORTS_MARK).write_bytes(damaged.encode() + '# 项目\t000002-q-2.html\t["", "项目'.encode()[:-1])
    run = _batch(source, "--reports", reports)
    assert 1 == run.exit_code
    said = run.output.splitlines()
    for name, line in (("000001-q-1.html", 1), ("000002-q-2.html", 2)):
        assert (f"错误：{reports / name}: 本次 {source}:{line} 的报告 {name} 会替换之前一次运行为同一行写出的报告，而该报告"
                f"是哪个项目的无从得知（报告文件夹中 {REPORTS_MARK} 里的记录无法读取），已停止，没有写出任何报告（把本批次"
                "的报告写入另一个文件夹（--reports），或删除之前的报告）") in said, run.output
    assert '["' not in run.output and "\ufffd" not in run.output


def test_a_second_batch_into_a_reports_folder_a_batch_is_writing_in_is_refused_and_leaves_its_files_alone(
        tmp_path: Path) -> None:
    """While a batch writes into a reports folder (held here as a run holds it), a second batch into the same folder is
    refused before it does anything: one line, exit 1, the first run's report being written (its temporary file), the
    mark and the summary left as they were. It took the first run's temporaries for a killed run's and removed them,
    and the first run then failed on the report it was writing, its summary lost (QA216 2). Once the first run ends,
    the folder is free again."""
    import fcntl

    write_jsonl(tmp_path / "p.jsonl", 3)
    reports = tmp_path / "rep"
    assert 0 == _batch(tmp_path / "p.jsonl", "--reports", reports).exit_code
    writing = reports / ".000001-p-1.html.abcd_123.tmp"  # the first run's report, half written
    writing.write_text("half a report", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in reports.iterdir()}
    held = os.open(reports, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as the first run holds it
        run = _batch(tmp_path / "p.jsonl", "--reports", reports, "-o", tmp_path / "s.csv")
        assert 1 == run.exit_code
        assert [f"错误：{reports}: 另一个批量评分正在向这个报告文件夹写出报告，本次没有运行（等它结束后再运行，或用 --reports "
                "给本次运行另一个报告文件夹）"] == run.output.splitlines()
        assert before == {p.name: p.read_bytes() for p in reports.iterdir()} and not (tmp_path / "s.csv").exists()
    finally:
        os.close(held)
    assert 0 == _batch(tmp_path / "p.jsonl", "--reports", reports, "-j", "2").exit_code  # its workers hold it with it
    assert not writing.exists()  # a run's leftover once no run holds the folder: removed, as before

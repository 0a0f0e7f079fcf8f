"""QA332: `batch` over messy real folders: archives and links found in the search, re-checks named otherwise, outputs."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main

FACTS = (ROOT / "indicator_sets" / "self-evaluation.facts.json").read_bytes()


def batch(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["batch", *args, "-q"])
    return result.exit_code, result.output


def test_a_units_zipped_submissions_found_in_a_folder_are_a_failed_project_saying_to_unpack_them(tmp_path: Path) -> None:
    """QA332 F1: 单位戊.zip (holding 单位戊/P1.json) beside 其他单位.json was left out without a word (1 scored, exit 0);
    alone, the folder was said to hold nothing to score. Now it is a failed project naming what it holds and saying to
    unpack it, in English and in Chinese; a .rar is one too (its names are not read), while a zip of scans and PDFs
    (佐证材料) is no project, as a PDF is none."""
    folder = tmp_path / "in"
    folder.mkdir()
    with zipfile.ZipFile(folder / "单位戊.zip", "w") as archive:
        archive.writestr("单位戊/", "")
        archive.writestr("单位戊/P1.json", FACTS)
    with zipfile.ZipFile(folder / "佐证材料.zip", "w") as archive:
        archive.writestr("照片.jpg", b"\xff\xd8")
    (folder / "单位己.rar").write_bytes(b"Rar!\x1a\x07\x01\x00" + bytes(64))
    (folder / "其他单位.json").write_bytes(FACTS)
    code, output = batch("--lang", "en", str(folder))
    assert 1 == code and "3 projects: 1 scored, 2 failed" in output, output
    assert ("单位戊.zip: this is a compressed archive (.zip), holding 单位戊/P1.json (unpack it, and run again on the "
            "folder it unpacks to)") in output, output
    assert "单位己.rar: this is a compressed archive (.rar), which is not read (unpack it" in output, output
    assert "佐证材料" not in output
    code, output = batch("--lang", "zh", str(folder))
    assert "单位戊.zip: 这是压缩包（.zip），内有 单位戊/P1.json（请先解压，再对解压出的文件夹运行）" in output, output
    (folder / "其他单位.json").unlink()
    (folder / "单位己.rar").unlink()
    code, output = batch("--lang", "zh", str(folder))
    assert 1 == code and "没有可评分的项目" not in output and "内有 单位戊/P1.json" in output, output


def test_a_zip_given_by_name_is_told_to_unpack_it_naming_its_files_and_a_renamed_workbook_to_rename_it(
        tmp_path: Path) -> None:
    """QA332 F1: a .zip given by name was told to rename it to .xlsx, which then failed (a zip without a workbook's
    parts). Now it is told to unpack it, naming the project files it holds (a Windows zip's GBK names read as written,
    the list cut after three); a workbook named .zip, and only that, is told to rename it to .xlsx."""
    with zipfile.ZipFile(tmp_path / "all.zip", "w") as archive:
        for number in range(1, 6):
            archive.writestr(f"p{number}.json", FACTS)
        info = zipfile.ZipInfo("说明.txt")
        archive.writestr(info, b"")
    code, output = batch("--lang", "zh", str(tmp_path / "all.zip"))
    assert 1 == code and "这是压缩包（.zip），内有 p1.json、p2.json、p3.json、…（+2）（请先解压" in output, output
    assert ".xlsx" not in output
    with zipfile.ZipFile(tmp_path / "gbk.zip", "w") as archive:  # a name as a Windows zip writes it: GBK, unmarked
        archive.writestr("XX.json", FACTS)
    (tmp_path / "gbk.zip").write_bytes((tmp_path / "gbk.zip").read_bytes().replace(b"XX.json", "甲.json".encode("gbk")))
    code, output = batch("--lang", "zh", str(tmp_path / "gbk.zip"))
    assert "内有 甲.json（" in output, output
    form = tmp_path / "form.xlsx"
    assert 0 == CliRunner().invoke(main, ["score", str(ROOT / "indicator_sets" / "self-evaluation.facts.json"), "-o",
                                          str(form)]).exit_code
    (tmp_path / "form.zip").write_bytes(form.read_bytes())
    code, output = batch("--lang", "en", str(tmp_path / "form.zip"))
    assert "this is an Excel workbook named .zip, not an archive (rename it to end in .xlsx)" in output, output
    code, output = batch("--lang", "zh", str(tmp_path / "form.zip"))
    assert "这是以 .zip 命名的 Excel 工作簿，不是压缩包（把文件名改为以 .xlsx 结尾）" in output, output


def test_a_link_to_a_units_folder_inside_an_input_folder_is_a_failed_project_naming_the_folder_to_give(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA332 F2: in/单位丁, a link to ../elsewhere/单位丁, was passed over without a word (1 scored, exit 0): links to folders
    are not followed. Now it is a failed project saying it is a link not followed and naming the folder to give, which,
    given, is scored; a link to a folder the batch searches anyway (in/latest → own_dir) is said nothing of."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "elsewhere" / "单位丁").mkdir(parents=True)
    (tmp_path / "elsewhere" / "单位丁" / "p.json").write_bytes(FACTS)
    (tmp_path / "in" / "own_dir").mkdir(parents=True)
    (tmp_path / "in" / "own_dir" / "x.json").write_bytes(FACTS)
    (tmp_path / "in" / "own.json").write_bytes(FACTS)
    (tmp_path / "in" / "单位丁").symlink_to("../elsewhere/单位丁")
    (tmp_path / "in" / "latest").symlink_to("own_dir")
    code, output = batch("--lang", "en", "in", "--output", "o.csv")
    assert 1 == code and "3 projects: 2 scored, 1 failed" in output, output
    assert ("in/单位丁: this is a link to the folder elsewhere/单位丁, which a folder search does not follow (give that "
            "folder itself as an input: elsewhere/单位丁)") in output, output
    assert "latest" not in output
    code, output = batch("--lang", "zh", "in")
    assert "in/单位丁: 是指向文件夹 elsewhere/单位丁 的链接" in output and "直接给出该文件夹作为输入：elsewhere/单位丁" in output
    code, output = batch("--lang", "en", "in", "elsewhere/单位丁")
    assert 0 == code and "3 projects: 3 scored, 0 failed" in output, output


def test_a_folder_or_file_that_cannot_be_read_is_said_at_its_place_with_what_to_do(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA332 F6: of ord/{a,m,z}, m unreadable was 序号 1 whatever its place, though files are taken in the order of their
    path, and its line, like a file's 无法读取：没有权限, said nothing of what to do. Now m is 序号 2, between a and z, and
    both lines say to ask for the right to read, or to copy the folder or file somewhere readable."""
    import os

    monkeypatch.chdir(tmp_path)
    for unit in "amz":
        (tmp_path / "ord" / unit).mkdir(parents=True)
        (tmp_path / "ord" / unit / "p.json").write_bytes(FACTS)
    (tmp_path / "ord" / "b.json").write_bytes(FACTS)
    walk, opened = os.walk, os.open

    def refusing(top, onerror=None, **kwargs):  # type: ignore[no-untyped-def]
        for found in walk(top, onerror=onerror, **kwargs):
            if found[0] == os.path.join("ord", "m"):
                onerror(PermissionError(13, "Permission denied", found[0]))
                continue
            yield found

    def denied(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith("b.json"):
            raise PermissionError(13, "Permission denied", str(path))
        return opened(path, *args, **kwargs)

    monkeypatch.setattr(os, "walk", refusing)
    monkeypatch.setattr(os, "open", denied)
    code, output = batch("--lang", "zh", "ord", "--output", "o.jsonl", "--jobs", "1")
    assert 1 == code, output
    sources = [line.split('"source":')[1].split(",")[0] for line in Path("o.jsonl").read_text("utf-8").splitlines()]
    assert ['"ord/a/p.json"', '"ord/b.json"', '"ord/m"', '"ord/z/p.json"'] == sources, sources
    assert ("ord/m: 无法读取此文件夹：没有权限（其中的项目都没有评分：请向它的所有者取得读取该文件夹的权限，或请所有者为你复制一份）"
            ) in output, output
    assert "ord/b.json: 无法读取：没有权限（请向它的所有者取得读取权限，或请所有者为你复制一份）" in output, output


def _project(folder: Path, path: str, name: str, project_id: str | None = None, actual: int = 10) -> None:
    import json

    document = json.loads(FACTS)
    document["project"] = {"name": name, "unit": "单位丙", "year": 2024, **({"id": project_id} if project_id else {})}
    document["facts"]["targets"]["output"][0]["actual"] = actual
    (folder / path).parent.mkdir(parents=True, exist_ok=True)
    (folder / path).write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")


def test_a_recheck_named_in_another_case_or_width_or_its_id_in_another_case_meets_its_project(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA332 F3: 复核/单位丙/proj.json for 自评/单位丙/Proj.json, P1.json for Ｐ１.json, and the id p002 for P002 met no
    project, though name, unit and year were the same, and 统计 gave them an empty 说明. Now path parts and ids are
    compared as names are (NFKC, case aside): all three are compared; a re-check meeting nothing says why."""
    monkeypatch.chdir(tmp_path)
    _project(tmp_path, "自评/单位丙/Proj.json", "大小写项目")
    _project(tmp_path, "自评/单位丙/Ｐ１.json", "全角文件名项目")
    _project(tmp_path, "自评/单位丙/x.json", "编号项目", "P002")
    _project(tmp_path, "复核/单位丙/proj.json", "大小写项目", actual=2)
    _project(tmp_path, "复核/单位丙/P1.json", "全角文件名项目", actual=2)
    _project(tmp_path, "复核/单位丙/y.json", "编号项目", "p002", actual=2)
    _, output = batch("--lang", "zh", "自评", "--compare-with", "复核")
    assert "与复核对比3个" in output and "未找到对应" not in output, output
    _project(tmp_path, "复核2/单位丙/其他.json", "大小写项目")
    _project(tmp_path, "复核2/单位丙/z.json", "编号项目", "P999")
    _, output = batch("--lang", "zh", "自评", "--compare-with", "复核2", "--output", "c.xlsx")
    assert "复核2/单位丙/z.json（P999）（本批次没有该编号的项目）" in output, output
    assert "复核2/单位丙/其他.json（未填写项目编号，文件名与本批次的项目都不对应）" in output, output
    import openpyxl

    rows = [row for row in openpyxl.load_workbook("c.xlsx", read_only=True)["统计"].iter_rows(values_only=True)
            if row and str(row[0]).startswith("复核2/")]
    assert {("复核2/单位丙/其他.json", "未填写项目编号，文件名与本批次的项目都不对应，未比较"),
            ("复核2/单位丙/z.json", "本批次没有项目编号为P999的项目，未比较")} == {(row[0], row[4]) for row in rows}, rows


def test_compare_set_naming_the_set_every_project_is_scored_under_is_refused_as_compare_with_an_input_is(
        tmp_path: Path) -> None:
    """QA332 F5: --compare-set of the very set --set scores every project under (the bundled id and its file, the same
    sha256) was accepted and compared each project with itself; --compare-with an input is refused (exit 2) for the same
    reason. Now it is too, before anything is read, in English and in Chinese; another set is compared as before."""
    (tmp_path / "p.json").write_bytes(FACTS)
    same = str(ROOT / "indicator_sets" / "self-evaluation.yaml")
    code, output = batch("--lang", "en", str(tmp_path / "p.json"), "--set", "self-evaluation", "--compare-set", same)
    assert 2 == code and (f"--compare-set {same} is the set every project is scored under (--set self-evaluation, the "
                          "same content): each project would be compared with itself") in output, output
    code, output = batch("--lang", "zh", str(tmp_path / "p.json"), "--set", "self-evaluation", "--compare-set", same)
    assert 2 == code and "就是所有项目评分所用的指标体系（--set self-evaluation，内容相同）：每个项目都会与它自己对比" in output
    code, output = batch("--lang", "en", str(tmp_path / "p.json"), "--set", "self-evaluation", "--compare-set",
                         "hubei-self-evaluation")
    assert 2 != code, output


def test_a_jsonl_line_starting_with_two_byte_order_marks_is_told_a_line_may_begin_with_one(tmp_path: Path) -> None:
    """QA332 F9: a JSONL line starting with two BOMs was told that a line of JSON Lines begins with none, though the
    batch takes one at the start of any line (files joined with theirs); now the hint says a line has one at most."""
    line = FACTS.decode("utf-8").replace("\n", " ").encode("utf-8")
    (tmp_path / "p.jsonl").write_bytes(b"\xef\xbb\xbf" + line + b"\n" + b"\xef\xbb\xbf" * 2 + line + b"\n")
    code, output = batch("--lang", "en", str(tmp_path / "p.jsonl"))
    assert 1 == code and "2 projects: 1 scored, 1 failed" in output, output
    assert "(delete it: a file, or a line of JSON Lines, begins with one mark at most)" in output, output
    code, output = batch("--lang", "zh", str(tmp_path / "p.jsonl"))
    assert "（删去它：文件开头最多只能有一个这样的标记，JSON Lines 的每一行开头也是）" in output, output


def test_a_recheck_named_exactly_as_one_of_two_files_differing_only_in_case_meets_that_one(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA332 F3 follow-up: with P1.json and p1.json in one folder (possible on Linux), the re-check P1.json met P1.json
    before names were compared case-blind; then it met neither ("several documents end alike"). Now the exact name is
    preferred where the names compared case-blind tie; one of another case still meets neither, and a re-check
    nearer another document by its folder is still that one's (an exact file name does not take it)."""
    monkeypatch.chdir(tmp_path)
    _project(tmp_path, "自评/P1.json", "大写项目")
    _project(tmp_path, "自评/p1.json", "小写项目")
    _project(tmp_path, "复核/P1.json", "大写项目", actual=2)
    _, output = batch("--lang", "zh", "自评", "--compare-with", "复核")
    assert "与复核对比1个" in output and "未找到对应" not in output, output
    _project(tmp_path, "复核2/Ｐ１.json", "大写项目", actual=2)
    _, output = batch("--lang", "zh", "自评", "--compare-with", "复核2")
    assert "与复核对比0个" in output and "（本批次有2份文档的路径同样以Ｐ１.json结尾" in output, output
    _project(tmp_path, "自评2/a/P1.json", "同名项目")
    _project(tmp_path, "自评2/b/p1.json", "同名项目")
    _project(tmp_path, "复核3/b/P1.json", "同名项目", actual=2)
    _, output = batch("--lang", "zh", "自评2", "--compare-with", "复核3", "--output", "c.csv")
    assert "与复核对比1个" in output and "未找到对应" not in output, output
    rows = (tmp_path / "c.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[1].startswith("1,自评2/a/P1.json,") and rows[1].endswith(",未抽查复核"), rows
    assert rows[2].startswith("2,自评2/b/p1.json,") and ",84.00,16.00," in rows[2], rows


def test_every_output_in_a_missing_folder_is_named_and_a_refused_run_leaves_no_folder_it_made(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA332 F7: `--output nodir1/a.xlsx --output nodir2/a.csv --reports nodir3/sub/rep` named only nodir1 (exit 1),
    and left the empty folders nodir3/sub it had made for the reports. Now both outputs are named in one run, in English
    and in Chinese, and nothing is left."""
    monkeypatch.chdir(tmp_path)
    _project(tmp_path, "in/p.json", "项目")
    code, output = batch("--lang", "zh", "in", "--output", "nodir1/a.xlsx", "--output", "nodir2/a.csv",
                         "--reports", "nodir3/sub/rep")
    assert 1 == code and "nodir1/a.xlsx: 无法写出文件：没有文件夹 nodir1" in output, output
    assert "nodir2/a.csv: 无法写出文件：没有文件夹 nodir2" in output, output
    assert ["in"] == sorted(p.name for p in tmp_path.iterdir()), list(tmp_path.iterdir())
    code, output = batch("--lang", "en", "in", "--output", "nodir1/a.xlsx", "--output", "nodir2/a.csv")
    assert 1 == code and "nodir2/a.csv: cannot write the report: there is no folder nodir2" in output, output


def test_excels_lock_file_given_by_name_is_told_to_give_the_workbook_and_a_jsonl_of_blank_lines_is_said_so(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA332 F11: `~$自评表.xlsx`, the 165 bytes Excel leaves beside a workbook open in it, given by name, was told to be
    saved as .xlsx, and a JSONL file of blank lines was told "文件是空的". Now the lock file is named as one, with the
    workbook to give instead (batch and score alike), and the JSONL file is said to hold only blank lines."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "~$自评表.xlsx").write_bytes(b"\x05admin" + b" " * 48 + "admin".encode("utf-16-le") + bytes(100))
    (tmp_path / "blank.jsonl").write_text("\n\n   \n", encoding="utf-8")
    code, output = batch("--lang", "zh", "~$自评表.xlsx", "blank.jsonl")
    assert 1 == code and ("~$自评表.xlsx: 这是工作簿 自评表.xlsx 在 Excel 或 WPS 中打开时旁边生成的锁定文件，不是工作簿（请给出"
                          "工作簿本身 自评表.xlsx，先保存并在 Excel 或 WPS 中关闭）") in output, output
    assert "blank.jsonl: 文件只有空行，没有项目（每行写一个项目的事实，或不要给出这个文件）" in output, output
    code, output = batch("--lang", "en", "~$自评表.xlsx", "blank.jsonl")
    assert ("~$自评表.xlsx: this is the lock file Excel or WPS keeps beside the workbook 自评表.xlsx while it is open, not "
            "a workbook (give the workbook itself, 自评表.xlsx, saved and closed in Excel or WPS)") in output, output
    assert "blank.jsonl: the file holds only blank lines, no project" in output, output
    result = CliRunner().invoke(main, ["score", "--lang", "en", "~$自评表.xlsx"])
    assert 1 == result.exit_code and "the lock file Excel or WPS keeps beside the workbook 自评表.xlsx" in result.output, \
        result.output


def test_a_file_name_holding_a_line_break_is_named_once_and_alike_in_every_output(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """QA332 F8: a file name holding a line break showed its path twice on the error line (`坏 文件.json: 坏\\n文件.json:1:10:
    …`), and in 问题 the 来源 cell held a raw line break while 问题 showed \\n. Now the line names it once, as `\\n`, and
    every 来源 (问题, 汇总, the CSV) shows it as the problem does."""
    import openpyxl

    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "坏\n文件.json").write_text('{"facts": {,}}', encoding="utf-8")
    (tmp_path / "in" / "好\n文件.json").write_bytes(FACTS)
    code, output = batch("--lang", "zh", "in", "--output", "o.xlsx", "--output", "o.csv")
    assert 1 == code and "错误：in/坏\\n文件.json:1:12: JSON 语法错误" in output, output
    assert "坏 文件" not in output, output
    book = openpyxl.load_workbook("o.xlsx", read_only=True)
    problem = list(book["问题"].iter_rows(values_only=True))[1]
    assert "in/坏\\n文件.json" == problem[1] and str(problem[6]).startswith("in/坏\\n文件.json:1:12: "), problem
    assert "in/好\\n文件.json" == list(book["汇总"].iter_rows(values_only=True))[1][1]
    assert "2,in/好\\n文件.json," in (tmp_path / "o.csv").read_text(encoding="utf-8-sig")
    code, output = batch("--lang", "en", "in")
    assert "error: in/坏\\n文件.json:1:12: " in output and "坏 文件" not in output, output


def test_a_fact_missing_from_a_cases_own_facts_is_told_to_be_added_there(tmp_path: Path) -> None:
    """The QA330 fixer's F: a required fact missing from a test case's own `facts:` was told "add it to the facts file",
    at the case's first line, though the case's values replace the facts file's and are written in the case file. Now
    it is told, at the line of the case's `facts:`, to add it there; a case starting from the facts file is told as
    before."""
    for name in ("set.yaml", "facts.json"):
        (tmp_path / name).write_bytes((ROOT / "examples" / "small" / name).read_bytes())
    (tmp_path / "set.cases.yaml").write_text(
        "indicator_set: set.yaml\nfacts_file: facts.json\ncases:\n"
        "  - name: own\n    expect: {total: 1}\n    facts:\n      budget: {total: 200}\n", encoding="utf-8")
    cases = str(tmp_path / "set.cases.yaml")
    output = CliRunner().invoke(main, ["--lang", "en", "test", str(tmp_path)]).output
    assert (f"{cases}:6: $.facts.budget.paid: required fact 实际支出 (budget.paid) is missing (read by process.execution) "
            "(add it under the case's facts: on this line, which replace the facts file's)") in output, output
    assert "add it to the facts file" not in output, output
    output = CliRunner().invoke(main, ["--lang", "zh", "test", str(tmp_path)]).output
    assert (f"{cases}:6: 缺少必填的事实 实际支出（budget.paid）（读取它的指标：process.execution）（在这一行用例的 facts: 下补上它，"
            "用例的 facts 取代了事实文件中的事实）") in output, output

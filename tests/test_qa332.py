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

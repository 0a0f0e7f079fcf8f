"""A unit's form saved as Excel 97-2003 (.xls), or an .xlsx renamed: said so with the fix, never left out unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine.cli import main

OLD_OFFICE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8


def _form(tmp_path: Path) -> bytes:
    form = tmp_path / "made.xlsx"
    facts = ROOT / "indicator_sets" / "self-evaluation.facts.json"
    assert 0 == CliRunner().invoke(main, ["score", str(facts), "-o", str(form)]).exit_code
    return form.read_bytes()


def test_a_folder_search_names_an_old_workbook_as_a_failed_project(tmp_path: Path):
    """单位A.xls (Excel 97-2003) and 单位B.xls (an .xlsx renamed) beside 单位C.xlsx: the batch scores C, and each .xls is a
    failed project saying what to do; before, both were left out without a word and the run exited 0."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "单位A.xls").write_bytes(OLD_OFFICE)
    (tmp_path / "in" / "单位B.xls").write_bytes(_form(tmp_path))
    (tmp_path / "in" / "单位C.xlsx").write_bytes(_form(tmp_path))
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(tmp_path / "in"), "-q"])
    assert 1 == run.exit_code and "3 projects: 1 scored, 2 failed" in run.output
    assert "单位A.xls: this is an Excel 97-2003 workbook (.xls) or another old Office file, which is not read (open it in " \
           "Excel or WPS and save it as Excel Workbook (.xlsx))" in run.output
    assert "单位B.xls: this is an Excel workbook (.xlsx) or another zip archive, not a YAML or JSON text file (rename it to " \
           "end in .xlsx" in run.output


def test_an_old_workbook_given_to_score_says_to_save_it_as_xlsx(tmp_path: Path):
    """Not 'not UTF-8 text (byte 0) (save the file as UTF-8)', advice for a text file."""
    (tmp_path / "form.xls").write_bytes(OLD_OFFICE)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(tmp_path / "form.xls"), "--set", "national-framework"])
    assert 1 == run.exit_code and "这是 Excel 97-2003 工作簿（.xls）" in run.output and "另存为 Excel 工作簿（.xlsx）" in run.output


def test_an_xls_that_is_a_table_saved_as_html_or_empty_is_said_to_be_an_old_workbook(tmp_path: Path):
    """Systems export 'xls' files that are HTML tables, and WPS leaves empty ones: named as workbooks not read, with the
    fix, not as a JSON syntax error or a facts document to write."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "导出.xls").write_text("<html><body><table><tr><td>项目</td></tr></table></body></html>",
                                            encoding="utf-8")
    (tmp_path / "in" / "空.et").write_bytes(b"")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(tmp_path / "in"), "-q"])
    assert 1 == run.exit_code
    assert 2 == run.output.count("this is an Excel 97-2003 workbook (.xls) or another old Office file, which is not read")


def test_import_says_of_a_renamed_or_old_workbook_what_score_says(tmp_path: Path):
    """import read an .xlsx renamed .xls where score and batch ask to rename it; the same file gets the same answer."""
    (tmp_path / "renamed.xls").write_bytes(_form(tmp_path))
    (tmp_path / "old.et").write_bytes(OLD_OFFICE)
    renamed = CliRunner().invoke(main, ["--lang", "en", "import", str(tmp_path / "renamed.xls")])
    assert 1 == renamed.exit_code and "rename it to end in .xlsx" in renamed.output
    old = CliRunner().invoke(main, ["--lang", "en", "import", str(tmp_path / "old.et"), "--set", "national-framework"])
    assert 1 == old.exit_code and "save it as Excel Workbook (.xlsx)" in old.output


def _ods() -> bytes:
    """An OpenDocument spreadsheet's zip archive as LibreOffice and WPS begin it: mimetype first, stored as it is."""
    import io
    import zipfile

    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        book.writestr("content.xml", "<office:document-content/>", zipfile.ZIP_DEFLATED)
    return data.getvalue()


def test_a_folder_search_names_an_ods_xlsb_or_template_as_a_failed_project(tmp_path: Path):
    """QA165 F7: 甲.ods beside 乙.xlsx was left out of a folder's batch without a word (1 project, exit 0); an .ods, an
    .xlsb and an Excel template (.xltx) are failed projects each saying to save it as Excel Workbook (.xlsx)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "甲.ods").write_bytes(_ods())
    (tmp_path / "in" / "丙.xlsb").write_bytes(_ods())
    (tmp_path / "in" / "丁.xltx").write_bytes(_form(tmp_path))
    (tmp_path / "in" / "乙.xlsx").write_bytes(_form(tmp_path))
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(tmp_path / "in"), "-q"])
    assert 1 == run.exit_code and "4 projects: 1 scored, 3 failed" in run.output, run.output
    fix = "(open it in Excel, WPS or LibreOffice and save it as Excel Workbook (.xlsx))"
    assert f"甲.ods: this is an OpenDocument spreadsheet (.ods), which is not read {fix}" in run.output
    assert f"丙.xlsb: this is an Excel binary workbook (.xlsb), which is not read {fix}" in run.output
    assert f"丁.xltx: this is an Excel template (.xltx), which is not read {fix}" in run.output


def test_an_ods_given_to_score_or_import_or_renamed_xlsx_is_told_to_be_saved_as_xlsx(tmp_path: Path):
    """QA165 F7: score F.ods said it was an .xlsx or another zip archive, to be renamed to end in .xlsx, and renamed it
    was 'a zip archive without a workbook's parts'. An .ods, under its name or renamed, is said to be one, in Chinese
    under Chinese, with the fix: save it as Excel Workbook (.xlsx)."""
    (tmp_path / "form.ods").write_bytes(_ods())
    (tmp_path / "form.xlsx").write_bytes(_ods())
    (tmp_path / "form.json").write_bytes(_ods())
    for command, name in (("score", "form.ods"), ("import", "form.ods"), ("score", "form.xlsx"), ("import", "form.xlsx"),
                          ("score", "form.json")):
        run = CliRunner().invoke(main, ["--lang", "zh", command, str(tmp_path / name)])
        assert 1 == run.exit_code and "这是 OpenDocument 电子表格（.ods），不能读取（在 Excel、WPS 或 LibreOffice 中打开，" \
            "另存为 Excel 工作簿（.xlsx））" in run.output, (command, name, run.output)


def test_an_xlsb_renamed_xlsx_is_said_to_be_a_binary_workbook(tmp_path: Path):
    """An .xlsb renamed .xlsx was 'cannot read the workbook: OSError: File contains no valid workbook part'."""
    import zipfile

    with zipfile.ZipFile(tmp_path / "form.xlsx", "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.bin", b"\x83\x01\x00")
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(tmp_path / "form.xlsx")])
    assert 1 == run.exit_code and "this is an Excel binary workbook (.xlsb), which is not read" in run.output, run.output


def test_a_form_or_facts_file_whose_name_ends_in_a_space_is_a_failed_project_of_a_folders_batch(tmp_path: Path):
    """QA186 F4: 'P2024003.xlsx ' (a space after .xlsx, as unzipping a Windows zip leaves) beside P2024004.xlsx was left
    out of the folder's batch without a word (1 project, exit 0). It and a facts file 'b.json.' are failed projects each
    saying what follows the suffix, with the fix score gives: rename it to end in .xlsx (.json); Chinese under Chinese."""
    folder = tmp_path / "单位"
    folder.mkdir()
    (folder / "P2024003.xlsx ").write_bytes(_form(tmp_path))
    (folder / "P2024004.xlsx").write_bytes(_form(tmp_path))
    (folder / "b.json.").write_text("{}", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(folder), "-q"])
    assert 1 == run.exit_code and "3 projects: 1 scored, 2 failed" in run.output, run.output
    assert (f"{folder / 'P2024003.xlsx '}: the file name has ' ' after .xlsx, so it is not read as a .xlsx file (rename it "
            "to end in .xlsx)") in run.output
    assert "b.json.: the file name has '.' after .json, so it is not read as a .json file (rename it to end in .json)" \
        in run.output
    chinese = CliRunner().invoke(main, ["--lang", "zh", "batch", str(folder), "-q"]).output
    assert "P2024003.xlsx : 文件名在 .xlsx 之后还有 ' '（空格或句点），因此没有作为 .xlsx 文件读取（把文件名改为以 .xlsx 结尾）" \
        in chinese, chinese


def test_an_old_workbook_whose_name_ends_in_a_space_or_dot_is_a_failed_project_saying_rename_and_save_as(tmp_path: Path):
    """QA187 F6: 'e.xls ' (a space after .xls) and 'g.et.' beside f.xls and a facts file: the batch reported f.xls's
    save-as-.xlsx error but left the other two out without a word. Each is a failed project now, told to rename it and
    save it as .xlsx (an .ods too, with LibreOffice named); Chinese under Chinese."""
    folder = tmp_path / "单位"
    folder.mkdir()
    for name in ("e.xls ", "f.xls", "g.et.", "h.ods "):
        (folder / name).write_bytes(OLD_OFFICE)
    (folder / "p1.json").write_bytes((ROOT / "indicator_sets" / "self-evaluation.facts.json").read_bytes())
    run = CliRunner().invoke(main, ["--lang", "en", "batch", str(folder), "-q"])
    assert 1 == run.exit_code and "5 projects: 1 scored, 4 failed" in run.output, run.output
    assert (f"{folder / 'e.xls '}: the file name has ' ' after .xls, so it is not read as a .xls file (rename it to end "
            "in .xls, then open it in Excel or WPS and save it as Excel Workbook (.xlsx))") in run.output
    assert "g.et.: the file name has '.' after .et, so it is not read as a .et file (rename it to end in .et, then open " \
        "it in Excel or WPS and save it as Excel Workbook (.xlsx))" in run.output
    assert "(rename it to end in .ods, then open it in Excel, WPS or LibreOffice and save it as Excel Workbook (.xlsx))" \
        in run.output
    chinese = CliRunner().invoke(main, ["--lang", "zh", "batch", str(folder), "-q"]).output
    assert "e.xls : 文件名在 .xls 之后还有 ' '（空格或句点），因此没有作为 .xls 文件读取（把文件名改为以 .xls 结尾，然后在 Excel 或 " \
        "WPS 中打开，另存为 Excel 工作簿（.xlsx））" in chinese, chinese


def test_load_facts_of_a_text_named_xlsx_says_what_the_text_is_as_score_does(tmp_path: Path):
    """QA190: a program calling load_facts("自评.xlsx") on a facts file saved under a workbook's name was told
    "JSON syntax: Expecting value", where `score` says it is a facts file to rename; a text of no known kind is said
    to be a text, with the call that reads a facts file."""
    import pytest

    from scoring_engine import load_facts
    from scoring_engine.errors import FactsError

    named = tmp_path / "自评.xlsx"
    named.write_text("indicator_set: national-framework\nfacts:\n  budget: {total: 1}\n", encoding="utf-8")
    with pytest.raises(FactsError) as raised:
        load_facts(named)
    assert "this is a facts file (it has facts:), not a filled 自评表 workbook (.xlsx) (rename it to end in .json" \
           in str(raised.value)
    named.write_text("各单位请于月底前报送\n", encoding="utf-8")
    with pytest.raises(FactsError) as raised:
        load_facts(named)
    assert "this is a text file, not an .xlsx workbook" in str(raised.value)  # a note is no JSON or YAML (QA214 3)
    assert "in Python, load_facts(path) reads a facts file named .json or .yaml" in str(raised.value)
    assert "在 Python 中，load_facts(path) 读取以 .json 或 .yaml 命名的事实文件" in raised.value.problems[0].text("zh")


def test_a_workbook_damaged_inside_is_said_to_be_damaged_in_chinese(tmp_path: Path):
    """QA203 9: a form whose cell names a style the workbook lacks (s="99999") was refused as 无法读取工作簿：`IndexError:
    list index out of range`, Python's words alone to a Chinese user; it is said to be damaged, the words kept as detail."""
    import io
    import re
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(_form(tmp_path)))
    damaged = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(damaged, "w") as book:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<c r="E6"( s="\d+")?', b'<c r="E6" s="99999"', data, count=1)
            book.writestr(item, data)
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(damaged)])
    assert 1 == run.exit_code and "无法读取工作簿：文件已损坏（技术细节：`IndexError: " in run.output, run.output


_SAVE_AS_XLSX = "（在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx））"
_RENAME = "（若是事实文件，请改名为以 .json（或 .yaml）结尾，再用 scoring-engine score 评分；填好的自评表应为 Excel 工作簿（.xlsx））"


@pytest.mark.parametrize(("text", "said"), [
    ("项目名称,预算数（万元）,执行数（万元）\n某项目,100,90\n".encode(), "这是 CSV 表格，不是 .xlsx 工作簿" + _SAVE_AS_XLSX),
    ("项目名称,预算数（万元）\n某项目,100\n".encode("gbk"), "这是 CSV 表格，不是 .xlsx 工作簿" + _SAVE_AS_XLSX),
    ("项目名称\t预算数\n某项目\t100\n".encode(), "这是 CSV 表格，不是 .xlsx 工作簿" + _SAVE_AS_XLSX),
    ("<html><body><table><tr><td>项目支出绩效自评表</td></tr></table></body></html>".encode(),
     "这是网页（HTML），不是 .xlsx 工作簿" + _SAVE_AS_XLSX),
    ("<!DOCTYPE html>\n<html><body>自评表</body></html>".encode("gbk"), "这是网页（HTML），不是 .xlsx 工作簿" + _SAVE_AS_XLSX),
    (b"foo: 1\nbar: [1, 2]\n", "这是文本文件（JSON 或 YAML），不是 .xlsx 工作簿" + _RENAME),
    ("各单位请于月底前报送, 谢谢\n".encode(), "这是文本文件，不是 .xlsx 工作簿" + _RENAME),
], ids=["csv", "csv-in-gbk", "tab-separated", "web-page", "web-page-in-gbk", "yaml", "note"])
def test_a_text_named_xlsx_is_said_to_be_what_it_is_with_a_fix_that_works(tmp_path: Path, text: bytes, said: str):
    """QA214 3: a CSV table and a web page saved under a workbook's name were each called a text file (JSON or YAML),
    and told to score it with scoring-engine score, the command just run. A table and a web page (in GBK too) are named
    so, to be saved as a workbook from Excel or WPS; JSON or YAML only when it reads as such, with the fix of renaming
    a facts file; score and import alike."""
    (tmp_path / "汇总.xlsx").write_bytes(text)
    for command in ("score", "import"):
        run = CliRunner().invoke(main, ["--lang", "zh", command, str(tmp_path / "汇总.xlsx")])
        assert 1 == run.exit_code and run.stderr == f"错误：{tmp_path / '汇总.xlsx'}: {said}\n", run.stderr


def test_score_and_import_of_facts_named_xlsx_both_say_to_rename_them_to_json(tmp_path: Path):
    """QA214 3: `import facts.xlsx` (a facts file named as a workbook) said 事实文件无需导入：直接用 scoring-engine score
    为它评分, and `score facts.xlsx` then refused it, to be renamed. Both say to rename it to .json; import of one named
    .json still says to score it as it is."""
    named = tmp_path / "facts.xlsx"
    named.write_bytes((ROOT / "examples" / "small" / "facts.json").read_bytes())
    score = CliRunner().invoke(main, ["--lang", "zh", "score", str(named)]).stderr
    assert "把文件名改为以 .json（或 .yaml）结尾" in score, score
    imported = CliRunner().invoke(main, ["--lang", "zh", "import", str(named)]).stderr
    assert "（事实文件无需导入：改名为以 .json（或 .yaml）结尾后，直接用 scoring-engine score 为它评分）" in imported, imported
    as_json = CliRunner().invoke(main, ["--lang", "zh", "import", str(ROOT / "examples" / "small" / "facts.json")]).stderr
    assert "（事实文件无需导入：直接用 scoring-engine score 为它评分）" in as_json, as_json


def test_an_excel_2003_xml_spreadsheet_named_xlsx_is_said_to_be_one_not_a_web_page(tmp_path: Path):
    """QA217 7: an Excel 2003 XML spreadsheet (SpreadsheetML, <Workbook xmlns="urn:schemas-microsoft-com:office:
    spreadsheet">…<Table>) named .xlsx was called a web page (HTML) by its <Table>. It is named an Excel 2003 XML
    spreadsheet, with the same fix of saving it as a workbook, by score, import and batch; a web page Excel saved, which
    names Excel's namespace office:excel, is still a web page."""
    xml = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:'
           'office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="自评表"><Table>'
           '<Row><Cell><Data ss:Type="String">项目名称</Data></Cell></Row></Table></Worksheet></Workbook>\n')
    form = tmp_path / "自评表.xlsx"
    form.write_bytes(xml.encode())
    for command in ("score", "import", "batch"):
        run = CliRunner().invoke(main, ["--lang", "zh", command, str(form), *(["-q"] if command == "batch" else [])])
        assert 1 == run.exit_code and f"{form}: 这是 Excel 2003 XML 表格，不是 .xlsx 工作簿{_SAVE_AS_XLSX}" in run.stderr, \
            run.stderr
    run = CliRunner().invoke(main, ["--lang", "en", "score", str(form)])
    assert "this is an Excel 2003 XML spreadsheet, not an .xlsx workbook (open it in Excel or WPS" in run.stderr, run.stderr
    form.write_text('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>项目名称</td></tr></table>'
                    '</body></html>', encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "score", str(form)])
    assert "这是网页（HTML），不是 .xlsx 工作簿" in run.stderr, run.stderr


def test_an_excel_2003_xml_spreadsheet_under_excels_own_xml_name_is_said_to_be_one(tmp_path: Path) -> None:
    """QA219 4: Excel saves an XML spreadsheet as .xml; score called such a form a JSON syntax error (1:1), while import
    named it. score says what it is, with the fix to save it as a workbook, as import does; another .xml is left as it
    was."""
    xml = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:'
           'office:spreadsheet"><Worksheet><Table><Row><Cell><Data>项目名称</Data></Cell></Row></Table></Worksheet>'
           '</Workbook>\n')
    form = tmp_path / "自评表.xml"
    form.write_bytes(xml.encode())
    for command in ("score", "import"):
        run = CliRunner().invoke(main, ["--lang", "zh", command, str(form)])
        assert 1 == run.exit_code and f"{form}: 这是 Excel 2003 XML 表格，不是 .xlsx 工作簿{_SAVE_AS_XLSX}" in run.stderr, \
            run.stderr


_EXCEL_XML = ('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:'
              'office:spreadsheet"><Worksheet><Table><Row><Cell><Data>项目名称</Data></Cell></Row></Table></Worksheet>'
              '</Workbook>\n')


def test_a_folder_search_names_an_excel_2003_xml_spreadsheet_as_a_failed_project(tmp_path: Path) -> None:
    """QA220 4: 自评表.xml (a form saved as Excel 2003 XML) beside good.xlsx, old.xls and b.ods was left out of the
    batch without a word, and a folder holding only it had nothing to score. It is a failed project saying what score
    says of it, and the run exits 1; any other XML file in the folder (a tool's config) is still left out."""
    folder, alone = tmp_path / "fold", tmp_path / "alone"
    folder.mkdir(), alone.mkdir()
    (folder / "自评表.xml").write_bytes(_EXCEL_XML.encode())
    (alone / "自评表.xml").write_bytes(_EXCEL_XML.encode())
    (folder / "good.xlsx").write_bytes(_form(tmp_path))
    (folder / "old.xls").write_bytes(OLD_OFFICE)
    (folder / "b.ods").write_bytes(_ods())
    (folder / "config.xml").write_text('<?xml version="1.0"?>\n<settings><a>1</a></settings>\n', encoding="utf-8")
    # an XSLT making Excel XML names its namespace and is no spreadsheet: it is left out too (QA222 3)
    (folder / "to-excel.xml").write_text('<?xml version="1.0"?>\n<!-- <Workbook> -->\n<xsl:stylesheet version="1.0" '
                                         'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:ss="urn:schemas-'
                                         'microsoft-com:office:spreadsheet"><xsl:template match="/"><ss:Workbook/>'
                                         '</xsl:template></xsl:stylesheet>\n', encoding="utf-8")
    said = f"这是 Excel 2003 XML 表格，不是 .xlsx 工作簿{_SAVE_AS_XLSX}"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(folder), "-q", "-j", "1", "-o", str(tmp_path / "s.csv")])
    assert 1 == run.exit_code and "4个项目：已评分1，评分失败3" in run.output, run.output
    assert f"{folder / '自评表.xml'}: {said}" in run.stderr and "config.xml" not in run.output, run.output
    assert "to-excel.xml" not in run.output, run.output
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(alone), "-q", "-j", "1", "-o", str(tmp_path / "a.csv")])
    assert 1 == run.exit_code and f"{alone / '自评表.xml'}: {said}" in run.stderr, run.output
    assert "没有可评分的项目" not in run.output, run.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_an_excel_2003_xml_spreadsheet_saved_as_utf_16_is_said_to_be_one(tmp_path: Path, encoding: str) -> None:
    """QA220 8: an Excel 2003 XML spreadsheet saved as UTF-16 (with its mark, as Notepad or a tool writes it) was told
    by score to be saved as UTF-8, then named for what it is: two rounds; import called it no zip archive. score, import
    and a folder's batch say at once that it is one, to be saved as a workbook; under an .xlsx name too."""
    text = _EXCEL_XML.replace('version="1.0"?>', 'version="1.0" encoding="UTF-16"?>')
    data = (b"\xfe\xff" if encoding.endswith("be") else b"") + text.encode(encoding)
    (tmp_path / "in").mkdir()
    for form in (tmp_path / "in" / "自评表.xml", tmp_path / "自评表.xlsx"):
        form.write_bytes(data)
        for command in ("score", "import"):
            run = CliRunner().invoke(main, ["--lang", "zh", command, str(form)])
            assert 1 == run.exit_code and f"{form}: 这是 Excel 2003 XML 表格，不是 .xlsx 工作簿{_SAVE_AS_XLSX}" in run.stderr, \
                run.stderr
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path / "in"), "-q", "-j", "1",
                                    "-o", str(tmp_path / "s.csv")])
    assert 1 == run.exit_code and "这是 Excel 2003 XML 表格" in run.stderr, run.output


@pytest.mark.parametrize("text", [
    '<?xml version="1.0"?>\n<settings><a>1</a></settings>\n',
    '\ufeff<?xml version="1.0"?>\n<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:ss='
    '"urn:schemas-microsoft-com:office:spreadsheet"><xsl:template match="/"><ss:Workbook/></xsl:template></xsl:stylesheet>',
])
def test_an_xml_file_that_is_no_spreadsheet_given_to_score_or_import_is_said_to_be_xml(tmp_path: Path, text: str) -> None:
    """QA223 7: score said of a tool's config.xml (or an XSLT) 'config.xml:1:1: JSON 语法错误：这里应有一个值', as if it were
    a facts file with a typo. score, import and an explicit batch input say it is an XML file, not facts or a form;
    in UTF-16 too."""
    said = "这是 XML 文件，不是事实文件（.json、.yaml），也不是填好的自评表（.xlsx）（请给出项目的事实文件，或另存为 Excel 工作簿（.xlsx）的自评表）"
    for data in (text.encode(), text.lstrip("\ufeff").encode("utf-16")):
        config = tmp_path / "config.xml"
        config.write_bytes(data)
        for command in ("score", "import"):
            run = CliRunner().invoke(main, ["--lang", "zh", command, str(config)])
            assert 1 == run.exit_code and f"{config}: {said}" in run.stderr and "JSON" not in run.stderr, run.stderr
        run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(config), "-q", "-o", str(tmp_path / "s.csv")])
        assert 1 == run.exit_code and f"{config}: {said}" in run.stderr, run.output

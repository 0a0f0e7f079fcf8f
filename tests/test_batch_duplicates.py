"""A project id given by more than one document of a batch, in the same year, is reported: on the terminal, in the 统计
sheet and on the page; every document is still scored, and a re-check given twice is compared with its first."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from portfolio import beside_the_set, project
from scoring_engine.cli import main


def _jsonl(path: Path, *numbers: int, year: dict[int, Any] | None = None) -> Path:
    """A JSONL file of the portfolio's projects with these numbers (a number twice: the same project twice)."""
    beside_the_set(path.parent)
    lines = []
    for line, number in enumerate(numbers):
        document = project(number, random.Random(number))
        if year and line in year:
            document["project"]["year"] = year[line]
        lines.append(json.dumps(document, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _edited(path: Path, change: Callable[[int, dict[str, Any]], None]) -> Path:
    """The JSONL file at `path` with `change(line number from 0, document)` made to each of its documents."""
    documents = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for i, document in enumerate(documents):
        change(i, document)
    path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in documents) + "\n", encoding="utf-8")
    return path


def _without_paid_first(i: int, document: dict[str, Any]) -> None:
    """The first document lacks a fact it needs: it fails."""
    if i == 0:
        del document["facts"]["budget"]["paid"]


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", *args])


def _statistics(path: Path) -> list[tuple[Any, ...]]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    rows = [row for row in book["统计"].iter_rows(values_only=True) if any(cell is not None for cell in row)]
    book.close()
    return rows


def test_a_project_given_twice_is_scored_twice_and_reported_in_every_output(tmp_path: Path):
    """P00002 twice: 4 documents scored (exit 0), and the terminal, the 统计 sheet and the page name the id and both lines."""
    facts = _jsonl(tmp_path / "in" / "p.jsonl", 1, 2, 3, 2)
    book, page = tmp_path / "s.xlsx", tmp_path / "s.html"
    run = _run(str(facts), "-o", str(book), "-o", str(page))
    assert 0 == run.exit_code, run.output
    assert "4个项目：已评分4" in run.output
    assert "项目编号重复1个：P00002（2024年度）共2份：" in run.output and "p.jsonl:2、" in run.output and "p.jsonl:4" in run.output
    rows = _statistics(book)
    assert ("项目编号重复", 1) in [row[:2] for row in rows]
    listed = [row for row in rows if row[0] == "P00002"]
    assert 1 == len(listed) and 2 == listed[0][2] and "本批" == listed[0][3]
    html = page.read_text(encoding="utf-8")
    assert 'id="duplicates"' in html and "P00002" in html.split('id="duplicates"')[1]


def test_the_same_id_in_another_year_is_another_project_year(tmp_path: Path):
    """P00001 in 2023 and in 2024 are two project-years: nothing is reported, and no output has the table."""
    facts = _jsonl(tmp_path / "in" / "p.jsonl", 1, 1, year={0: 2023})
    book = tmp_path / "s.xlsx"
    run = _run(str(facts), "-o", str(book))
    assert 0 == run.exit_code and "重复" not in run.output
    assert not [row for row in _statistics(book) if "重复" in str(row[0])]


def test_a_recheck_holding_a_project_twice_is_reported_and_compared_with_the_first(tmp_path: Path):
    """The re-check gives P00001 twice, the second differently: reported as the re-check's, and P00001 compared with the
    first (a difference of 0), not with the second."""
    own = _jsonl(tmp_path / "self" / "p.jsonl", 1, 2)
    recheck = _jsonl(tmp_path / "check" / "p.jsonl", 1, 2, 1)
    lines = recheck.read_text(encoding="utf-8").splitlines()
    changed = json.loads(lines[2])
    changed["facts"]["budget"]["paid"] = 20  # a much lower 执行率: a big difference, were it compared
    recheck.write_text("\n".join([*lines[:2], json.dumps(changed, ensure_ascii=False)]) + "\n", encoding="utf-8")
    out = tmp_path / "c.jsonl"
    run = _run(str(own), "--compare-with", str(recheck), "-o", str(out))
    assert 0 == run.exit_code, run.output
    assert "复核中项目编号重复1个：P00001（2024年度）共2份：" in run.output
    assert not [line for line in run.output.splitlines() if line.startswith("项目编号重复")]  # the batch's own are not
    compared = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(entry["compare"]["difference"] == 0 for entry in compared)


def test_a_recheck_of_another_year_is_not_compared_with_this_years_project(tmp_path: Path):
    """P00001 of 2024 and a re-check of P00001 of 2023 are two project-years: not compared (the re-check counts as
    unmatched); a re-check that gives no year is compared, as is one of the same year."""
    own = _jsonl(tmp_path / "self" / "p.jsonl", 1)
    for year, compared in ((2023, False), (2024, True), (None, True)):
        recheck = _jsonl(tmp_path / f"check{year}" / "p.jsonl", 1)
        document = json.loads(recheck.read_text(encoding="utf-8"))
        if year is None:
            del document["project"]["year"]
        else:
            document["project"]["year"] = year
        recheck.write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")
        run = _run(str(own), "--compare-with", str(recheck))
        assert 0 == run.exit_code, run.output
        assert ("与复核对比1个" if compared else "与复核对比0个，标记0个；复核中未找到对应项目1个") in run.output, year


def test_an_id_typed_with_spaces_or_full_width_is_the_same_id_and_no_year_reads_clearly(tmp_path: Path):
    """' P00001 ' and 'Ｐ００００１' are P00001 (a duplicate, and matched by a re-check); without a year the line reads
    'P00001共3份', not 'P000013份'."""
    facts = _jsonl(tmp_path / "in" / "p.jsonl", 1, 2, 3, 4)
    documents = [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines()]
    for document, written in zip(documents, ("P00001", " P00001 ", "Ｐ００００１", "P00001\u200b\u3164"), strict=True):
        document["project"]["id"] = written  # the last pasted with a zero-width space and a filler (QA43 F11, QA45 F11)
        del document["project"]["year"]
    facts.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in documents) + "\n", encoding="utf-8")
    run = _run(str(facts))
    assert "项目编号重复1个：P00001共4份：" in run.output, run.output


def test_a_year_written_2024nian_or_full_width_is_the_same_year_for_duplicates_and_the_years_note(tmp_path: Path):
    """QA34 F2: P00001 of 2024, '2024年', '2024年度' and '２０２４' went unreported (four years to the duplicate check, though
    re-checks match them as one), and the batch warned of mixing four years. They are one project-year: one duplicate
    line, no note of several years."""
    facts = _jsonl(tmp_path / "in" / "p.jsonl", 1, 1, 1, 1, 1, 1,
                   year={1: "2024年", 2: "2024年度", 3: "２０２４", 4: "二〇二四年", 5: "FY2024"})  # QA35 F8: the last two
    run = _run(str(facts))
    assert "项目编号重复1个：P00001（2024年度）共6份：" in run.output, run.output
    assert "多个年度" not in run.output


def test_a_year_typed_with_the_circle_or_the_letter_o_for_zero_or_an_invisible_character_is_the_same_year(tmp_path: Path):
    """QA42 F4: '二○二四年' (the circle ○ most input methods give for 〇), '二O二四年', '2024年' with a zero-width space,
    '2024.00' were other years: the duplicate went unreported and the note said the batch mixed 2024 and 2○24."""
    facts = _jsonl(tmp_path / "in" / "p.jsonl", 1, 1, 1, 1, 1,
                   year={1: "二○二四年", 2: "二O二四年", 3: "2024年\u200b", 4: "2024.00"})
    run = _run(str(facts))
    assert "项目编号重复1个：P00001（2024年度）共5份：" in run.output, run.output
    assert "多个年度" not in run.output


def test_a_recheck_is_compared_with_the_first_of_two_projects_giving_its_id_and_year_only(tmp_path: Path):
    """QA34 F3: two projects of one 项目编号 and year (an id reused by another unit) both took the one re-check: compared
    twice, flagged twice, counted twice in 与复核对比 and the mean difference. The first is compared, as the 统计 heading
    says; the second is not, and the duplicate is reported."""
    own = _jsonl(tmp_path / "self" / "p.jsonl", 1, 2, 1)
    recheck = _jsonl(tmp_path / "check" / "p.jsonl", 1)
    out = tmp_path / "c.jsonl"
    run = _run(str(own), "--compare-with", str(recheck), "-o", str(out))
    assert 0 == run.exit_code, run.output
    assert "与复核对比1个" in run.output and "项目编号重复1个：P00001" in run.output
    compared = [json.loads(line).get("compare") for line in out.read_text(encoding="utf-8").splitlines()]
    assert [True, False, False] == [c is not None and "total" in c for c in compared]  # the second names the first (QA307 7)


def test_a_recheck_goes_to_the_scored_project_when_the_first_of_its_id_failed(tmp_path: Path):
    """QA35 F1: two documents of P00001 2024, the first without a fact it needs (fails), the second scored: the failed one
    took the re-check and the scored one said 未抽查复核 (对比0个). The scored one is compared."""
    own = _edited(_jsonl(tmp_path / "self" / "p.jsonl", 1, 1), _without_paid_first)
    recheck = _jsonl(tmp_path / "check" / "p.jsonl", 1)
    out = tmp_path / "c.jsonl"
    run = _run(str(own), "--compare-with", str(recheck), "-o", str(out))
    assert 1 == run.exit_code and "与复核对比1个" in run.output, run.output
    compared = [json.loads(line).get("compare") for line in out.read_text(encoding="utf-8").splitlines()]
    assert [False, True] == [c is not None for c in compared]
    assert "均评分失败" not in run.output  # the re-check is compared: not counted as one whose project failed (QA70 F1)


def test_a_project_without_a_year_is_compared_only_with_a_recheck_without_one_whatever_the_order(tmp_path: Path):
    """QA35 F2, QA37 F1: P00001 without a year and P00001 of 2024, re-checked for 2024: the no-year project took the
    re-check (or both did), as the order of the files fell. The 2024 project is compared, in either order; a re-check
    without a year goes to the first scored project of the id, a failed one before it aside (QA37 F2)."""
    for order in ((None, 2024), (2024, None)):
        own = _edited(_jsonl(tmp_path / f"self{order[0]}" / "p.jsonl", 1, 1),
                      lambda i, document: document["project"].pop("year") if order[i] is None else None)  # noqa: B023
        recheck = _jsonl(tmp_path / f"check{order[0]}" / "p.jsonl", 1)
        out = tmp_path / f"c{order[0]}.jsonl"
        run = _run(str(own), "--compare-with", str(recheck), "-o", str(out))
        assert 0 == run.exit_code and "与复核对比1个" in run.output, run.output
        compared = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [y == 2024 for y in order] == [c.get("compare") is not None for c in compared]
    own = _edited(_jsonl(tmp_path / "failed" / "p.jsonl", 1, 1), _without_paid_first)
    recheck = _edited(_jsonl(tmp_path / "no-year" / "p.jsonl", 1), lambda i, document: document["project"].pop("year"))
    run = _run(str(own), "--compare-with", str(recheck))
    assert "与复核对比1个" in run.output, run.output


def test_projects_whose_id_is_only_invisible_characters_are_no_duplicates(tmp_path: Path):
    """QA46 F6: two projects whose id is a zero-width space were reported as duplicates under an empty id."""
    facts = _jsonl(tmp_path / "in" / "p.jsonl", 1, 2)
    documents = [json.loads(line) for line in facts.read_text(encoding="utf-8").splitlines()]
    for document in documents:
        document["project"]["id"] = "\u200b"
    facts.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in documents) + "\n", encoding="utf-8")
    assert "项目编号重复" not in _run(str(facts)).output


def test_the_summary_sheets_year_is_a_number_however_the_project_writes_it(tmp_path: Path):
    """QA305 5: 汇总's 年度 stood as the text '2024年' beside the number 2024 of another project (a form's, or "2024"):
    sorting or filtering the column in a spreadsheet split one year in two. Every spelling of 2024 is the number 2024,
    as 统计 counts it; a year that is none stays as written."""
    from openpyxl import load_workbook

    facts = _jsonl(tmp_path / "in" / "p.jsonl", 1, 2, 3, 4, 5,
                   year={0: 2024, 1: "2024年", 2: "２０２４", 3: "二〇二四年度", 4: "2023-2024"})
    book = tmp_path / "out.xlsx"
    run = CliRunner().invoke(main, ["batch", str(facts), "--output", str(book), "--quiet"])
    assert run.exit_code == 0, run.output
    sheet = load_workbook(book, read_only=True)["汇总"]
    rows = list(sheet.values)
    column = rows[0].index("年度")
    assert [2024, 2024, 2024, 2024, "2023-2024"] == [row[column] for row in rows[1:6]]


def test_the_second_document_of_an_id_names_the_first_which_took_their_recheck(tmp_path: Path):
    """QA307 7: of two documents of the batch with one id and year, the first is compared with their re-check; the second
    said 未抽查复核 (its .jsonl compare null), as if the project had not been sampled. Its 对比标记 says the id is given
    twice and names the document the re-check was compared with; the .jsonl says taken_by."""
    import csv
    import io

    own = _jsonl(tmp_path / "self" / "p.jsonl", 1, 2, 1)
    recheck = _jsonl(tmp_path / "re" / "r.jsonl", 1)
    out, lines = tmp_path / "s.csv", tmp_path / "s.jsonl"
    run = _run(str(own), "--compare-with", str(recheck), "-o", str(out), "-o", str(lines))
    assert 0 == run.exit_code, run.output
    marks = [row["对比标记"] for row in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))]
    assert ["", "未抽查复核", f"项目编号重复，复核已与{own}:1对比"] == [m if "复核已与" in m or m == "未抽查复核" else "" for m in marks]
    compared = [json.loads(line)["compare"] for line in lines.read_text(encoding="utf-8").splitlines()]
    assert compared[1] is None and {"against": "复核", "taken_by": f"{own}:1"} == compared[2]

"""The batch page (`batch --output page.html`) as a reader sees it: in a browser and printed on A4 (QA316)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from browser import A4_CONTENT_WIDTH_PX, Chromium
from conftest import ROOT
from scoring_engine.cli import main

NATIONAL = json.loads((ROOT / "indicator_sets" / "national-framework.facts.json").read_text(encoding="utf-8"))
URL = "https://czj.example.gov.cn/zwgk/zcwj/2024/20240615_performance_evaluation_notice_" + "a" * 120 + ".html"
#: An 85-character unit name without a space, as QA316 F1 had it.
LONG_UNIT = "SHENZHEN_MUNICIPAL_BUREAU_OF_FINANCE_DATA_CENTER_PERFORMANCE_EVALUATION_OFFICE_2024_X"


def _batch(tmp_path: Path, documents: list[dict[str, Any]], *args: str, failed: bool = False) -> Any:
    lines = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents)
    (tmp_path / "in.jsonl").write_text(lines, encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", str(tmp_path / "in.jsonl"), "-j1", "--quiet", *args])
    assert int(failed) == run.exit_code, run.output  # 1 when a project could not be scored
    return run


def _national(number: int, name: str, unit: str, department: str) -> dict[str, Any]:
    """A national-framework project losing a few points more with each number: 良, 中 and 差 (需说明) among them."""
    document = copy.deepcopy(NATIONAL)
    document["project"] = {"name": name, "unit": unit, "department": department, "id": f"P{number:03d}", "year": 2024}
    document["facts"]["budget"]["paid"] = 1000 - 60 * number
    document["facts"]["output"]["actual"] = 100 - 6 * number
    document["facts"]["budget"]["payd"] = 1  # a fact the set does not declare: a 提示 on the page
    return document


def test_long_text_without_spaces_keeps_every_table_of_the_batch_page_on_an_a4_page(chromium: Chromium, tmp_path: Path):
    """QA316 F1, F2: a URL or a 24-digit id in a project's name and an 85-character unit name laid the batch page's
    tables out 1,585 px wide (A4's content is 703 px), so the printed page shrank to two thirds or lost its right-hand
    columns (总分, 等级, 需说明事项); and the 结果应用 and --compare-set tables were wider than A4 even for the bundled
    examples, their headers on one line. Printed, every table of the page now fits A4's width, the long text wrapping
    inside its cell as the single report's does, and a project's name keeps room to be read beside a long 对比标记."""
    names = [f"政务云平台扩容项目（依据{URL}）", "招标编号" + "4" * 24, "项目779859", "智慧城市数据平台建设项目", "项目5", "项目6"]
    documents = [_national(n, name, LONG_UNIT if n % 2 else "市第一中学", "市教育局" if n < 3 else LONG_UNIT + "局")
                 for n, name in enumerate(names)]
    broken = copy.deepcopy(documents[0])
    broken["facts"]["budget"]["total"] = "一千"  # a project that fails: listed with its long name and unit
    other = (ROOT / "indicator_sets" / "national-framework.yaml").read_text(encoding="utf-8")
    (tmp_path / "province.yaml").write_text(other.replace("id: national-framework", "id: province-2024-performance-profile"),
                                            encoding="utf-8")
    _batch(tmp_path, [*documents, broken], "--compare-set", str(tmp_path / "province.yaml"), "-o", str(tmp_path / "b.html"),
           failed=True)
    page = chromium.open((tmp_path / "b.html").as_uri())
    assert [] == page.errors()
    printed_width, _ = page.print_layout()
    assert printed_width <= A4_CONTENT_WIDTH_PX, "the printed page is wider than A4"
    tables = json.loads(page.evaluate(
        "JSON.stringify([...document.querySelectorAll('table')].map(t => [t.className, Math.round(t.getBoundingClientRect().right),"
        " Math.max(...[...t.querySelectorAll('td, th')].map(c => c.getBoundingClientRect().right))]))"))
    kinds = {kind for kind, _, _ in tables}
    assert {"ranking", "placed", "consequences", "explain", "compared", "problems", "said"} <= kinds, kinds
    assert [] == [t for t in tables if max(t[1:]) > A4_CONTENT_WIDTH_PX]
    assert URL in page.evaluate("document.querySelector('table.placed').textContent")  # wrapped in its cell, not cut
    names_width = json.loads(page.evaluate(
        "JSON.stringify([...document.querySelectorAll('table.compared td:nth-child(2)')].map(e => e.getBoundingClientRect().width))"))
    assert names_width and min(names_width) >= A4_CONTENT_WIDTH_PX / 8, names_width


def _wide_set(folder: Path, groups: dict[str, int]) -> None:
    """wide.yaml: one 一级 per key with that many 二级, each scoring its share of 1 point from the fact x."""
    from portfolio import wide_set_yaml

    (folder / "wide.yaml").write_text(wide_set_yaml(groups), encoding="utf-8")


def _rate_page(tmp_path: Path, groups: dict[str, int], x: float) -> str:
    _wide_set(tmp_path, groups)
    documents = [{"indicator_set": "wide.yaml", "project": {"name": f"项目{n}", "unit": "甲"}, "facts": {"x": x}} for n in range(3)]
    _batch(tmp_path, documents, "-o", str(tmp_path / "b.html"))
    return (tmp_path / "b.html").read_text(encoding="utf-8")


def test_a_rate_chart_taller_than_a_page_is_drawn_in_pieces_that_each_print_whole(tmp_path: Path):
    """QA316 F3: the 各指标平均得分率 chart of a set with 54 一级 and 二级 indicators was one <svg> 1,304 px tall with
    break-inside: avoid: printed, page 1 ended with its heading and a quarter page blank, and the chart, still taller than
    a page, was cut across the next page break through a bar. It is now drawn as the single report's chart is: several
    <svg> of one width, each short enough to print whole, cut between 一级 groups where a group fits; every bar once, in
    the set's order. A chart that fits stays one <svg>."""
    from scoring_engine.reports.chart import CHART_PIECE_HEIGHT

    page = _rate_page(tmp_path, {"a": 40, "b": 5, "c": 12}, 0.9)
    svgs = re.findall(r'<svg [^>]*class="rate-chart[^"]*"[^>]*>.*?</svg>', page, re.S)
    assert len(svgs) > 2
    heights = [float(re.search(r' height="([\d.]+)"', s).group(1)) for s in svgs]  # type: ignore[union-attr]
    assert all(h <= CHART_PIECE_HEIGHT for h in heights), heights
    assert 1 == len({re.search(r' width="([\d.]+)"', s).group(1) for s in svgs})  # type: ignore[union-attr]
    bars = [re.findall(r'data-indicator="([^"]+)"', s) for s in svgs]
    order = [i for g, n in (("a", 40), ("b", 5), ("c", 12)) for i in (g, *(f"{g}{k}" for k in range(n)))]
    assert order == [i for piece in bars for i in piece]
    assert ["b", "b0", "b1", "b2", "b3", "b4"] in bars and any(piece[0] == "c" for piece in bars)  # whole groups, each first
    (tmp_path / "small").mkdir()
    small = _rate_page(tmp_path / "small", {"a": 4, "b": 3}, 0.9)
    assert 1 == small.count('class="rate-chart"') and 'class="rate-chart piece"' not in small


def test_the_orange_bars_of_the_rate_chart_are_explained_under_it(tmp_path: Path):
    """QA316 F6: bars of the 各指标平均得分率 chart whose mean 得分率 is below 80% are orange, and nothing on the page said
    what orange meant. A note under the chart says it (橙色：平均得分率低于80%) when a bar is orange, and nothing when none is."""
    low = _rate_page(tmp_path, {"a": 4, "b": 3}, 0.5)
    assert 'fill="#b5542a"' in low and "橙色</span>：平均得分率低于80%" in low
    (tmp_path / "high").mkdir()
    high = _rate_page(tmp_path / "high", {"a": 4, "b": 3}, 0.9)
    assert 'fill="#b5542a"' not in high and "橙色" not in high


def test_the_page_sends_the_reader_for_the_other_tips_to_a_workbook_only_when_one_is_written(tmp_path: Path):
    """QA316 F4: past the 200 提示 it lists, the page said 另有50条提示，见工作簿的“提示”表。 when the run wrote no
    workbook. It names the workbook when the same run writes one (which holds every 提示), from the page's folder, and
    otherwise says how to write one."""
    from portfolio import beside_the_set, projects

    beside_the_set(tmp_path)
    documents = list(projects(201))
    for document in documents:
        document["facts"]["budget"]["payd"] = 1  # not in the set: a 提示 in every project, past the 200 listed
    _batch(tmp_path, documents, "-o", str(tmp_path / "alone.html"))
    alone = (tmp_path / "alone.html").read_text(encoding="utf-8")
    assert re.search("另有[0-9]+条提示未列出；加 --output 文件名.xlsx 再次运行，可在工作簿的“提示”表中看到全部。", alone)
    assert "见工作簿" not in alone
    _batch(tmp_path, documents, "-o", str(tmp_path / "b.html"), "-o", str(tmp_path / "汇总.xlsx"))
    assert re.search("另有[0-9]+条提示，见工作簿 汇总.xlsx 的“提示”表。", (tmp_path / "b.html").read_text(encoding="utf-8"))
    # QA321 F3: a workbook in another folder is named as the page's reader finds it, from the page's folder
    (tmp_path / "sub").mkdir()
    _batch(tmp_path, documents, "-o", str(tmp_path / "c.html"), "-o", str(tmp_path / "sub" / "x.xlsx"))
    assert re.search("另有[0-9]+条提示，见工作簿 sub/x.xlsx 的“提示”表。", (tmp_path / "c.html").read_text(encoding="utf-8"))


def test_rankings_and_consequences_show_a_units_hidden_characters_as_escapes_as_the_rest_of_the_page_does(tmp_path: Path):
    """QA316 F5: a unit typed \\u202e单位A (a bidi override) or 单位\\u200bB (a zero-width space) was 单位A and 单位B in the
    rankings, 结果应用 and the workbook's 统计, its characters silently dropped, while 得分最高的项目 and 需说明 on the same
    page showed \\u202e单位A. Every table now shows the name as its first project spells it, each hidden character as its
    escape, and none raw (the page would draw the name backwards)."""
    from openpyxl import load_workbook

    documents = [_national(n, f"项目{n}", unit, "\u202e财政局") for n, unit in enumerate(["\u202e单位A", "单位\u200bB"] * 2)]
    _batch(tmp_path, documents, "-o", str(tmp_path / "b.html"), "-o", str(tmp_path / "b.xlsx"))
    page = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert not [c for c in "\u202e\u200b" if c in page]
    for section in ("ranking", "consequences"):
        shown = re.search(f'<section id="{section}">(.*?)</section>', page, re.S).group(1)  # type: ignore[union-attr]
        assert "\\u202e单位A" in shown and "单位\\u200bB" in shown and "\\u202e财政局" in shown, section
        assert ">单位A" not in shown and "单位B" not in shown, section
    statistics = [str(c) for row in load_workbook(tmp_path / "b.xlsx", read_only=True)["统计"].iter_rows(values_only=True)
                  for c in row if c is not None]
    assert {"\\u202e单位A", "单位\\u200bB", "\\u202e财政局"} <= set(statistics)
    assert not {"单位A", "单位B", "财政局"} & set(statistics)

"""Hostile text in every report: the corpus, how a case is rendered, and what each format must show.

Shared by tests/test_hostile_reports.py and benchmarks/hostile_output.py.

A case is a hostile string (or, for class ``repr``, a project detail that is
an object) of one class:

- ``markdown``: text that would forge a table row, a heading, a list, a quote,
  a link, an image or raw HTML in a Markdown report;
- ``hidden``: bidi controls, zero-width and other format characters, terminal
  control sequences, line separators, lone surrogates;
- ``xml``: characters XML 1.0 forbids (controls, U+FFFE, U+FFFF, the other
  noncharacters), which make a workbook unreadable;
- ``repr``: project details holding objects, which must not print as Python does.

`poisoned` writes the case's text into every text of a real Result (names,
ids, reasons, standards, deductions, warnings, facts, derived values, set
name, grade, project keys and values), each copy numbered so that no two are
equal; it does not go through the loaders, so the writers are tried on their
own, whatever the input side lets through. `render_all` renders it in every
format (in a bounded child), and `violations` checks the outputs in the parent.
"""

from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import itertools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine._text import is_hidden, visible
from scoring_engine.render import RENDERERS
from scoring_engine.reports.rows import score_table, title
from scoring_engine.reports.xlsx import FACTS_SHEET, SCORE_SHEET, SUMMARY_SHEET
from scoring_engine.result import Result

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "small"

#: The classes of the report corpus, in the order the benchmark prints them.
CLASSES = ("markdown", "hidden", "xml", "repr")

MARKDOWN = {
    "pipes": "甲 | 乙 | 丙",
    "row_after_break": "甲\n| 伪造 | 行 | 1 | 说明 | 9 | 原因 |",
    "row_after_bare_cr": "甲\r| 伪造 | 行 | 1 | 说明 | 9 | 原因 |",
    "row_after_crlf": "甲\r\n|---|---|",
    "delimiter_row": "|---|---|--:|---|--:|---|",
    "heading": "# 伪造标题",
    "heading_after_break": "甲\n## 伪造标题",
    "heading_indented": "   ### 伪造标题",
    "setext_underline": "甲\n===",
    "setext_dashes": "甲\n---",
    "thematic_break": "***",
    "underscores_break": "___",
    "quote": "> 引用",
    "bullet": "- 伪造列表",
    "plus_bullet": "+ 伪造列表",
    "ordered": "1. 伪造编号",
    "ordered_paren": "2) 伪造编号",
    "indented_code": "    代码块",
    "fence": "```\n代码\n```",
    "tilde_fence": "~~~\n代码",
    "code_span": "`代码`",
    "link": "[点击领取](http://evil.example/)",
    "image": "![](http://evil.example/track.png)",
    "image_with_title": '![图](http://evil.example/x.png "标题")',
    "reference_link": "[甲][ref]\n\n[ref]: http://evil.example/",
    "reference_definition": "[ref]: http://evil.example/",
    "autolink": "<http://evil.example/>",
    "email_autolink": "<a@evil.example>",
    "raw_img": "<img src=x onerror=alert(1)>",
    "raw_script": "<script>alert(1)</script>",
    "raw_comment": "<!-- 注释 -->",
    "raw_br_and_div": "<br><div>甲</div>",
    "entity_tag": "&lt;img src=x onerror=alert(1)&gt;",
    "numeric_entity": "&#60;script&#62;",
    "entity_pipe": "甲&#124;乙",
    "emphasis": "*强调* _强调_ **加粗** __加粗__",
    "strikethrough": "~~删除~~",
    "backslashes": "甲\\|乙\\",
    "trailing_spaces_break": "甲  \n乙",
    "footnote": "[^1]",
    "html_in_key": '<a href="http://evil.example/">点击</a>',
}

HIDDEN = {
    "rlo": "甲\u202e乙丙",
    "lre_pdf": "\u202a甲\u202c",
    "rli_pdi": "\u2067乙\u2069",
    "fsi_lri": "\u2068\u2066丙",
    "zero_width_space": "预\u200b算",
    "zwnj_zwj": "预\u200c\u200d算",
    "lrm_rlm": "\u200e甲\u200f",
    "word_joiner": "甲\u2060乙",
    "bom_inside": "甲\ufeff乙",
    "soft_hyphen": "甲\u00ad乙",
    "arabic_letter_mark": "甲\u061c乙",
    "tag_characters": "甲\U000e0001\U000e0041",
    "interlinear": "\ufff9甲\ufffa乙\ufffb",
    "ansi_clear": "甲\x1b[2J\x1b[H",
    "ansi_title": "\x1b]0;伪造\x07",
    "c1_csi": "甲\x9b2J",
    "del": "甲\x7f乙",
    "backspaces": "甲\b\b\b乙",
    "bell": "甲\x07",
    "line_separator": "甲\u2028error: 伪造",
    "paragraph_separator": "甲\u2029乙",
    "next_line": "甲\x85乙",
    "vertical_tab_form_feed": "甲\x0b乙\x0c丙",
    "file_separators": "甲\x1c乙\x1d丙\x1e丁",
    "lone_high_surrogate": "甲\ud800乙",
    "lone_low_surrogate": "\udfff甲",
    "mongolian_vowel_separator": "甲\u180e乙",
}

XML = {
    "nul": "甲\x00乙",
    "c0_controls": "".join(chr(c) for c in range(0x20) if c not in (9, 10, 13)),
    "fffe": "甲\ufffe乙",
    "ffff": "甲\uffff",
    "fdd0": "\ufdd0甲",
    "fdef": "甲\ufdef",
    "plane1_fffe": "甲\U0001fffe",
    "plane16_ffff": "甲\U0010ffff",
    "surrogate_pair_halves": "\ud83d\ude00",
    "escape_in_title": "\x1b甲\x08",
    "vertical_tab": "甲\x0b",
    "everything": "\x00\x01\ufffe\uffff\ufdd0\ud800\U0010fffe",
}

# Project details written as objects; the texts around them are ordinary.
REPR: dict[str, Any] = {
    "decimal_in_mapping": {"a": Decimal("1.5")},
    "nested_mapping": {"资金": {"中央": Decimal(80), "地方": Decimal("120.5")}, "备注": "无"},
    "list_of_mappings": [{"名称": "甲", "金额": Decimal(1)}, {"名称": "乙", "金额": Decimal("2.25")}],
    "nested_lists": [[Decimal(1), Decimal(2)], ["甲", "乙"]],
    "empty_mapping": {},
    "date_in_mapping": {"开始": datetime.date(2024, 1, 1), "结束": datetime.date(2024, 12, 31)},
    "booleans_and_none": {"是否完成": True, "备注": None},
    "float_and_int": {"比例": 0.5, "数量": 3},
    "mapping_as_name": {"name": "甲"},
}

#: Text that shows Python printed an object instead of the reports showing it.
REPR_MARKS = ("Decimal(", "datetime.", "{'", "['", "{\"", "None}", "True}")


@dataclass(frozen=True)
class TextCase:
    """One hostile text (or, for class repr, one project detail) for every text of a Result."""

    cls: str
    name: str
    text: str = ""
    project_value: Any = None

    @property
    def id(self) -> str:
        return f"{self.cls}-{self.name}"


def text_cases() -> list[TextCase]:
    """Every case of every class."""
    cases = [TextCase("markdown", name, text) for name, text in MARKDOWN.items()]
    cases += [TextCase("hidden", name, text) for name, text in HIDDEN.items()]
    cases += [TextCase("xml", name, text) for name, text in XML.items()]
    cases += [TextCase("repr", name, "项目", value) for name, value in REPR.items()]
    return cases


def example_result() -> Result:
    """The small example scored: warnings, findings, judgements, derived values, three project details."""
    return score(load_indicator_set(EXAMPLE / "set.yaml"), load_facts(EXAMPLE / "facts.json"))


# Fields that are not text from a set or facts file (fingerprints, kinds, the rule and values explain reads).
_KEPT = frozenset({"sha256", "facts_sha256", "engine_version", "kind", "type", "rule", "inputs", "details", "precision"})


def poisoned(result: Result, case: TextCase) -> Result:
    """`result` with the case's text (numbered) in place of every text, and its project replaced."""
    numbers = itertools.count(1)

    def text() -> str:
        return f"{case.text}{next(numbers)}"

    def poison(value: Any) -> Any:
        if isinstance(value, str):
            return text()
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(value, **{f.name: poison(getattr(value, f.name))
                                                 for f in dataclasses.fields(value) if f.init and f.name not in _KEPT})
        if isinstance(value, tuple):
            return tuple(poison(v) for v in value)
        if isinstance(value, list):
            return [poison(v) for v in value]
        if isinstance(value, Mapping):
            return {poison(k): poison(v) for k, v in value.items()}
        return value

    hostile = poison(result)
    if case.cls == "repr":
        project = {"name": case.project_value, "unit": "某单位", "详情": case.project_value}
    else:
        project = {"name": text(), text(): text(), "unit": text()}
    return dataclasses.replace(hostile, project=project)


def render_all(result: Result) -> dict[str, str | bytes]:
    """The Result in every format."""
    return {fmt: renderer(result) for fmt, renderer in RENDERERS.items()}


# ---------------------------------------------------------------- what each format must show


def _raw_hidden(text: str, allowed: str = "\n") -> list[str]:
    return sorted({f"U+{ord(ch):04X}" for ch in text if ch not in allowed and is_hidden(ch)})


def _reprs(text: str) -> list[str]:
    return [mark for mark in REPR_MARKS if mark in text]


def _shown_lines(text: str) -> list[str]:
    """How the Markdown renderer is expected to show a text: visible, line by line, each line trimmed."""
    return [line.strip() for line in visible(text).split("\n")]


_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
_INLINE_OK = {"text", "strong_open", "strong_close", "html_inline"}


def _inline_text(token: Any) -> tuple[list[str], list[str]]:
    """The lines an inline token shows (each <br> a break) and the kinds of markup found in it that must not be there."""
    lines, found = [""], []
    for child in token.children or ():
        if child.type == "html_inline" and child.content == "<br>":
            lines.append("")
        elif child.type == "text":
            lines[-1] += child.content
        elif child.type not in _INLINE_OK or child.type == "html_inline":
            found.append(f"{child.type} {child.content!r}")
    return lines, found


def markdown_violations(text: str, result: Result) -> list[str]:
    """A Markdown report parsed as CommonMark with GFM tables: one table of the right shape whose cells show
    the texts as written, one heading (two with warnings), one list (of the warnings), no link, image,
    raw HTML but <br>, code, quote or other block made from the text."""
    found: list[str] = []
    tokens = _MARKDOWN.parse(text)
    kinds = [t.type for t in tokens]
    table = score_table(result)
    expected_blocks = {"heading_open": 2 + bool(result.warnings), "table_open": 2, "hr": 1,
                       "bullet_list_open": int(bool(result.warnings)), "list_item_open": len(result.warnings)}
    for kind, count in expected_blocks.items():
        if kinds.count(kind) != count:
            found.append(f"{kinds.count(kind)} {kind} instead of {count}")
    for kind in ("blockquote_open", "ordered_list_open", "fence", "code_block", "html_block"):
        if kind in kinds:
            found.append(f"a {kind} was made from the text")
    headings = [tokens[i + 1] for i, t in enumerate(tokens) if t.type == "heading_open" and t.markup not in ("#", "##")]
    found += [f"a setext heading: {h.content!r}" for h in headings]
    shown_title = _inline_text(tokens[1])[0] if kinds[:1] == ["heading_open"] else None
    if shown_title != _shown_lines(title(result)):
        found.append(f"the title shows {shown_title!r}")
    for token in tokens:
        if token.type == "inline":
            found += _inline_text(token)[1]
    rows: list[list[list[str]]] = []
    tables = 0
    for i, token in enumerate(tokens):
        tables += token.type == "table_open"
        if tables > 1:  # the per-一级 summary: its names are checked below
            break
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("td_open", "th_open"):
            rows[-1].append(_inline_text(tokens[i + 1])[0])
    if len(rows) != len(table.rows) + 1:
        found.append(f"{len(rows)} table rows instead of {len(table.rows) + 1}")
    repeated = table.continued()
    for r, (row, shown) in enumerate(zip(table.rows, rows[1:], strict=False)):  # a wrong row count is reported above
        if len(shown) != len(table.header):
            found.append(f"row {r + 1} has {len(shown)} cells instead of {len(table.header)}")
            continue
        for c, cell in enumerate(table.cells(row)):
            want = [""] if (r, c) in repeated else _shown_lines(cell)
            if shown[c] != want:
                found.append(f"row {r + 1} cell {c + 1} shows {shown[c]!r}, not {want!r}")
    return found


def markdown_violations_of_cell(text: str) -> list[str]:
    """One text as the Markdown renderer writes it in a cell of a one-column table, parsed back: one row of one
    cell showing the text as written (`_shown_lines`), and no markup."""
    from scoring_engine.reports.markdown import _cell

    tokens = _MARKDOWN.parse(f"| 表头 |\n|---|\n| {_cell(text)} |\n")
    cells = [_inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "td_open"]
    if [t.type for t in tokens].count("tr_open") != 2 or len(cells) != 1:
        return [f"{len(cells)} cells in {[t.type for t in tokens].count('tr_open') - 1} rows"]
    lines, found = cells[0]
    return found + ([] if lines == _shown_lines(text) else [f"shows {lines!r}, not {_shown_lines(text)!r}"])


_HTML_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "dl", "div", "dt", "dd",
              "span", "section", "svg", "g", "text", "rect", "table", "thead", "tbody", "tr", "th", "td", "ul", "li",
              "code", "footer", "p", "br"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.text: list[str] = []
        self.rows = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HTML_TAGS:
            self.found.append(f"tag <{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name in ("href", "src", "xlink:href", "srcset", "action", "formaction"):
                self.found.append(f"attribute {name}={value!r} on <{tag}>")
            self.text.append(value or "")
        if tag == "tr":
            self.rows += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.found.append(f"comment {data!r}")

    def handle_pi(self, data: str) -> None:
        self.found.append(f"processing instruction {data!r}")


def html_violations(text: str, result: Result) -> list[str]:
    """The page parsed: only the tags and attributes the renderer writes, no hidden character in any text or attribute."""
    parser = _Tags()
    parser.feed(text)
    parser.close()
    found = list(parser.found)
    found += [f"hidden {c} in the page's text" for c in _raw_hidden("".join(parser.text))]
    found += [f"raw hidden {c}" for c in _raw_hidden(text)]
    return found


def csv_violations(text: str, result: Result) -> list[str]:
    """The CSV read back: a BOM, one record per table row with one field per column, no hidden character, no formula."""
    table = score_table(result)
    if not text.startswith("\ufeff"):
        return ["no byte-order mark"]
    records = list(csv.reader(io.StringIO(text[1:], newline="")))
    summary = records[records.index([]) + 1:] if [] in records else []  # the per-一级 summary after an empty record
    records = records[:records.index([])] if [] in records else records
    notes = summary[summary.index([]) + 1:] if [] in summary else []  # then the warnings and 需说明, after another
    summary = summary[:summary.index([])] if [] in summary else summary
    found = [] if len(records) == len(table.rows) + 1 else [f"{len(records)} records instead of {len(table.rows) + 1}"]
    if len(summary) != len(result.indicators) + 2:
        found.append(f"{len(summary)} summary records instead of {len(result.indicators) + 2}")
    if len(notes) != len(result.warnings) + len(result.flags):
        found.append(f"{len(notes)} warnings and 需说明 instead of {len(result.warnings) + len(result.flags)}")
    for record in summary + notes:
        found += [f"summary field: hidden {h}" for f in record for h in _raw_hidden(f, "\n\t")]
        found += [f"summary field is a formula: {f[:20]!r}" for f in record if f.startswith(("=", "+", "-", "@"))]
    numbers = (table.weight_column, table.score_column)
    for r, record in enumerate(records):
        if len(record) != len(table.header):
            found.append(f"record {r} has {len(record)} fields")
        for c, field in enumerate(record):
            found += [f"record {r} field {c}: hidden {h}" for h in _raw_hidden(field, "\n\t")]
            if c not in numbers and field.startswith(("=", "+", "-", "@")):
                found.append(f"record {r} field {c} is a formula: {field[:20]!r}")
    return found


def xlsx_violations(data: bytes, result: Result) -> list[str]:
    """The workbook reopened by openpyxl: both sheets, no hidden character in any cell or in the title."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data))
    except Exception as err:
        return [f"openpyxl cannot reopen it: {type(err).__name__}: {err}"]
    found = [] if book.sheetnames == [SCORE_SHEET, SUMMARY_SHEET, FACTS_SHEET] else [f"sheets {book.sheetnames}"]
    texts = [book.properties.title or ""]
    texts += [cell.value for ws in book for row in ws.iter_rows() for cell in row if isinstance(cell.value, str)]
    for text in texts:
        found += [f"hidden {h} in {text[:30]!r}" for h in _raw_hidden(text, "\n\t")]
        found += [f"Python repr {m} in {text[:60]!r}" for m in _reprs(text)]
    return found


def table_violations(text: str, result: Result) -> list[str]:
    """The terminal table: one line per indicator and per warning (so its line count is fixed), nothing hidden."""
    lines = text.split("\n")
    indicators = sum(1 for _ in result.walk())
    warnings = 2 + len(result.warnings) if result.warnings else 0
    expected = 2 + bool(result.project.get("name")) + 2 + indicators + 2 + warnings + 2 + 1  # trailing "" after the last \n
    found = [] if len(lines) == expected else [f"{len(lines)} lines instead of {expected}"]
    return found + [f"raw hidden {c}" for c in _raw_hidden(text)]


def _paired(value: Any) -> Any:
    """A JSON value with two adjacent surrogate halves in a text joined into the character they make, as JSON escapes read back."""
    if isinstance(value, str):
        return value.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    if isinstance(value, list):
        return [_paired(v) for v in value]
    if isinstance(value, dict):
        return {_paired(k): _paired(v) for k, v in value.items()}
    return value


def json_violations(text: str, result: Result) -> list[str]:
    """The JSON report: no raw hidden character, and it reads back to exactly what the Result holds."""
    found = [f"raw hidden {c}" for c in _raw_hidden(text)]
    if json.loads(text) != _paired(json.loads(result.to_json())):
        found.append("the JSON does not read back to the Result's own document")
    return found


CHECKS: dict[str, Callable[[Any, Result], list[str]]] = {
    "markdown": markdown_violations,
    "html": html_violations,
    "csv": csv_violations,
    "xlsx": xlsx_violations,
    "table": table_violations,
    "json": json_violations,
}


def violations(outputs: Mapping[str, str | bytes], result: Result) -> list[str]:
    """Everything wrong with the outputs of one Result, as "format: what" lines."""
    found = []
    for fmt, output in outputs.items():
        found += [f"{fmt}: {v}" for v in CHECKS[fmt](output, result)]
        if isinstance(output, str):
            found += [f"{fmt}: Python repr {m}" for m in _reprs(output)]
    return found

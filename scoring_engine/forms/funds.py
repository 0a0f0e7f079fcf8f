"""What the funds block of a filled 自评表 says of itself: its 其中 rows add up to the total, and a 执行率 typed on it is the
one its own amounts give.

Neither is scored: the set computes 执行率 from the amounts, and reads the 其中 rows as facts of their own. But a
unit that typed 90% where its amounts give 84%, or 其中 rows that do not add up to 年度资金总额, made a slip a 主管部门
wants to see; each is a 提示 naming the cells, as a typed 得分 that differs from the set's is.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_DOWN, Decimal

from .._arith import in_range, plain, round_half_up
from .._text import cut
from ..errors import Problem
from ..target_rows import written_quantity
from .grid import percent_figure
from .labels import IN_WAN, money_unit, note_text
from .unit_notes import MONEY_WORD, NOTE_LEAD, NOTE_SCOPE, money_note
from .number_formats import TYPE_AS_SHOWN
from .reading import SAME_UNIT, UNUSED, FormReading, not_worked_out
from .workbook import Formula
from .._patterns import compile_later

__all__ = ["check_funds", "side_amounts_in_yuan"]

_AMOUNTS = ("initial", "budget", "paid")  # the columns of amounts in 万元 a 其中 row splits
_IN_WAN = (None, *SAME_UNIT["万元"])  # an amount typed 60万 is read as 60万元, as where the set reads it
_OPEN = r"[(【〔\[]"  # the brackets a note may open with: （金额单位：元）, 【金额单位：元】, 〔…〕, […] (QA223 3)
#: A note's line, where the indicator block's last 三级 row is told from the notes under it: led by its word (注, 说明,
#: 提示…), a number, a bracket or a label (金额单位, 金额（单位：元）, 计量单位, 单位, 金额：: QA208 3, QA211 3, QA217 2, QA223 3)
_NOTE_LINE = compile_later(rf"\s*+(?:\d|{_OPEN}|[一二三四五六七八九十]+[)、]|{NOTE_LEAD}"
                           rf"|{NOTE_SCOPE}(?:(?:{MONEY_WORD}|数据)的?)?(?:计量)?\(?单位|{NOTE_SCOPE}{MONEY_WORD}\s*+:)")
_MOST_PLACES = 4  # of a typed rate, in percent: a pasted quotient (83.33333333333334%) is compared at 83.3333%


def check_funds(reading: FormReading, rows: Mapping[str, int], columns: Mapping[str, int]) -> None:
    """A 提示 for each 执行率 typed on a row that its amounts do not give, and for each column of amounts whose 其中 rows
    (the block's rows after its total) do not add up to the total. `rows`: the row of each of the block's rows found,
    by key; `columns`: the column of each of its columns found, by key. A label that gives the amounts in another unit
    than 万元 is refused on its cell (`labelled_units`)."""
    labelled_units(reading, rows, columns)
    for row in rows.values():
        _typed_rate(reading, row, columns)
    total = rows.get("total")
    if total is not None:
        _amounts_in_yuan(reading, total, columns)
    parts = [row for key, row in rows.items() if key != "total"]
    if total is not None and parts:
        for key in _AMOUNTS:
            if key in columns:
                _parts_add_up(reading, total, parts, columns[key], key)


def labelled_units(reading: FormReading, rows: Mapping[str, int], columns: Mapping[str, int]) -> None:
    """A problem on each label of the funds block that gives its amounts in another unit than 万元, the unit they are
    read in: the block's label (项目资金（元）, 预算执行情况（10分，单位：元）), a column heading (全年预算数（元）) or a
    row's label (年度资金总额（亿元）); and on each note giving the unit where a clerk writes it for the form (金额单位：元
    in the title's and 年度 rows or any row above the block, right of the block, a note between it and the indicator
    block, or any line under the indicator block: 注, 填表说明, 1., （金额单位：元）, 单位：元, 本表金额均为元: QA225 2).
    Read as 万元, 1000000 元 was 1000000 万元 (QA200 2, 3;
    a note not right above the heading was not seen: QA204 2; one under the block, or written 金额单位为元: QA206 1;
    numbered or worded as clerks word it, 注：1.本表金额单位：元, 表中金额单位均为元: QA208 3); an amount typed 955000元
    is refused on its cell alike. A text that only mentions 元 (单元, 元旦, a project's name, 元/吨) is none, nor is a cell
    of the indicator block, an indicator's words or its 偏差原因 (QA208 4)."""
    heading = reading.heading_row(reading.layout.funds.columns, 3)
    if heading is None or not columns:
        return
    top, first, last = heading[0], min(columns.values()), max(columns.values())
    bottom = max(rows.values(), default=top)
    indicators = _indicator_block(reading)
    own = engine_notes(reading, indicators)
    for (r, c), written in sorted(reading.sheet.cells.items()):
        if not isinstance(written, str) or (r > bottom and r in indicators):  # a 偏差原因 saying 单位：元 (QA208 4)
            continue
        if r in own and not _clerks_note(written):  # the lines `score -o` writes under its form: its warning of
            continue  # amounts in 元, a 不适用 reason saying 单位：元, are no note giving the form's unit (QA331 F1, QA336 1)
        if r > bottom:  # a line under the indicator block, or a 年度总体目标 row, which `money_note` alone reads, with
            # its own guards (a figure's own unit, a problem found, a word's unit: （一）水费单价3.2（单位：元）,
            # 户均增收（单位：元）：1500): 本表金额均为元 alone was read in silence behind a lead it did not know (QA225 2),
            # 完成年度任务（以元为单位） in a goal (QA227 9)
            unit = money_note(written)
        elif r < top or c > last:  # a note: above the block, or beside it
            unit = money_note(written, heading=True) or (money_unit(written) if r in (top - 1, top) and c > last else None)
        elif r == top or c < first:  # the block's label, its column headings, its rows' labels
            unit = money_unit(written) or money_note(written)
        else:
            continue
        if unit is not None:
            reading.problem(r, c, f"the label {cut(written.strip())} gives the amounts in {unit}, and the form's amounts "
                                  "are read in 万元", f"type the amounts in 万元 (1 {unit} is {IN_WAN[unit]} 万元), and "
                                                     "write 万元 in the label", merged=False)


#: The lines a report `score -o` writes under its form (forms/content.py): its 等级 first, then what the project must
#: explain, the warnings, the indicators marked 不适用 and the rows' deductions, each led by its word.
_GRADE_LINE = compile_later(r"等级:[^\W\d_]{1,8}(?:\(结果应用:[^\n]*\))?", needs="等")
_OWN_LEADS = ("需说明:", "提示:", "不适用:", "扣分:")
#: The longest line, past its lead, read as a clerk's own note among the lines the engine writes under its form.
_NOTE_LENGTH = 24


def _clerks_note(text: str) -> bool:
    """Whether a line led as the engine leads its own (提示：, 需说明：) holds nothing but a note of the form's unit, as a
    clerk types one (提示：本表金额单位：元, QA335 3); the engine's lines name an indicator, a cell or a file, and
    quote reasons and warnings (…（若表中金额以元计…）, 本年度无预算安排（金额单位：元）): longer, and never that alone.

    >>> _clerks_note("提示：本表金额单位：元"), _clerks_note("不适用：预算执行率（budget）：单位：元；其他指标的分值已按比例调整")
    (True, False)
    """
    rest = note_text(text).split(":", 1)[-1].strip()
    return len(rest) <= _NOTE_LENGTH and money_note(rest, heading=True) is not None


def engine_notes(reading: FormReading, indicators: range) -> set[int]:
    """The rows under the indicator block that hold the lines the engine writes under a report's form (`等级：优秀`, then
    its 需说明, 提示, 不适用 and 扣分 lines, one a row, each merged across the form from its first column): none is the
    clerk's, and a warning's words (全年预算数 1200000 万元，即 120 亿元（若表中金额以元计…）) are never a note giving the
    form's unit (QA331 F1).
    A 提示 line a clerk typed under a form (in a cell of its own, or with no 等级 line the engine wrote right above it)
    is read as a note.

    >>> _GRADE_LINE.fullmatch("等级:优秀") is not None, _GRADE_LINE.fullmatch("等级:优秀(结果应用:加大支持)") is not None
    (True, True)
    """
    end = indicators.stop if indicators else 0
    own: set[int] = set()
    for r in reading.sheet.rows:
        if r < end:
            continue
        line = note_text(reading.sheet.text(r, 1)).strip()
        if not line:
            continue
        if not any(top == bottom == r and left == 1 < right for top, left, bottom, right in reading.sheet.merges):
            line = ""  # the engine merges each line across the form: a clerk's cell typed under them is the clerk's
        # one a row, as written: never a line apart
        if (not own and _GRADE_LINE.fullmatch(line)) or (own and r - 1 in own and line.startswith(_OWN_LEADS)):
            own.add(r)
        elif own:
            break
    return own


def _indicator_block(reading: FormReading) -> range:
    """The rows of the indicator block, from its heading to its 总分 row, or to its last 三级 row where it has none (a
    note under it is no 三级); none when the form has no such heading."""
    heading = reading.heading_row(reading.layout.indicators.columns, 4)
    if heading is None:
        return range(0)
    row_at, at = heading
    total = reading.total_row(row_at, at)
    if total is not None or "level3" not in at:
        return range(row_at, (total[0] if total else row_at) + 1)
    last = max((r for r in reading.sheet.rows if r > row_at and (text := reading.sheet.text(r, at["level3"]))
                and not _NOTE_LINE.match(note_text(text))), default=row_at)
    return range(row_at, last + 1)


def _typed_rate(reading: FormReading, row: int, columns: Mapping[str, int]) -> None:
    if not {"rate", "budget", "paid"} <= columns.keys():
        return
    budget, paid = (_amount(reading, row, columns[key]) for key in ("budget", "paid"))
    typed = _rates(reading, row, columns["rate"])
    written = reading.sheet.get(row, columns["rate"])
    cell = reading.sheet.ref(row, columns["rate"])
    if written is not None and not (isinstance(written, str) and written.strip() in UNUSED):
        if not typed:  # '较高': a typed rate nobody reads; =F6/E6, which is not worked out (QA165 F10)
            reading.warnings.append(Problem(
                f"{cell}: the 执行率 typed here ({_shown(written)}) is "
                f"{not_worked_out(written) if isinstance(written, Formula) else 'no rate'}, so it is not compared with the "
                "amounts", file=str(reading.path), hint="type the rate's value, such as 84%, or leave the cell empty"
                if isinstance(written, Formula) else "write the rate as 84%, or leave the cell empty"))
            return
        if budget is None or paid is None:
            labels = {c.key: c.label for c in reading.layout.funds.columns}  # as this layout prints them
            reading.warnings.append(Problem(
                f"{cell}: the 执行率 typed here is on a row without both its {labels.get('budget', '全年预算数')} and "
                f"{labels.get('paid', '全年执行数')}, so it is not read", file=str(reading.path),
                hint="type the row's amounts, or leave the 执行率 empty"))
            return
    if budget is None or paid is None or not typed or budget <= 0 or paid < 0:
        return  # a negative 执行数 is refused where the set reads it: a rate of it would only be noise (QA305 6)
    computed = paid / budget * 100
    if not (in_range(budget) and in_range(paid) and in_range(computed)):
        return  # amounts past MAX_FACT_MAGNITUDE are refused where the set reads them; a rate past it is no 执行率
    if (row, columns["rate"]) in reading.sheet.unshown:  # 0.8 formatted 0.0,%: a figure the cell does not show (QA206 2)
        reading.problem(row, columns["rate"], reading.sheet.unshown[row, columns["rate"]], TYPE_AS_SHOWN)
        return  # refused as read from (`reader._unshown_read`), as a typed 得分 is
    if any(in_range(rate) and _agrees(rate * 100, computed) for rate in typed):
        return
    shown, worked_out = _two_rates(typed[0] if len(typed) == 1 else None, paid / budget)
    held = typed[0]  # 95 typed in a cell formatted 0%: read 9500%, said as a 实际完成值 so typed is (QA331 F8)
    if len(typed) == 1 and held >= 10 and in_range(held) and _agrees(held, computed):
        reading.warnings.append(Problem(
            f"{reading.sheet.ref(row, columns['rate'])}: the cell holds {plain(held)} in a percentage format, so it reads "
            f"{plain(held * 100)}%", file=str(reading.path),
            hint=f"if {plain(held)}% is meant, type {plain(held)}% or {plain(held / 100)}; if {plain(held * 100)}% is, "
                 f"type it as text, {plain(held * 100)}%"))
        return
    reading.warnings.append(Problem(
        f"{reading.sheet.ref(row, columns['rate'])}: the form gives the 执行率 {shown or plain(typed[0])} where its "
        f"amounts give {plain(paid)} ÷ {plain(budget)} = {worked_out}%; the computed one counts", file=str(reading.path)))


def _two_rates(typed: Decimal | None, computed: Decimal) -> tuple[str, str]:
    """A typed rate in percent (with its %) and the computed one (without), as the form prints rates: two decimals, or
    as many more as keep a rate off a line it falls short of (89.996%, not the 90% of 需说明: QA186 F1); the typed one
    as its cell shows it (98.99997%, not 98.9999715361917%). Two that would read alike get the decimals that tell them
    apart. A bare number typed (None: 1.5, which is 1.5 or 150%) is shown as typed, by the caller."""
    places = 2
    while True:
        text = percent_figure(computed, places)
        if typed is None:
            return "", text
        shown = percent_figure(typed, places)
        if shown != text or places >= _MOST_PLACES + 6:
            return f"{shown}%", text
        places += 1


def _agrees(typed: Decimal, computed: Decimal) -> bool:
    """Whether a rate typed in percent is the computed one, rounded half up or cut to the decimals typed (at most
    _MOST_PLACES): 83%, 83.3% or 83.33% for 83.333…%, 84% for 83.6%, 83.9% for 83.96%; not 84% for 83.33%."""
    places = min(max(0, -typed.normalize().as_tuple().exponent), _MOST_PLACES)  # type: ignore[operator]  # finite
    step = Decimal(1).scaleb(-places)
    typed = round_half_up(typed, places)
    return typed in (round_half_up(computed, places), computed.quantize(step, rounding=ROUND_DOWN))


def _amounts_in_yuan(reading: FormReading, row: int, columns: Mapping[str, int]) -> None:
    """A 提示 when the total row's first amount reads as 100 亿元 or more: typed in 元 where no label says so, it is read
    in 万元 (QA261 F11: 12000000 元 was budget.total 12000000 万元, and batch summed 预算数 so). The score stands: the
    执行率 is a ratio."""
    for key in _AMOUNTS:
        amount = _amount(reading, row, columns[key]) if key in columns else None
        if amount is not None and amount >= _MOST_LIKELY:
            label = next(c.label for c in reading.layout.funds.columns if c.key == key)
            reading.warnings.append(Problem(
                f"{reading.sheet.ref(row, columns[key])}: the {label} {plain(amount)} 万元 is {plain(amount / 10000)} 亿元",
                file=str(reading.path), hint="if the form's amounts are in 元, type them in 万元 (1 元 is 0.0001 万元)"))
            return


_MOST_LIKELY = Decimal(1_000_000)  # 万元: 100 亿元, more than a project a unit self-evaluates spends


def side_amounts_in_yuan(reading: FormReading) -> None:
    """The same 提示 for the first fact in 万元 read from the side sheet (the national form's budget.total, on 表外事实)
    that reads as 100 亿元 or more, where the funds block warned of none: typed in 元, batch summed it 10,000 times too
    large without a word (QA331 F5)."""
    if any(w.message.endswith(" 亿元") for w in reading.warnings):
        return  # the funds block's amounts said so already: one line is enough for one slip
    on_form = reading.sheet.ref(1, 1).rpartition("!")[0] + "!"
    for name, value in reading.values.items():
        spec, cell = reading.set.facts.get(name), reading.provenance.get(name, on_form)
        if spec is not None and spec.unit == "万元" and isinstance(value, Decimal) and value >= _MOST_LIKELY \
                and not cell.startswith(on_form):
            reading.warnings.append(Problem(
                f"{cell}: the {spec.label or name} {plain(value)} 万元 is {plain(value / 10000)} 亿元", file=str(reading.path),
                hint="if the form's amounts are in 元, type them in 万元 (1 元 is 0.0001 万元)"))
            return


def _parts_add_up(reading: FormReading, total_row: int, part_rows: list[int], col: int, key: str) -> None:
    total = _amount(reading, total_row, col)
    parts = [(row, amount) for row in part_rows if (amount := _amount(reading, row, col)) is not None]
    if total is None or not parts:
        return
    added = sum((amount for _, amount in parts), Decimal(0))
    if added == total:
        return
    label = next(c.label for c in reading.layout.funds.columns if c.key == key)
    cells = "+".join(reading.sheet.ref(row, col).split("!", 1)[1] for row, _ in parts)
    reading.warnings.append(Problem(
        f"{reading.sheet.ref(total_row, col)}: the {label} of the 其中 rows add up to {plain(added)} ({cells}), not "
        f"{plain(total)}", file=str(reading.path), hint="check the amounts: a 其中 row left empty counts for nothing"))


def _amount(reading: FormReading, row: int, col: int) -> Decimal | None:
    """The amount in 万元 a cell holds, or None (empty, or no amount: said where the set reads it)."""
    value = reading.sheet.get(row, col)
    if isinstance(value, Decimal):
        return value if reading.sheet.units.get((row, col)) in _IN_WAN else None
    quantity = _quantity(value)
    return quantity[0] if quantity is not None and quantity[1] in _IN_WAN else None


def _rates(reading: FormReading, row: int, col: int) -> tuple[Decimal, ...]:
    """A typed 执行率 as a ratio: 84% (a cell formatted 0%, or the text '84%') is 0.84; a bare number may be either, 84
    or 0.84, and 1.05 is 105% or 1.05%: both readings, the one that agrees with the amounts being the one meant."""
    value = reading.sheet.get(row, col)
    if isinstance(value, Decimal):
        return (value,) if reading.sheet.units.get((row, col)) == "%" else (value, value / 100)
    quantity = _quantity(value)
    if quantity is None or quantity[1] not in (None, "%"):
        return ()
    return (quantity[0],) if quantity[1] == "%" else (quantity[0], quantity[0] / 100)


def _quantity(value: object) -> tuple[Decimal, str | None] | None:
    quantity = written_quantity(value) if isinstance(value, str) else None
    return None if quantity is None or quantity.comparison else (quantity.value, quantity.unit)


def _shown(written: object) -> str:
    """A typed 执行率 that is no rate, as the clerk sees the cell: its text, or the formula or error value it holds."""
    return cut((written.text if isinstance(written, Formula) else str(written)).strip())

"""The problems of scoring a filled form, placed on the form's cells.

Facts read from a form are checked and scored as any facts are, so their
problems name facts (``budget.total``, a target row's ``row.actual``) and, for
a rule, the line of the set's YAML. Whoever fills the form needs the cell: a
problem about a fact the form has a place for names that cell, and a missing
fact the form has no place for says to add it on the side sheet.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from .._arith import fixed, plain, round_half_up
from .._text import cut, keeping_lists
from .._display import show_value
from .._row_fit import weights_fix
from ..engine import score
from ..errors import ADD_THE_FACT, ADD_TO_THE_ROW, Problem, ScoringEngineError, mentions
from ..facts import flatten
from ..model import IndicatorSet
from ..result import Result
from .bases import CHANGED_SINCE, template_of
from .layout import form_layout
from .reader import FILL_THE_CELL, PUT_THE_ROW_BACK, Blank, ImportedFacts
from .reading import OTHER_VERSION, read_with, yes_or_no
from .unread import indicators_like
from .._patterns import compile_later

__all__ = ["ANOTHER_SETS_FORM", "FILL_THE_CELL", "form_problems", "on_cells", "score_form", "score_in", "typed_differences",
           "typed_scores"]

_NO_CELL = "the form has no cell for it"
#: The start of the line that says a form lacks so many facts that it is another set's form (QA67 F4).
ANOTHER_SETS_FORM = "the form has no cell for "
_MOST_ROWS_TO_ADD = 5  # facts without a cell each said with the side-sheet row to add; more are another set's form
_MARK = "if it is so, mark "  # the start of _check_failure.divided_by_zero's hint
CHECK_THE_CELLS = "check what these cells hold"
_ROW_IN_MESSAGE = compile_later(r"row (\d+) \(")
_ROW_IN_MESSAGE_WHOLE = compile_later(r"^row \d+ \(.*?\): ")
_ROW_IN_MESSAGE_NAMED = compile_later(r"^row \d+ \((.*?)\): ")
_ROW_FIELD = compile_later(r"\[\d+\]\.(\w+)$")  # targets.output[1].target: the row's field


def on_cells(err: ScoringEngineError, imported: ImportedFacts, indicator_set: IndicatorSet,
             named_first: bool = True) -> ScoringEngineError:
    """`err`, raised scoring the facts of a form, with each problem placed on the cell it is about.

    A form the side sheet says was written for another set than the one it is read with gets a first line saying so:
    that, and not each fact it lacks, is what to fix. Not when `named_first` is False: its facts, read with the set it
    names, scored under another on purpose (batch --compare-set).
    """
    if not named_first:  # the form's rescaled 分值 are its own set's: not a sum the other set could take (QA32 F2)
        imported = dataclasses.replace(imported, rescaled={}, group_weights={})
    problems = [_placed(p, imported, indicator_set) for p in err.problems]
    named = imported.names_set
    others = named_first and named not in (None, indicator_set.id)  # the form of another set, read with this one
    # a fact with no cell, or on another set's form of this layout whose row or block it has not (QA131 F6: a Hubei form
    # was told to put back 满意度指标, a block of self-evaluation's form)
    lacking = [p.fact for p in problems if p.hint is not None and p.fact and (p.hint.startswith(_NO_CELL) or (
        others and not imported.other_layout and p.hint == PUT_THE_ROW_BACK))]
    shown = ", ".join(lacking[:5]) + ("…" if len(lacking) > 5 else "")
    if named is None or not others:
        # last year's form read with this year's set: said first, as the cause of what follows (QA89 F1)
        # or of its version, the set's file edited since (QA205 3)
        version = [w for w in imported.warnings if w.message.startswith((OTHER_VERSION, CHANGED_SINCE))] if named_first \
            else []
        if len(lacking) <= _MOST_ROWS_TO_ADD:
            return type(err)(version + problems)
        # a form of another set whose side sheet names this one: one line, not a row to add for each fact (QA67 F4)
        many = Problem(f"{ANOTHER_SETS_FORM}{len(lacking)} facts the set {indicator_set.id} reads ({shown})",
                       file=imported.facts.source, hint=f"if it is another set's form, read it with that set; else fill "
                       f"the blank form of {indicator_set.id} ({template_of(indicator_set)})")
        return type(err)([*version, many])  # the rest would map one set's facts onto another's (QA68 F3: "rename budget.method")
    # the weights, categories and tiers of another set's form may not be this set's either (QA31 F2): said first, as
    # reading said it, with its fix: a profile's changes apply, and its base is the file it extends (QA152 F2b); a form
    # of another version of that base, the version line alone, not a second line of the same cause (QA152 F6b)
    said = read_with(named, indicator_set, imported.facts.source or "")[0]
    mismatch = next((w for w in imported.warnings if w.message.startswith(OTHER_VERSION)), said)
    if lacking and mismatch is said:
        facts = "1 fact" if len(lacking) == 1 else f"{len(lacking)} facts"
        mismatch = dataclasses.replace(said, message=f"{said.message}, which reads {facts} the form does not hold ({shown})")
    # its blocks and columns are another layout's: a row to add to it would be this layout's (QA129 F5)
    return type(err)([mismatch] + [p for p in problems if p.fact not in lacking and not imported.other_layout])


def score_form(imported: ImportedFacts, indicator_set: IndicatorSet) -> Result:
    """The project of a filled form scored; its problems, raised, name the form's cells."""
    try:
        return checks_on_cells(imported, score(indicator_set, imported.facts), indicator_set)
    except ScoringEngineError as err:
        raise on_cells(err, imported, indicator_set) from None


def form_problems(imported: ImportedFacts, indicator_set: IndicatorSet) -> list[Problem]:
    """What `import` warns of besides what reading found: what scoring the facts of a form would fail on, placed on
    its cells, with the scores the unit typed (which a facts file does not keep); or, when it scores, each typed score
    the set computes otherwise, as `score` warns of it (QA62 F1: a 总分 of 99.5 where the set gives 65.41 went unsaid).

    Raises the error instead when the form was written for another set: its facts are then not this set's at all.
    """
    try:
        result = score_form(imported, indicator_set)
    except ScoringEngineError as err:
        if imported.names_set not in (None, indicator_set.id):
            raise
        kept = [Problem(f"{cell}: the form gives {plain(typed)} points, which a facts file does not keep: the set "
                        "computes the score", file=imported.facts.source) for cell, typed in imported.typed.values()]
        return [*err.problems, *kept]
    return typed_scores(imported, indicator_set, result.total, score_in(result))


def _placed(problem: Problem, imported: ImportedFacts, indicator_set: IndicatorSet) -> Problem:
    form = imported.facts.source
    if problem.hint is not None and problem.hint.startswith(_MARK):  # a zero divisor: marked as a form marks it
        marked = f" not applicable with a row 不适用 | its id | the reason on {imported.side_tab};"
        problem = dataclasses.replace(problem, hint=problem.hint.replace(" not applicable, with the reason;", marked))
    row = _row_field(problem, imported, indicator_set)
    if row is not None:
        key, name = row
        blank = _blank_of_row(problem, key, imported)
        if blank is not None:
            return Problem(f"{blank.cell}: row {cut(name)}: {blank.what} is empty", file=form, hint=blank.hint)
        cell = imported.provenance.get(key) or imported.provenance.get(key.rsplit(".", 1)[0] + ".name")
        said = _ROW_IN_MESSAGE_WHOLE.sub("", problem.message, count=1)  # the engine's 'row 1 (name): ' for facts files
        said = _on_this_form(said, imported.rescaled.get(key.rsplit(".", 1)[0]))
        return _on(dataclasses.replace(problem, message=keeping_lists(f"row {cut(name)}: {said}", problem.message)), cell, form)
    if problem.path is not None and problem.path.startswith("$.not_applicable."):  # a 不适用 row of the side sheet
        key = problem.path.removeprefix("$.")
        if "unknown indicator" not in problem.message:  # its reason: the value's cell
            return _on(problem, imported.provenance.get(key), form)
        named = key.removeprefix("not_applicable.")  # its name: the name's cell; one a profile removes is said so (QA39 F9)
        meant = [] if indicator_set.removal(named.strip()) else indicators_like(indicator_set, named)
        hint = f"write its id: {', '.join(meant)}" if meant else problem.hint or "write the id of one of: " + ", ".join(
            f"{i.id} ({i.name})" for i in indicator_set.indicators)  # the engine's: a removed one, a did-you-mean (QA38 F3)
        hint = hint.replace("leave it out of not_applicable", "delete this 不适用 row")  # as a clerk does (QA43 F11)
        said = f"the 不适用 row names unknown indicator {named}"  # a row the clerk typed, not a facts file's key (QA67 F7)
        return _on(dataclasses.replace(problem, message=said, hint=hint), imported.provenance.get(key + ".name"), form)
    fact: str | None = problem.fact
    if fact is None and problem.path is not None and problem.path.startswith("$.facts."):
        fact = problem.path.removeprefix("$.facts.")
    if fact is None:
        return problem
    if fact in imported.empty and _adds_the_fact(problem):
        blank = imported.empty[fact]
        return Problem(f"{blank.cell}: {blank.what} is empty (fact {fact})", file=form, fact=fact, hint=blank.hint)
    if fact in imported.provenance:
        return _on(_titled(_of_row(yes_or_no(problem, indicator_set), fact, indicator_set), indicator_set),
                   imported.provenance[fact], form)
    found = _ROW_IN_MESSAGE.match(problem.message)  # a facts check of a target table: "row 2 (name): …"
    row_key = f"{fact}[{int(found.group(1)) - 1}].name" if found is not None else ""
    category = _category_cell(problem, row_key.removesuffix(".name"), imported, indicator_set) or _weight_cell(
        problem, row_key.removesuffix(".name"), imported)
    if category is not None:
        return category
    if row_key in imported.provenance:
        return _on(problem, imported.provenance[row_key], form)
    weights = [cell for key, cell in imported.provenance.items() if key.startswith(f"{fact}[") and key.endswith("].weight")]
    block = next((b for b in indicator_set.form.targets if b.fact == fact), None)
    if weights and block is not None and problem.message.startswith(("rows' weights", "some rows have a weight")):
        shown = weights[0] if len(weights) == 1 else f"{weights[0]}–{weights[-1].split('!', 1)[1]}"
        message = problem.message.replace(f"of group {block.indicator}", f"of {block.label}")
        weight = indicator_set.indicator(block.indicator).weight
        rescaled, declared = imported.group_weights.get(fact), plain(weight)
        other = problem.hint if problem.hint != weights_fix(weight) else None  # weighted for the set compared (QA81 F6)
        fix = (other or f"make them add up to {declared}, the weight the set gives {block.label}") if rescaled is None else (
            f"make them add up to {declared} (the weight the set gives {block.label}), or to {plain(rescaled)}, "
            "the group's weight with the indicators marked 不适用 rescaled away")  # the form may show either sum: both named
        return _on(dataclasses.replace(problem, message=message, fact=None, hint=fix), shown, form)
    if _adds_the_fact(problem) and fact in indicator_set.facts:
        return _missing_row(problem, fact, imported, indicator_set)
    return _on_cells_read(problem, fact, imported, indicator_set)


def _adds_the_fact(problem: Problem) -> bool:
    """Whether `problem` is a fact left out, fixed in a facts file: the engine's hint, or its words for a fact that may be
    left out, by its label (add the fact 调整后预算数 to the facts file: QA331 F3, a form was told to fix a facts file)."""
    hint = problem.hint or ""
    return hint == ADD_THE_FACT or (hint.startswith("add the fact ") and " to the facts file" in hint)


def _category_cell(problem: Problem, row: str, imported: ImportedFacts, indicator_set: IndicatorSet) -> Problem | None:
    """A 二级 the row's group has not, on the 二级 cell it was read from, not on the 三级 row (QA54 F6); one that is a
    二级 of another 一级 (社会效益指标 under 产出指标) says where it belongs, not the nearest spelling."""
    cell = imported.provenance.get(row + ".category")
    if cell is None or not _ROW_IN_MESSAGE_WHOLE.sub("", problem.message, count=1).startswith("category "):
        return None
    typed = imported.facts.values.get(row.partition("[")[0])
    number = int(row.rpartition("[")[2].rstrip("]"))
    category = typed[number].get("category") if isinstance(typed, list) and isinstance(typed[number], dict) else None
    groups = [(b.label, indicator_set.indicator(b.indicator).rows) for b in indicator_set.form.targets]
    other = next((label for label, rows in groups if rows is not None and category in rows.categories), None)
    hint = f"{category} is a 二级指标 of {other}: move the row under {other}" if other is not None else problem.hint
    # said of the row as the form names it, without the engine's row number and the ids that read the fact
    said = _ROW_IN_MESSAGE_WHOLE.sub("", problem.message, count=1).split(" (read by ", 1)[0]
    name = typed[number].get("name", "") if isinstance(typed, list) and isinstance(typed[number], dict) else ""
    message = f"row {cut(str(name))}: {said}"
    return _on(dataclasses.replace(problem, message=message, hint=hint, fact=None), cell, imported.facts.source)


def _weight_cell(problem: Problem, row: str, imported: ImportedFacts) -> Problem | None:
    """A row's weight finer than the set's precision, on the 分值 cell it was read from, said of the row by its name as
    the form's other cells are; not on the row's name (QA200 4: 20.004 in G13 was said on D13)."""
    cell, named = imported.provenance.get(row + ".weight"), _ROW_IN_MESSAGE_NAMED.match(problem.message)
    said = problem.message[named.end():].split(" (read by ", 1)[0] if named is not None else ""
    if cell is None or named is None or not said.startswith("weight "):
        return None
    said = keeping_lists(f"row {named.group(1)}: {said}", problem.message)
    return _on(dataclasses.replace(problem, message=said, fact=None), cell, imported.facts.source)


def _missing_row(problem: Problem, fact: str, imported: ImportedFacts, indicator_set: IndicatorSet) -> Problem:
    """A fact the form gives no value for: its row mistyped, its row not read (no 类别 事实), or a row to add."""
    form = imported.facts.source
    # on a form of another set (said first, on_cells), a fact of its own is no slip for one of this set's
    misspelt = _misspelt_row(fact, imported) if imported.names_set in (None, indicator_set.id) else None
    if misspelt is not None:  # the row is there, its name mistyped (QA33 F1): not a row to add
        cell, typed = misspelt
        return Problem(keeping_lists(f"{cell}: {problem.message}: the row names {typed} instead", problem.message), file=form,
                       fact=fact, indicator=problem.indicator, hint=f"write {fact} in the row's name")
    unread = next((w for w in imported.warnings if w.fact == fact and w.message.endswith("is not read")), None)
    if unread is not None:  # the row is there without 类别 事实 (merged 类别 cells: QA47 F2): not a row to add
        return Problem(f"{unread.message.split(': ', 1)[0]}: {problem.message}: its row is not read, its 类别 is not 事实",
                       file=form, fact=fact, indicator=problem.indicator,
                       hint="write 事实 in the row's 类别 cell (merged cells hold their value in their first row only)")
    return dataclasses.replace(problem, file=form, line=None, column=None, path=None,
                               hint=f"{_NO_CELL}: add a row 事实 | {fact} | its value on the sheet {imported.side_tab}")


def _misspelt_row(fact: str, imported: ImportedFacts) -> tuple[str, str] | None:
    """The cell and name of a side sheet's 事实 row whose name is a slip for `fact` (the reader warned of it, "did you
    mean `fact`?"), if there is one."""
    meant = f"did you mean {fact}?"
    for warning in imported.warnings:
        if warning.hint == meant and warning.fact is not None and warning.message.split(": ", 1)[0] != warning.message:
            return warning.message.split(": ", 1)[0], warning.fact
    return None


_OUTSIDE_TIER = compile_later(r"score \S+(?: \([^)]*\))? is outside tier (?P<tier>.+) "
                              r"\[(?P<low>[\d.]+), (?P<high>[\d.]+)(?P<end>[\])])$")


def _on_this_form(said: str, rescaled: tuple[Decimal, Decimal, Decimal] | None) -> str:
    """A tier's range refused on a row the form shows on its rescaled 分值, said with the 得分 typed and the range on that
    分值: 17 typed on a 分值 of 30 is not told '8.5 is outside [9, 12)', a basis the form does not show."""
    found = _OUTSIDE_TIER.match(said) if rescaled is not None else None
    if found is None or rescaled is None:
        return said
    typed, shown, declared = rescaled
    low, high = (plain(round_half_up(Decimal(found.group(k)) * shown / declared, 2)) for k in ("low", "high"))
    return (f"score {plain(typed)} is outside tier {found.group('tier')} [{low}, {high}{found.group('end')} on this form, "
            f"whose 分值 {plain(shown)} is the declared {plain(declared)} rescaled")


def _blank_of_row(problem: Problem, key: str, imported: ImportedFacts) -> Blank | None:
    """The empty cell a row's missing fact is: the field's own, else, for the row itself (its rule finds no target to
    read the 实际完成值 against), its 年度指标值 left empty."""
    if problem.hint not in (ADD_THE_FACT, ADD_TO_THE_ROW):
        return None
    target = key.rsplit(".", 1)[0] + ".target"
    whole = problem.fact == "row" or (problem.fact is None and not _ROW_FIELD.search(problem.path or ""))  # the row itself
    return imported.empty.get(key) or (imported.empty.get(target) if whole else None)


def _titled(problem: Problem, indicator_set: IndicatorSet) -> Problem:
    """A problem of a fact that does not name it, said after its cell as the facts check says it (表外事实!C44：社会效益
    (benefit.social)：…), not with the fact's id before the cell (QA284 F9)."""
    spec = indicator_set.facts.get(problem.fact or "")
    if spec is None or problem.fact is None or mentions(problem.message, problem.fact):
        return problem
    return dataclasses.replace(problem, message=keeping_lists(f"{spec.title}: {problem.message}", problem.message))


def _on_cells_read(problem: Problem, fact: str, imported: ImportedFacts, indicator_set: IndicatorSet) -> Problem:
    """A formula of the set that fails on what the form gives (全年预算数 0: the 执行率 divides by it), placed on the
    cells of the facts it failed on (a derived value: the facts it reads), with their values; not on the set's YAML,
    and without a fix to the set's formula, which is not the clerk's to make."""
    derived = {d.name: d.formula.names for d in indicator_set.derived}
    names, seen = [fact], set()
    while names:
        name = names.pop()
        if name not in seen:
            seen.add(name)
            names.extend(sorted(derived.get(name, ())))
    values, _ = flatten(imported.facts.values, indicator_set.facts)
    read = sorted((imported.provenance[n], n) for n in seen if n in imported.provenance and isinstance(values.get(n), Decimal))
    if not read:  # numbers only: a text fact (which base to divide by) chooses, it does not fail
        return problem
    given = ", ".join(f"{indicator_set.facts[n].label or n} {show_value(values[n])}" for _, n in read)
    sheets = {cell.split("!", 1)[0] for cell, _ in read}
    cells = read[0][0] + "".join(f", {cell.split('!', 1)[-1] if len(sheets) == 1 else cell}" for cell, _ in read[1:])
    return _on(dataclasses.replace(problem, message=keeping_lists(f"{problem.message}; the form gives {given}", problem.message),
                                   hint=CHECK_THE_CELLS, fact=None),
               cells, imported.facts.source)


def _row_field(problem: Problem, imported: ImportedFacts, indicator_set: IndicatorSet) -> tuple[str, str] | None:
    """For a problem of a target row's rule (indicator 'output.2', fact 'row.actual'): ('targets.output[2].actual', its
    name), when the row was read from the form. A rule that reads the row itself (fact 'row': a tier and its score) is
    about its score when the message says so, else about its tier, the 实际完成值."""
    read = problem.fact
    if read is None and problem.hint == ADD_TO_THE_ROW and problem.path:  # a field the row lacks: named by its path
        found = _ROW_FIELD.search(problem.path)
        read = f"row.{found.group(1)}" if found else "row"
    if problem.indicator is None or read is None or not read.startswith("row"):
        return None
    group, _, number = problem.indicator.rpartition(".")
    block = next((b for b in indicator_set.form.targets if b.indicator == group), None)
    rows = imported.facts.values.get(block.fact) if block is not None else None
    if block is None or not number.isdigit() or not isinstance(rows, (list, tuple)) or not 0 < int(number) <= len(rows):
        return None
    row = rows[int(number) - 1]
    name = row.get("name") if isinstance(row, dict) else getattr(row, "name", None)
    field = read.removeprefix("row.") if read != "row" else (
        "score" if _ROW_IN_MESSAGE_WHOLE.sub("", problem.message, count=1).startswith("score") else "actual")
    return f"{block.fact}[{int(number) - 1}].{field}", str(name)


def _of_row(problem: Problem, fact: str, indicator_set: IndicatorSet) -> Problem:
    """A problem of a target row's field (``targets.output[1].target``, 'row 2 (名称): target must be above 0') said as
    the form shows that row: by its name and the field's column as printed ('row 名称: 年度指标值 must be above 0')."""
    field, row = _ROW_FIELD.search(fact), _ROW_IN_MESSAGE_NAMED.match(problem.message)
    if field is None or row is None:
        return problem
    said = problem.message[row.end():]
    layout = form_layout(indicator_set.form.layout)
    column = next(filter(None, (layout.column(key) for key in (field.group(1), f"{field.group(1)}_value"))), None)
    if column is not None and said.startswith(field.group(1) + " "):
        said = column.label + said[len(field.group(1)):]
    return dataclasses.replace(problem, message=f"row {row.group(1)}: {said}")


def _on(problem: Problem, cell: str | None, form: str | None) -> Problem:
    """The problem said of the form's cell: the set's file and line, or the facts path, give way to the cell."""
    if cell is None:
        return problem
    return dataclasses.replace(problem, message=keeping_lists(f"{cell}: {problem.message}", problem.message), file=form,
                               line=None, column=None, path=None, indicator=None,
                               expression=None)  # the set's formula: not the clerk's to fix


def typed_scores(imported: ImportedFacts, indicator_set: IndicatorSet, total: Decimal,
                 score_of: Callable[[str], Decimal | None]) -> list[Problem]:
    """A warning for each score the unit typed on the form that the set computes otherwise (the funds' 得分, a
    quantitative row's 得分, a row of the set's own tree, 总分): the set's score counts, and the self-score that ran
    high is what a re-check wants. `total` and `score_of` are the set's (a Result's, or scores_only's)."""
    found = []
    total_cell = imported.typed.get("total", ("", None))[0]
    for cell, typed, computed in typed_differences(imported, indicator_set, total, score_of):
        shown = plain(typed) if abs(typed) < 10**9 else f"{typed:.3E}"  # a slip of 1e300 is not 301 digits
        given = f"the 总分 {shown}" if cell == total_cell else f"{shown} points"  # QA34 F6: not a 得分, a 总分
        found.append(Problem(f"{cell}: the form gives {given} where the set scores "
                             f"{fixed(computed, indicator_set.precision)}; the set's score counts",
                             file=imported.facts.source))
    return found + _conclusion_total(imported, indicator_set, total)


def _conclusion_total(imported: ImportedFacts, indicator_set: IndicatorSet, total: Decimal) -> list[Problem]:
    """A warning when the 评价结论 the unit typed gives a 总分 the set scores otherwise, to the decimals typed (QA314 2:
    总分80分 stood beside a form scoring 84.00, printed as typed): the engine's own conclusion is rewritten, a unit's
    words are kept, and said."""
    written = imported.facts.project.get("conclusion")
    said = _TOTAL_SAID.search(written[:_MOST_READ]) if isinstance(written, str) else None  # (QA315 4: not skipped whole)
    if said is None:
        return []
    typed = Decimal(said.group(1))
    if round_half_up(total, max(0, -int(typed.as_tuple().exponent))) == typed:
        return []
    cell = imported.provenance.get("project.conclusion", "评价结论")
    return [Problem(f"{cell}: the 评价结论 gives the 总分 {plain(typed)} where the set scores "
                    f"{fixed(total, indicator_set.precision)}; the set's score counts", file=imported.facts.source)]


#: A 总分 stated in a typed conclusion (总分80分, 总分：84.5分, 总分为84分); its first one is compared.
_TOTAL_SAID = compile_later(r"总分\s*[:：为是]?\s*(\d{1,3}(?:\.\d{1,6})?)\s*分", needs="总")
_MOST_READ = 2000  # characters of a conclusion searched: a report pasted whole is not read past them


def score_in(result: Result) -> Callable[[str], Decimal | None]:
    """An indicator's score in `result` by its id, None for one it lacks: typed_scores' `score_of`."""
    def score_of(indicator: str) -> Decimal | None:
        try:
            return result.indicator(indicator).score
        except KeyError:
            return None
    return score_of


#: warnings of one fact's value, said on its cell: expert scores typed as shares, a finding that may be several
_FACTS_OWN = ("scale", "one_line")


def checks_on_cells(imported: ImportedFacts, result: Result, indicator_set: IndicatorSet) -> Result:
    """`result` with each warning of the set's own checks and 需说明 conditions, and each 需说明 met, said of the form's
    cells their facts came from, filled or left blank (QA72 F3: a clerk was told of budget.reason, a name the form does
    not show, not of K6; QA76 F5: a 需说明 met named none)."""
    conditions = {c.formula.text: c.formula for c in indicator_set.checks}
    conditions.update((r.formula.text, r.formula) for r in indicator_set.explain_when if r.formula)

    def placed(item: Any) -> Any:
        formula = conditions.get(item.expression or "") if getattr(item, "kind", "explain_when") in (
            "check", "explain_when") else None
        facts = indicator_set.facts_read_by(formula.names) if formula is not None else \
            [item.fact] if getattr(item, "kind", "") in _FACTS_OWN else []  # on the cell of the fact they are of
        # a cell left blank is named when its fact's default was read (a reason left blank: QA76 F5), never one whose
        # fact was then not read at all (调整后预算数 beside 全年预算数 chosen as the base: QA283 F2)
        refs = [imported.provenance.get(f) or (imported.empty[f].cell if f in imported.empty and f in indicator_set.facts
                                               and indicator_set.facts[f].default is not None else None) for f in facts]
        cells: dict[str, list[str]] = {}  # sheet → its cells, in the order the facts are read
        for sheet, _, cell in (ref.rpartition("!") for ref in refs if ref):
            cells.setdefault(sheet, []).append(cell)
        shown = ", ".join(f"{sheet}!{', '.join(dict.fromkeys(at))}" for sheet, at in cells.items())
        if not shown:
            return item
        # the cells only, never the form's file: the result is the set's and the facts' alone, the same bytes for the
        # form named by any path, as for its imported facts (QA319 F1); a batch row names the file as its source
        return dataclasses.replace(item, message=f"{shown}: {item.message}", zh=item.zh and f"{shown}: {item.zh}")

    warnings, flags = tuple(map(placed, result.warnings)), tuple(map(placed, result.flags))
    changed = warnings != result.warnings or flags != result.flags
    return dataclasses.replace(result, warnings=warnings, flags=flags) if changed else result


def typed_differences(imported: ImportedFacts, indicator_set: IndicatorSet, total: Decimal,
                      score_of: Callable[[str], Decimal | None]) -> list[tuple[str, Decimal, Decimal]]:
    """(cell, typed, computed) for each score typed on the form that the set computes otherwise; `score_of` gives an
    indicator's score by id (None for one the result lacks)."""
    rows = {b.fact: b.indicator for b in indicator_set.form.targets}
    found = []
    for key, (cell, typed) in imported.typed.items():
        fact, _, position = key.partition("[")
        indicator = f"{rows[fact]}.{int(position.rstrip(']')) + 1}" if fact in rows and position else key
        computed = total if key == "total" else score_of(indicator)
        if computed is not None and typed != computed:
            found.append((cell, typed, computed))
    return found

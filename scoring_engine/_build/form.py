"""The checks of a set's ``form:`` section: a known form layout, funds facts and row groups that exist."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any

from .._frozen import ReadOnly
from .._text import cut
from ..errors import IndicatorSetError, ScoringEngineError, did_you_mean
from ..model import FactSpec, FormBinding, Indicator, TargetBlock
from .draft import Draft

__all__ = ["form_binding"]


def form_binding(draft: Draft, facts: Mapping[str, FactSpec], indicators: tuple[Indicator, ...]) -> FormBinding:
    """The set's form binding; each mistake recorded at its place in the file."""
    raw = draft.data.get("form")
    if not isinstance(raw, Mapping) or not draft.log.ok(("form",)):
        return FormBinding()
    from ..forms.layout import form_layout, form_layouts

    layout_id = str(raw.get("layout", "selfeval"))
    try:
        layout = form_layout(layout_id)
    except IndicatorSetError as err:  # the layout file is there but broken: said here, and its own problems after (QA129 F1)
        draft.log.add(("form", "layout"), f"form layout {layout_id} has {len(err.problems)} problem(s), listed after this "
                      "file's", "fix the layout file at the lines given")
        draft.log.after += err.problems
        return FormBinding()
    except ScoringEngineError:
        draft.log.add(("form", "layout"), f"unknown form layout {layout_id}",
                      did_you_mean(layout_id, form_layouts()) or "one of: " + ", ".join(form_layouts()))
        return FormBinding()
    nodes = {node.id: node for top in indicators for node in top.walk()}
    funds = raw.get("funds") or {}
    indicator = funds.get("indicator")
    # an indicator or a fact the set declares with a mistake in it is said to be wrong where it is declared; here it is
    # not said again to be missing, with another name offered (QA110 F5)
    written = _written_ids(draft.data.get("indicators"))
    if indicator is not None and indicator not in nodes and indicator not in written:
        draft.log.add(("form", "funds", "indicator"), f"funds block shows indicator {cut(str(indicator))}, which the set does not have",
                      did_you_mean(indicator, nodes))
    rows: dict[str, dict[str, str]] = {}
    row_keys = [r.key for r in layout.funds.rows]
    column_keys = [c.key for c in layout.funds.columns]
    for row_key, columns in (funds.get("rows") or {}).items():
        if row_key not in row_keys:
            draft.log.add(("form", "funds", "rows", row_key), f"form {layout_id} has no funds row {row_key}",
                          did_you_mean(row_key, row_keys) or "its rows: " + ", ".join(row_keys), key=True)
            continue
        for column, name in columns.items():
            _funds_fact(draft, facts, ("form", "funds", "rows", row_key, column), name, column, column_keys, layout_id)
        rows[row_key] = ReadOnly(columns)
    targets = tuple(dataclasses.replace(block, skeleton=layout.skeleton.get(block.label, ()))
                    for block in _targets(draft, raw.get("targets") or {}, nodes, (layout.total, *layout.total_also)))
    return FormBinding(layout_id, indicator, ReadOnly(rows), targets)


def _funds_fact(draft: Draft, facts: Mapping[str, FactSpec], path: tuple[Any, ...], name: str, column: str,
                column_keys: list[str], layout_id: str) -> None:
    if column not in column_keys:
        draft.log.add(path, f"form {layout_id} has no funds column {column}", "its columns: " + ", ".join(column_keys), key=True)
    wanted = ("string",) if column == "reason" else ("number", "integer")
    spec = facts.get(name)
    declared = draft.data.get("facts")
    if spec is None and isinstance(declared, Mapping) and name in declared:
        return  # declared with a mistake, said where it is declared
    if spec is None:
        draft.log.add(path, f"funds cell {column} reads fact {name}, which is not declared", did_you_mean(name, facts))
    elif spec.type not in wanted:
        draft.log.add(path, f"funds cell {column} needs a {' or '.join(wanted)} fact; {name} is a {spec.type} fact")


def _written_ids(indicators: Any) -> dict[str, Mapping[str, Any]]:
    """The indicators as the set writes them, by id, those it could not build included."""
    found: dict[str, Mapping[str, Any]] = {}
    for item in indicators if isinstance(indicators, list) else ():
        if isinstance(item, Mapping):
            found[str(item.get("id"))] = item
            found.update(_written_ids(item.get("children")))
    return found


def _targets(draft: Draft, raw: Mapping[str, str], nodes: Mapping[str, Indicator], total: tuple[str, ...]) -> list[TargetBlock]:
    from ..forms.layout import same_label

    found: list[TargetBlock] = []
    written = _written_ids(draft.data.get("indicators"))
    for indicator, label in raw.items():
        node = nodes.get(indicator)
        if node is None and indicator in written:
            continue  # declared with a mistake, said where it is declared
        if node is None:  # a profile that removes an indicator the base's form shows: the form is the profile's to say
            draft.log.add(("form", "targets", indicator), f"form targets name {indicator}, which the set does not have",
                          did_you_mean(indicator, [n for n, v in nodes.items() if v.rows is not None]) or
                          "take it out of form.targets; a profile that removes it gives its own form:", key=True)
            continue
        grouped = written.get(indicator, {}).get("children_from")
        if node.rows is None and isinstance(grouped, Mapping) and not draft.log.ok(("facts", str(grouped.get("fact")))):
            continue  # a group whose list fact is declared with a mistake: said there (QA112 F7)
        if node.rows is None:
            if not any(p.indicator == indicator and "children_from" in (p.path or "")  # a group whose children_from
                       for p in draft.log.problems):  # failed: said
                draft.log.add(("form", "targets", indicator), f"form targets name {indicator}, which is not a row group "
                              "(children_from)", did_you_mean(indicator, [n for n, v in nodes.items() if v.rows is not None]),
                              key=True)  # there, not again here as if it were no group (QA44 F1)
            continue
        other = next((b.indicator for b in found if same_label(str(label), b.label)), None)
        if other is not None:  # the form reader sorts rows by their 一级: two groups under one it cannot part (QA129 F4)
            draft.log.add(("form", "targets", indicator), f"form targets give {indicator} the 一级 label {cut(str(label))}, "
                          f"which {other} has too: a filled form's rows under it could not be told apart",
                          f"give each group its own label; to print {indicator}'s rows under {cut(str(label))}, make them a "
                          f"二级 category of {other} with one fact list, as hubei-self-evaluation does")
            continue
        if any(same_label(str(label), word) for word in total):  # the reader takes its row for the 总分 row (QA131 F5)
            draft.log.add(("form", "targets", indicator), f"form targets give {indicator} the 一级 label {cut(str(label))}, "
                          "which the form's total row is read by", "give the group a label of its own, as its 一级指标")
            continue
        found.append(TargetBlock(indicator, label, node.rows.fact))
    return found

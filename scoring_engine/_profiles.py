"""Profiles: a set that says `extends: BASE` and then only what changes, resolved onto its base before it is built.

A province's or a programme's profile of the national framework changes a few
weights, rules and standards. Resolution works on the YAML node trees, not on
plain data, so that every value keeps the file and line it was written on: an
error in an inherited indicator points into the base file, an error caused by
the profile points at the profile's line that made the change (a weight that
no longer adds up points at the changed weight, a rescaled weight at its
`rescale:`). The resolved tree then goes through the same gates as any set.

What a profile may say, besides `extends`:
- `change: {ID: {field: value, …, rescale: …}}`: replace fields of an indicator;
  `rescale: true` (or `children`) scales its children to its weight in
  proportion, by largest remainder, and so on down; `siblings` also scales the
  indicators beside it that the profile does not set, to keep their parent's sum;
- `add: [{under: ID, after: ID, id: …, name: …, weight: …, …}]`; `remove: [ID, …]` (a base profile's removals stay);
- any other section replaces the base's, except `facts` and `derived`, merged by name (`name: null` removes one).
"""

from __future__ import annotations

import hashlib
from dataclasses import field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ._arith import ZERO, apportion, plain
from ._profile_bounds import resolved_data
from ._profile_keys import DIRECTIVES, MERGED_BY_NAME, check_profile, grade_shares, no_directives, no_loop, not_a_set
from ._profile_nodes import (STR, Pairs, blame, copy_node, dropped, entries, get, ids_in, key_of, name_file, names_in,
                             none_free, number, own, places, points_of_a_formula, put, restated, scale_points, weight_node)
from ._located import Located
from ._record import record
from ._text import cut
from .errors import IndicatorSetError, Problem, did_you_mean
from ._build.problems import ProblemLog
from .model import ProfileChange

__all__ = ["DIRECTIVES", "MERGED_BY_NAME", "Resolved", "resolve"]


@record(frozen=False)
class Resolved:
    """A set's data with positions, resolved onto its bases; the bases it was built on and what the profile changed."""

    located: Located
    sha256: str
    bases: tuple[str, ...] = ()
    changes: tuple[ProfileChange, ...] = ()
    file: str | None = None  # the set's file, as problems name it; `base`: the set it extends, resolved on its own
    base: Resolved | None = None


def resolve(located: Located, file: str | None, sha256: str, folder: Path | None,
            read: Any, chain: tuple[str, ...] = ()) -> Resolved:
    """`located` resolved onto the set it extends, if any; raises IndicatorSetError naming the profile's lines.
    `read(ref, folder)` gives (Located, shown name, sha256) of a base set named by bundled id or by a path inside
    `folder`; `chain` holds the sets already on the way down, to refuse a loop."""
    data = located.data
    if not isinstance(data, dict):
        return Resolved(located, sha256, file=file)
    if "extends" not in data:
        no_directives(located, file)
        return Resolved(located, sha256, file=file)
    schema, own = check_profile(located, file)
    log = ProblemLog(Located(data, located.root, rejected=located.rejected), file)  # an alias's place: said already
    ref = data["extends"]
    no_loop(log, ref, file, chain)
    log.problems[:0] = schema  # the reader's problems among them
    # not merged: a loop, or no base to look in (an alias is cut from the node tree: _yaml._cut_repeats)
    if len(log.problems) > len(schema) or (schema and (not isinstance(ref, str) or "$.extends" in {p.path for p in schema})):
        raise IndicatorSetError(log.ranked(own()))
    name_file(located.root, file)  # type: ignore[arg-type]
    try:
        base_located, base_file, base_sha = read(ref, folder)
    except IndicatorSetError as err:  # a base that does not exist or cannot be read: said at the profile's extends:
        where = located.where(("extends",)) or (None, None)
        # one in the base's own file (its encoding, its YAML) keeps its own place (QA326 F4: the profile's column and path)
        log.problems.extend(p.named_at(file, "$.extends").located(line=where[0], column=where[1]) if p.file is None else p
                            for p in err.problems)
        raise IndicatorSetError(log.ranked(own())) from None
    base = resolve(base_located, base_file, base_sha, Path(base_file).parent if base_file else None, read,
                   (*chain, file or "?"))
    if base_located.problems:
        raise IndicatorSetError(base_located.problems)
    other = not_a_set(base.located.data) or (None if isinstance(base.located.root, MappingNode) else not_a_set(None))
    if other is not None:  # QA58: 'a string'; QA318 F8: a case or facts file
        log.add(("extends",), f"extends {ref!r}, which is not an indicator set: {other}",
                "extend a bundled set id or a set's file")
        raise IndicatorSetError(log.ranked(own()))
    if not base.bases:  # a set read on its own: its nodes learn their file (a resolved profile's know theirs)
        name_file(base_located.root, base_file)
    gone: dict[str, tuple[str, str | None, int | None, str | None]]
    gone = {c.target if c.what == "removed" else f"{c.what}:{c.target}": (c.by or _set_id(base_located, ref), c.file or base_file,
            c.line, None) for c in base.changes if c.what.startswith("removed")}  # named so when this one names it (QA51 F3)
    gone |= {below: (*gone[c.target][:3], c.target) for c in base.changes if c.what == "removed"  # and all below (QA178 F2)
             for below in c.below if below not in gone}
    merge = _Merge(base.located.root, located, log, gone=gone)
    root = merge.run()
    if schema:  # with the ids it names that the base has not, and grades written as shares: every slip in one run; not
        # the type of what an id the base has not holds (QA326 F6: `rescale: true` not indented, "must be a mapping")
        # (only a field's: a misspelt id's `outptu: 30` keeps its second line, to fix in the same run: QA328 F5)
        named = {p.path for p in merge.unfound if (p.path or "").startswith("$.change.")
                 and (p.path or "").removeprefix("$.change.") in _FIELDS}
        log.problems[:] = [*(p for p in schema if p.path not in named), *merge.unfound,
                           *grade_shares(located, file, base.located)]
    if log.problems:
        raise IndicatorSetError(log.ranked(own()))
    resolved = resolved_data(root, (file, *(base.located.files or (base_file,))), located, ref)  # within bounds (QA203 2)
    digest = hashlib.sha256(f"{sha256}\n{base.sha256}".encode()).hexdigest()  # the profile and everything below it
    by = _set_id(base_located, ref)  # QA39 F8:
    inherited = [replace(c, by=c.by or by, file=c.file or base_file) for c in base.changes if _inherited(c, merge)]
    return Resolved(resolved, digest, (ref, *base.bases), (*merge.changes, *inherited), file, base)


#: A base profile's sections that a profile of it keeps said: its errors are fixed there (QA322 F8: the total: of a
#: county's province was blamed at the bundled file's grades)
_SAID_SECTIONS = ("grades", "total", "indicators")


def _inherited(change: ProfileChange, merge: _Merge) -> bool:
    """Whether a base profile's change stays said in a profile of it: a removal (of an indicator this one does not add
    back, or of a fact: QA73 F1), renamed grades, total or tree, a base's fact declared anew (said at that profile's line:
    QA87 F5).
    A weight it changed, where this one does not, is kept too (a judged score out of its tier names it: QA245 L3)."""
    weighted = change.what in ("weight", "rescaled") and change.old != change.new and change.target not in merge.added
    return (change.what == "removed" and change.target not in merge.added) or change.what in ("removed facts",
            "redeclared facts", "redeclared derived") or (change.what == "section" and change.target in _SAID_SECTIONS) or \
        (weighted and not any(c.target == change.target and c.what in ("weight", "rescaled") and c.old != c.new
                              for c in merge.changes))  # (a weight restated, 12 → 12, keeps the base's 10 → 12: QA251)


def _set_id(located: Located, ref: str) -> str:
    """The id a base set gives itself, else the name it was read by."""
    return str(located.data.get("id") or ref) if isinstance(located.data, dict) else ref


# ---------------------------------------------------------------- merging the node trees


@record(frozen=False)
class _Place:
    """Where an indicator sits: its mapping node, the list holding it and the indicator that list belongs to."""

    node: MappingNode
    siblings: SequenceNode
    parent: MappingNode | None  # None: top level


#: The fields `change:` sets under an indicator's id.
_FIELDS = frozenset({"name", "weight", "standard", "description", "rule", "children", "children_from", "rescale",
                     "not_applicable_to"})


@record(frozen=False)
class _Merge:
    """The base's node tree with the profile's changes applied; problems go to the profile's log."""

    base: Node | None
    profile: Located
    log: ProblemLog
    changes: list[ProfileChange] = field(default_factory=list)
    # removed by a base: by, file, line, and the indicator above it removed with it
    gone: dict[str, tuple[str, str | None, int | None, str | None]] = field(default_factory=dict)
    root: MappingNode = field(init=False)
    places: dict[str, _Place] = field(init=False, default_factory=dict)
    explicit: set[str] = field(init=False, default_factory=set)  # indicators whose weight the profile writes
    rules_written: set[str] = field(init=False, default_factory=set)  # leaves whose rule the profile writes
    base_weights: dict[str, Decimal] = field(init=False, default_factory=dict)  # before the profile changed them
    precision: int = field(init=False, default=2)
    removed: dict[str, tuple[str, int]] = field(init=False, default_factory=dict)  # id → (the id removed with it, line)
    added: dict[str, int] = field(init=False, default_factory=dict)  # id → its place in add:
    unfound: list[Problem] = field(init=False, default_factory=list)  # ids named that the base has not (nor has any more)
    # (remove[i] that left its siblings empty, its id, the siblings, its parent's id: None for a 一级)
    emptied: list[tuple[int, str, SequenceNode, str | None]] = field(init=False, default_factory=list)
    settled: dict[int, tuple[SequenceNode, Decimal | None]] = field(init=False, default_factory=dict)  # scale's, by id
    yielding: list[Any] = field(init=False, default_factory=list)  # the marks of remove: entries, which `blame` overrides

    def run(self) -> MappingNode:
        assert isinstance(self.base, MappingNode) and isinstance(self.profile.root, MappingNode)
        self.root = copy_node(self.base)  # type: ignore[assignment]
        for name, key, value in entries(self.profile.root):
            if name not in DIRECTIVES:
                self.section(name, key, value)
        top = get(self.root, "indicators")
        if isinstance(top, SequenceNode):
            put(self.root, key_of(self.root, "indicators"), own(top))
        self.index()
        self.base_weights = {k: w for k, place in self.places.items() if (w := number(get(place.node, "weight"))) is not None}
        precision = number(get(self.root, "precision"))
        self.precision = int(precision) if precision is not None and 0 <= precision <= 6 else 2
        ops = {name: value for name, _, value in entries(self.profile.root)}
        for directive, apply in (("remove", self.remove), ("add", self.add), ("change", self.change)):  # in this order
            if directive in ops:
                apply(ops[directive])
            if directive == "add":
                self.left_empty()
        return self.root

    # -- sections

    def section(self, name: str, key: ScalarNode, value: Node) -> None:
        old = get(self.root, name)
        if name in MERGED_BY_NAME and isinstance(old, MappingNode) and isinstance(value, MappingNode):
            merged = Pairs(old)  # each entry found by its name at once (QA203 7)
            for entry, entry_key, entry_value in entries(value):
                if isinstance(entry_value, ScalarNode) and entry_value.tag == "tag:yaml.org,2002:null":
                    if entry not in merged:  # a slip removes nothing, and the base's entry stays (QA82 F3); a removal a
                        if f"removed {name}:{entry}" not in self.gone:  # base profile made, said again, is none (QA85 F2)
                            self.log.add((name, entry), f"the base set has no {'fact' if name == 'facts' else 'derived value'} "
                                         f"{entry} to remove", did_you_mean(entry, merged.names()) or "leave this entry out",
                                         key=True)
                        continue
                    merged.remove(entry)
                    self.changes.append(ProfileChange("removed " + name, entry, None, None, entry_key.start_mark.line + 1))
                else:  # a base's entry declared anew: what the base reads of it may no longer fit (QA82 F2)
                    self.changes += [ProfileChange("redeclared " + name, entry, None, None, entry_key.start_mark.line + 1)] \
                        if entry in merged else []
                    merged.put(entry_key, entry_value)
            value = merged.node()
        put(self.root, key, value)
        self.changes += [] if restated(old, value) else [ProfileChange("section", name, None, None, key.start_mark.line + 1)]

    # -- the indicator tree

    def index(self) -> None:
        """Where each indicator sits now (after every removal and addition)."""
        self.places.clear()
        top = get(self.root, "indicators")
        if isinstance(top, SequenceNode):
            self._index(top, None)

    def _index(self, siblings: SequenceNode, parent: MappingNode | None) -> None:
        for item in siblings.value:
            if isinstance(item, MappingNode):
                node_id = get(item, "id")
                if isinstance(node_id, ScalarNode):
                    self.places[node_id.value] = _Place(item, siblings, parent)
                children = get(item, "children")
                if isinstance(children, SequenceNode):
                    self._index(children, item)

    def find(self, node_id: str, path: tuple[str | int, ...], key: bool = False, among: list[str] | None = None) -> _Place | None:
        """Where `node_id` sits; else it is said why not (this profile removed it, or no such id: the nearest of `among`)."""
        place = self.places.get(node_id)
        if place is not None or not self.log.ok(path):  # found; or a value refused as read (an alias, cut to null)
            return place
        if node_id in self.removed:  # in the base, but this profile took it out
            gone, line = self.removed[node_id]
            with_it = "" if gone == node_id else f" with {gone}"
            self.log.add(path, f"{node_id} is removed by this profile{with_it} (remove:, line {line})",
                         "leave it out of remove:, or leave this entry out", key=key)
        elif node_id in self.gone:  # the base profile took it out: no other id is meant (QA51 F3)
            by, file, at, above = self.gone[node_id]
            with_it = "" if above is None else f" with {above}"
            self.log.add(path, f"the base profile {by} removes {node_id}{with_it} ({file}, line {at})",
                         "leave this entry out, or name an indicator the base still has", key=key)
        elif path[:1] == ("change",) and node_id in _FIELDS:  # `weight: 25` not indented (QA51 F4)
            self.log.add(path, f"no indicator {cut(str(node_id)) or repr(node_id)} in the base set",
                         f"{node_id} is a field of an indicator: indent it under the id of the indicator it changes "
                         "(two spaces more)", key=key)
        else:
            self.log.add(path, f"no indicator {cut(str(node_id)) or repr(node_id)} in the base set",
                         did_you_mean(node_id, self.places if among is None else among), key=key)
        self.unfound.append(self.log.problems[-1])
        return None

    def remove(self, ids: Node) -> None:
        if not isinstance(ids, SequenceNode):
            return
        removed: dict[str, int] = {}  # id → its place in the list
        for i, item in enumerate(ids.value):
            if isinstance(item, ScalarNode) and item.value in removed:
                self.log.add(("remove", i), f"{item.value} is removed twice (remove[{removed[item.value]}])", "list it once")
                continue
            if isinstance(item, ScalarNode) and self.removed.get(item.value, ("",))[0] in removed:
                continue  # below an indicator the list removes before it: gone with it, as meant (QA260 F2)
            place = self.find(item.value, ("remove", i)) if isinstance(item, ScalarNode) else None
            if place is None:
                continue
            removed[item.value] = i
            for gone in ids_in(place.node):
                self.removed[gone] = (item.value, item.start_mark.line + 1)
            place.siblings.value = [n for n in place.siblings.value if n is not place.node]
            if not place.siblings.value:  # said once add: has had its turn to fill the place (QA166 F1)
                self.emptied.append((i, item.value, place.siblings, None if place.parent is None else self.id_of(place.parent)))
            self.yielding.append(item.start_mark)  # an add: or weight under its parent says a sum then (QA326 F8)
            blame(self.root, place.parent, item.start_mark, self.yielding)
            named = get(place.node, "name")  # a form's 不适用 row names it so (QA39 F9)
            self.changes.append(ProfileChange("removed", item.value, None, None, item.start_mark.line + 1,
                                              name=named.value if isinstance(named, ScalarNode) else None,
                                              below=tuple(ids_in(place.node)[1:]), reads=names_in(place.node)))
            self.index()

    def left_empty(self) -> None:
        """The removals that leave a parent (or the set) with no indicator that add: put back in their place."""
        for i, node_id, siblings, parent in self.emptied:
            if not siblings.value and parent not in self.removed:  # a parent the list removes too goes (QA260 F2)
                self.log.add(("remove", i), f"removing {node_id} leaves {'its parent' if parent else 'the set'} "
                             "without indicators", "remove the parent instead, or add an indicator in its place"
                             if parent else "add an indicator in its place")  # a 一级 has no parent (QA38 F7)

    def add(self, items: Node) -> None:
        if not isinstance(items, SequenceNode):
            return
        ahead = {self.id_of(n): j for j, n in enumerate(items.value) if isinstance(n, MappingNode)}  # id → its place in add:
        for i, item in enumerate(items.value):
            if not isinstance(item, MappingNode):
                continue
            under, after, given_id = get(item, "under"), get(item, "after"), get(item, "id")
            later = [(k, n.value) for k, n in (("under", under), ("after", after)) if isinstance(n, ScalarNode)
                     and n.value not in self.places and ahead.get(n.value, -1) > i]
            for key, named in later:  # an indicator this profile adds further down (QA71 F5: not a did-you-mean)
                self.log.add(("add", i, key), f"{named} is added further down, at add[{ahead[named]}]",
                             f"put add[{ahead[named]}] before add[{i}]")
            if later:
                continue
            if isinstance(given_id, ScalarNode) and given_id.value in self.added:
                self.log.add(("add", i, "id"), f"{given_id.value} is added twice (add[{self.added[given_id.value]}])",
                             "add it once")
                continue
            if isinstance(given_id, ScalarNode) and given_id.value in self.places:  # its sums would fail first, far off
                self.log.add(("add", i, "id"), f"{given_id.value} is already an indicator of the set",
                             f"change it under change: {given_id.value}, or give the new indicator an id of its own")
                continue
            siblings, parent = self.siblings_under(under, ("add", i, "under"))
            if siblings is None:
                continue
            new = MappingNode(item.tag, [(k, v) for k, v in item.value if getattr(k, "value", None) not in ("under", "after")],
                              item.start_mark, item.end_mark, item.flow_style)
            position = len(siblings.value)
            if isinstance(after, ScalarNode):
                place = self.find(after.value, ("add", i, "after"), among=[self.id_of(n) for n in siblings.value])
                if place is not None and place.siblings is not siblings:
                    self.log.add(("add", i, "after"), f"{after.value} is not under {under.value}" if under else
                                 f"{after.value} is not a top-level indicator",
                                 "name a sibling of the new indicator, or leave after: out")
                    continue
                position = siblings.value.index(place.node) + 1 if place is not None else position
            siblings.value.insert(position, new)
            node_id = get(new, "id")
            if isinstance(node_id, ScalarNode):
                self.explicit.add(node_id.value)
                self.added[node_id.value] = i
                self.changes.append(ProfileChange("added", node_id.value, None, plain(number(get(new, "weight")) or ZERO),
                                                  item.start_mark.line + 1))
            blame(self.root, parent, item.start_mark, self.yielding)
            self.index()

    def siblings_under(self, under: Node | None, path: tuple[str | int, ...]) -> tuple[SequenceNode | None, MappingNode | None]:
        if under is None:
            top = get(self.root, "indicators")
            return (top if isinstance(top, SequenceNode) else None), None
        place = self.find(under.value, path) if isinstance(under, ScalarNode) else None
        if place is None:
            return None, None
        children = get(place.node, "children")
        if not isinstance(children, SequenceNode):  # change: cannot take its rule away: it is replaced (QA164 F5)
            beside = f"under {self.id_of(place.parent)} " if place.parent is not None else ""
            self.log.add(path, f"{under.value} has no children to add to (it is scored by a rule)", f"remove: [{under.value}], "
                         f"then add: {beside}an indicator with children: [...] in its place, its rule moved to one of them")
            return None, None
        return children, place.node

    def change(self, changes: Node) -> None:
        if not isinstance(changes, MappingNode):
            return
        todo: list[tuple[str, Node]] = []
        for node_id, _key, fields in entries(changes):
            place = self.find(node_id, ("change", node_id), key=True)
            if place is None or not isinstance(fields, MappingNode):
                continue
            for name, field_key, value in entries(fields):
                if name == "rescale":
                    if not (isinstance(value, ScalarNode) and value.value == "false"):
                        todo.append((node_id, value))
                    continue
                old = get(place.node, name)
                if name == "not_applicable_to" and isinstance(value, ScalarNode) and value.tag.endswith(":null"):  # QA61 F3
                    place.node.value = [(k, v) for k, v in place.node.value if getattr(k, "value", None) != name]
                    self.changes.append(ProfileChange(name, node_id, None, None, field_key.start_mark.line + 1))
                    continue
                put(place.node, field_key, value)
                if name == "weight":
                    self.explicit.add(node_id)
                    blame(self.root, place.parent, value.start_mark, self.yielding)
                    old_weight, new_weight = number(old), number(value)
                    self.changes.append(ProfileChange("weight", node_id, plain(old_weight) if old_weight is not None else None,
                                                      plain(new_weight) if new_weight is not None else None,
                                                      value.start_mark.line + 1))
                elif name == "children_from" and (gone := dropped(old, value)):  # a block replaced whole, not merged
                    line = field_key.start_mark.line + 1
                    self.changes.append(ProfileChange("children_from replaced", node_id, gone, None, line))
                elif not restated(old, value):  # a field written as the base has it is no change of it (QA157 F3)
                    self.changes.append(ProfileChange(name, node_id, None, None, field_key.start_mark.line + 1))
                if name == "rule":
                    self.rules_written.add(node_id)
            if any(name == "children" for name, _, _ in entries(fields)):
                self.index()
        order = {node_id: i for i, node_id in enumerate(self.places)}  # top down: a parent's rescale before its children's
        for node_id, how in sorted(todo, key=lambda t: order.get(t[0], 0)):
            self.rescale(self.places[node_id], node_id, how)

    def rescale(self, place: _Place, node_id: str, how: Node) -> None:
        mark, path = how.start_mark, ("change", node_id, "rescale")
        sibling = isinstance(how, ScalarNode) and how.value == "siblings"
        if sibling:
            total = number(get(place.parent, "weight")) if place.parent is not None else \
                (number(get(self.root, "total")) or Decimal(100))
            self.scale(place.siblings, total, mark, path, place.parent)
        weight, old = number(get(place.node, "weight")), self.base_weights.get(node_id)
        if weight is None:
            return
        if isinstance(get(place.node, "children"), SequenceNode) or isinstance(get(place.node, "rule"), MappingNode):
            if node_id not in self.rules_written:  # a rule the same change writes is written for the new weight (QA71 F1)
                self.follow(place.node, old if old is not None else weight, weight, mark, path)
        elif not (sibling and get(place.node, "children_from") is not None):  # a row group's siblings (QA318 F5)
            self.log.add(path, f"{node_id} has nothing below it to rescale",
                         "leave rescale out for an indicator scored by target rows")

    def follow(self, node: MappingNode, old: Decimal, new: Decimal, mark: Any, path: tuple[str | int, ...]) -> None:
        """What lies below an indicator whose weight went from `old` to `new` follows it: children, or its rule's points."""
        children = get(node, "children")
        if isinstance(children, SequenceNode):
            self.scale(children, new, mark, path, node)
            return
        rule = get(node, "rule")
        if not (isinstance(rule, MappingNode) and old and old != new):
            return
        if scale_points(rule, old, new, mark, self.precision):
            self.changes.append(ProfileChange("points", self.id_of(node), plain(old), plain(new), mark.line + 1))
        said = "formula points" if points_of_a_formula(rule) else "formula weight" if points_of_a_formula(rule, True) else ""
        if said:  # points no rescale can follow (QA71 F2), or that may (QA243 H3): said, not changed unsaid
            self.changes.append(ProfileChange(said, self.id_of(node), plain(old), plain(new), mark.line + 1))

    def scale(self, siblings: SequenceNode, total: Decimal | None, mark: Any, path: tuple[str | int, ...],
              parent: MappingNode | None) -> None:
        """Weights of the indicators in `siblings` the profile does not set, scaled so that all add up to `total`."""
        if self.settled.get(id(siblings)) == (siblings, total):  # only scale writes weights once the changes are made, and
            return  # it left these adding up to `total` at their grain: split again, none moves (800 rescales took 22 s)
        kids = {self.id_of(n): n for n in siblings.value if isinstance(n, MappingNode)}
        weights = {k: number(get(n, "weight")) for k, n in kids.items()}
        if total is None or any(w is None for w in weights.values()):
            return  # a weight that is not a number: the schema says so
        fixed = sum((w for k, w in weights.items() if k in self.explicit and w is not None), ZERO)
        free = {k: w for k, w in weights.items() if k not in self.explicit and w is not None}
        if not free:  # none to split: when they add up, nothing is said, nor would be again
            self.settled[id(siblings)] = (siblings, total if fixed == total else None)
            if path[-1] == "rescale" and fixed != total:  # rescale: on an indicator that has none to take it up
                owner = self.id_of(parent) if parent is not None else "the set"
                self.log.add(*none_free(kids, weights, total, path, owner, (self.explicit, self.added), self.profile.where))
            return
        left = total - fixed
        owner = self.id_of(parent) if parent is not None else "the set"
        if left <= 0:
            self.log.add(path, f"the weights this profile sets under {owner} already make {plain(fixed)} of {plain(total)}: "
                               "nothing is left to rescale the others to", "lower those weights, or remove indicators")
            return
        new = apportion(free, left, places(total, fixed, *free.values()))
        self.settled[id(siblings)] = (siblings, total if all(w > 0 or w == free[k] for k, w in new.items()) else None)
        for kid, weight in new.items():
            if weight == free[kid]:
                continue
            if weight <= 0:
                self.log.add(path, f"rescaling the indicators under {owner} to {plain(left)} leaves {kid} with 0 points",
                             f"remove {kid} (remove: [{kid}]), or set the weights under {owner} yourself")
                continue
            put(kids[kid], ScalarNode(STR, "weight", mark, mark), weight_node(weight, mark))
            self.changes.append(ProfileChange("rescaled", kid, plain(free[kid]), plain(weight), mark.line + 1))
            self.follow(kids[kid], free[kid], weight, mark, path)

    @staticmethod
    def id_of(node: Node | None) -> str:
        found = get(node, "id")
        return found.value if isinstance(found, ScalarNode) else "?"

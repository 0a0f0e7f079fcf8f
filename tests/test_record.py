"""A record (scoring_engine._record) behaves as the frozen dataclass it replaces: results, sets and problems stay
immutable, compare and hash by value, print, copy and pickle as they did, while costing little to define (#10)."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field
from decimal import Decimal

import pytest

from conftest import EXAMPLE_FACTS, EXAMPLE_SET, ROOT
from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine._record import GENERIC_CALLS, record
from scoring_engine.errors import Problem


def _pair() -> tuple[type, type]:
    """The same class twice: once a frozen dataclass, once a record."""

    def body() -> dict[str, object]:
        return {
            "__annotations__": {"name": "str", "weight": "Decimal", "tags": "tuple[str, ...]", "seen": "list[int]",
                                "line": "int | None", "cache": "dict[str, int]"},
            "weight": Decimal(0),
            "tags": (),
            "seen": field(default_factory=list, hash=False),  # compared, not hashed
            "line": field(default=None, compare=False),
            "cache": field(default_factory=dict, init=False, repr=False, compare=False),
            "__module__": __name__,
        }

    return dataclass(frozen=True)(type("Item", (), body())), record(type("Item", (), body()))


def test_a_record_is_made_shown_compared_and_hashed_as_the_frozen_dataclass_it_replaces() -> None:
    """Equal values, the same repr, equality and hash, defaults and factories: a record is a frozen dataclass to a
    caller (the documents and reports that print or compare them do not change)."""
    frozen, rec = _pair()
    for args, kwargs in [(("a",), {}), (("a", Decimal("1.5"), ("x",), [1]), {"line": 3}), ((), {"name": "b", "tags": ("y",)})]:
        one, other = frozen(*args, **kwargs), rec(*args, **kwargs)
        assert repr(one) == repr(other)
        assert hash(one) == hash(other)
        assert dataclasses.asdict(one) == dataclasses.asdict(other)
    assert rec("a", line=1) == rec("a", line=2)  # compare=False fields do not count
    assert hash(rec("a", line=1)) == hash(rec("a", line=2))
    assert rec("a") != rec("b")
    assert rec("a") != frozen("a")  # another class is never equal, as with dataclasses
    assert rec("a").seen is not rec("a").seen  # a factory per instance
    assert {} == rec("a").cache
    with pytest.raises(TypeError):
        rec()  # the required field is required
    with pytest.raises(TypeError):
        rec("a", cache={})  # an init=False field is not a parameter


def test_a_record_is_made_the_same_before_and_after_its_own_init_is_compiled() -> None:
    """The first objects of a class are made by a generic __init__, the rest by the one compiled for the class: a batch
    that makes thousands gets the same objects as a command that makes a few (the same fields, defaults, factories,
    __post_init__ and __dict__ order)."""
    frozen, rec = _pair()
    generic = rec.__init__
    calls = [(("a",), {}), (("a", Decimal("1.5"), ("x",), [1]), {"line": 3}), ((), {"name": "b", "tags": ("y",)}),
             (("c",), {"seen": [2], "weight": Decimal(3)})]
    for k in range(2 * GENERIC_CALLS):
        args, kwargs = calls[k % len(calls)]
        one, other = frozen(*args, **kwargs), rec(*args, **kwargs)
        assert (repr(one), hash(one), dataclasses.asdict(one)) == (repr(other), hash(other), dataclasses.asdict(other))
        assert list(vars(one)) == list(vars(other))
    assert rec.__init__ is not generic  # compiled, in place of the generic one

    @record
    class Checked:
        low: int
        high: int = 10

        def __post_init__(self) -> None:
            if self.low > self.high:
                raise ValueError("low above high")

    assert (1, 10) == (Checked(1).low, Checked(1).high)
    with pytest.raises(ValueError, match="low above high"):
        Checked(11)


@pytest.mark.parametrize("args, kwargs", [((), {}), (("a", 1, 2, 3, 4, 5), {}), (("a",), {"name": "b"}),
                                          (("a",), {"colour": 1}), (("a",), {"cache": {}})],
                         ids=["missing", "too many", "given twice", "unknown", "not a parameter"])
def test_a_wrong_call_of_a_record_raises_the_type_error_of_its_dataclass(args: tuple[object, ...],
                                                                         kwargs: dict[str, object]) -> None:
    """A record made with wrong arguments says what Python says of the dataclass's __init__, generic or compiled."""
    frozen, rec = _pair()
    with pytest.raises(TypeError) as was:
        frozen(*args, **kwargs)
    with pytest.raises(TypeError) as made:
        rec(*args, **kwargs)
    assert str(was.value) == str(made.value)


def test_a_record_refuses_changes_as_a_frozen_dataclass_does() -> None:
    """Assigning or deleting a field raises dataclasses.FrozenInstanceError, so a Result shared between threads
    cannot be changed by one of them."""
    _, rec = _pair()
    made = rec("a")
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'name'"):
        made.name = "b"
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'name'"):
        del made.name
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.other = 1
    assert "a" == made.name


def test_a_record_is_still_a_dataclass_for_replace_fields_copy_and_pickle() -> None:
    """dataclasses.replace and fields, copy and pickle (how results cross to batch workers) work on records."""
    _, rec = _pair()
    globals()["Item"] = rec  # pickle finds a class by its module and name
    rec.__qualname__ = "Item"
    try:
        made = rec("a", Decimal(2), ("t",), [1], line=4)
        assert dataclasses.is_dataclass(made)
        assert ["name", "weight", "tags", "seen", "line", "cache"] == [f.name for f in dataclasses.fields(made)]
        changed = dataclasses.replace(made, name="b")
        assert ("b", Decimal(2), 4) == (changed.name, changed.weight, changed.line)
        assert made == copy.copy(made) == copy.deepcopy(made) == pickle.loads(pickle.dumps(made))
    finally:
        del globals()["Item"]


def test_a_record_keeps_the_methods_its_class_writes() -> None:
    """A class that writes its own __str__, __eq__ or __hash__ keeps it, as with dataclasses."""

    @record
    class Named:
        name: str

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Named) and self.name.lower() == other.name.lower()

        def __hash__(self) -> int:
            return hash(self.name.lower())

    assert Named("A") == Named("a")
    assert hash(Named("A")) == hash(Named("a"))


def test_a_record_whose_class_says_it_is_unhashable_stays_so_as_a_dataclass_does() -> None:
    """A class body writing __hash__ = None (and no __eq__) is unhashable, named by its own class, as with dataclass."""

    @record
    class Mutable:
        values: dict[str, int]
        __hash__ = None  # type: ignore[assignment]

    assert Mutable({"a": 1}) == Mutable({"a": 1}) and Mutable.__hash__ is None
    with pytest.raises(TypeError, match="unhashable type: 'Mutable'"):
        hash(Mutable({"a": 1}))


def test_a_set_a_result_and_its_indicators_hash_as_they_compare_and_facts_are_unhashable_by_name() -> None:
    """QA174 F3: hash() of an indicator set, a Result or an IndicatorResult raised "unhashable type: 'ReadOnly'",
    naming a private class. They hash now, alike when equal (a set loaded twice, a Result pickled and back, the same
    project scored twice), so a program can key a cache or a dict by them; Facts, which hold the mappings a program
    passes and may change, are unhashable in Python's words naming Facts."""
    from scoring_engine import Facts, scores_only

    one, again = load_indicator_set(EXAMPLE_SET), load_indicator_set(EXAMPLE_SET)
    facts = load_facts(EXAMPLE_FACTS)
    result, rescored = score(one, facts), score(again, facts)
    for made, equal in [(one, again), (result, rescored), (result.indicators[0], rescored.indicators[0]),
                        (scores_only(one, facts), scores_only(again, facts))]:
        assert made == equal and hash(made) == hash(equal) == hash(pickle.loads(pickle.dumps(made)))
        assert {made: 1}[equal] == 1
    assert 2 == len({result.indicators[0], result.indicators[1]})
    with pytest.raises(TypeError, match="unhashable type: 'Facts'"):
        hash(facts)
    with pytest.raises(TypeError, match="unhashable type: 'Facts'"):
        hash(Facts(values={"budget.paid": 1}))


def test_a_set_a_result_its_indicators_and_scores_print_in_one_short_line() -> None:
    """QA174 F5: repr() of the national set was some 46,000 characters, of its Result 31,000 and of one IndicatorResult
    8,500: a wall of text in a notebook, and printing a Result built its audit trail. Each prints what names it, in one
    short line; equality and pickling are as before."""
    from scoring_engine import scores_only
    from scoring_engine._later import Later

    national = load_indicator_set("national-framework")
    facts = load_facts(ROOT / "indicator_sets" / "national-framework.facts.json")
    result = score(national, facts)
    assert "IndicatorSet(id='national-framework', version='2020.2', 35 indicators)" == repr(national)
    assert f"Result(total=Decimal('{result.total}'), grade='{result.grade}', set='national-framework@2020.2')" == repr(result)
    assert isinstance(result.__dict__["indicators"], Later)  # printing it built nothing
    first = result.indicators[0]
    assert f"IndicatorResult(id='{first.id}', score={first.score!r}, weight={first.weight!r})" == repr(first)
    assert repr(scores_only(national, facts)) == repr(result).replace("Result", "Scores", 1)
    small = score(load_indicator_set(EXAMPLE_SET), load_facts(EXAMPLE_FACTS))
    assert "Result(total=Decimal('79.73'), grade='中', set='example-small@1.0')" == repr(small) == str(small)
    for made in (national, result, first):
        assert len(repr(made)) < 120 and made == pickle.loads(pickle.dumps(made)) == copy.deepcopy(made)


def test_what_score_many_yields_prints_in_one_short_line_and_is_unhashable_by_name() -> None:
    """QA180 F6: repr() of an Outcome of score_many was some 4,500 characters for the small example (its row's every
    field), and hash() of it or its ProjectRow raised unhashable type: 'dict'. Each prints what names it, in one short
    line, and is unhashable in Python's words naming its own class; equality and pickling are as before."""
    from scoring_engine.batch import score_many

    scored, failed = score_many(None, [EXAMPLE_FACTS, EXAMPLE_SET])
    assert repr(scored) == (f"Outcome(index=0, source={str(EXAMPLE_FACTS)!r}, result=Result(total=Decimal('79.73'), "
                            "grade='中', set='example-small@1.0'), problems=0)")
    assert repr(scored.row) == f"ProjectRow(index=0, source={str(EXAMPLE_FACTS)!r}, total=Decimal('79.73'), grade='中')"
    assert repr(failed) == f"Outcome(index=1, source={str(EXAMPLE_SET)!r}, result=None, problems=1)"
    for made, name in ((scored, "Outcome"), (failed, "Outcome"), (scored.row, "ProjectRow"), (failed.row, "ProjectRow")):
        assert len(repr(made)) < 120 + len(made.source) and made == pickle.loads(pickle.dumps(made))
        with pytest.raises(TypeError, match=f"unhashable type: '{name}'"):
            hash(made)


@pytest.mark.parametrize("indicators", [None, 5, "abc", (None,), ({"children": None},)])
def test_a_set_prints_whatever_its_indicators_hold(indicators: object) -> None:
    """QA180 F7: repr() of a set made by dataclasses.replace(s, indicators=None) raised TypeError ('NoneType' object is
    not iterable) though a repr never fails: it prints, counting what is no indicator as none."""
    changed = dataclasses.replace(load_indicator_set(EXAMPLE_SET), indicators=indicators)
    assert repr(changed).startswith("IndicatorSet(id='example-small', version='1.0', ")


def test_a_record_refuses_what_it_does_not_implement() -> None:
    """kw_only fields are refused when the class is defined, not silently made positional."""
    with pytest.raises(TypeError, match="kw_only"):

        @record
        class Later:
            name: str = field(kw_only=True)


def test_results_sets_and_problems_are_records_that_refuse_changes() -> None:
    """The objects a caller holds (a Result, its indicators, the set, a Problem) cannot be changed."""
    indicator_set = load_indicator_set(EXAMPLE_SET)
    result = score(indicator_set, load_facts(EXAMPLE_FACTS))
    problem = Problem(message="m")
    for made, name in [(result, "total"), (result.indicators[0], "score"), (indicator_set, "total"), (problem, "message")]:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(made, name, None)
    assert result == dataclasses.replace(result)


def test_a_mutable_record_behaves_as_a_plain_dataclass() -> None:
    """@record(frozen=False), for objects being built (a draft of a set), is assignable, compared by value and
    unhashable, and prints as @dataclass does."""

    @dataclass
    class Plain:
        name: str
        seen: list[int] = field(default_factory=list)

    @record(frozen=False)
    class Draft:
        name: str
        seen: list[int] = field(default_factory=list)
        root: str = field(init=False)  # set once the draft is read, not by __init__

    made = Draft("a")
    assert not hasattr(made, "root")
    made.root = "r"
    made.seen.append(1)
    made.name = "b"
    assert repr(Plain("b", [1])).replace("Plain", "Draft").replace(")", ", root='r')") == repr(made)
    other = Draft("b", [1])
    other.root = "r"
    assert other == made
    assert Draft.__hash__ is None
    with pytest.raises(TypeError):
        hash(made)


def _records() -> list[type]:
    """Every record class of the package (a class whose equality is the record's shared one)."""
    import importlib
    import pkgutil

    import scoring_engine

    found = {}
    for module in pkgutil.walk_packages(scoring_engine.__path__, "scoring_engine."):
        if module.name.endswith("__main__"):  # runs the command line
            continue
        for value in vars(importlib.import_module(module.name)).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__eq__.__module__ == record.__module__:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


def _twin(cls: type) -> type:
    """The frozen (or plain) dataclass `cls` was before it became a record: its fields, and the methods its body writes."""
    namespace: dict[str, object] = {"__annotations__": {}, "__module__": cls.__module__}
    for f in dataclasses.fields(cls):
        namespace["__annotations__"][f.name] = "object"  # type: ignore[index]
        options = {"init": f.init, "repr": f.repr, "compare": f.compare, "hash": f.hash}
        if f.default is not dataclasses.MISSING:
            namespace[f.name] = field(default=f.default, **options)  # type: ignore[call-overload]
        elif f.default_factory is not dataclasses.MISSING:
            namespace[f.name] = field(default_factory=f.default_factory, **options)  # type: ignore[call-overload]
        else:
            namespace[f.name] = field(**options)  # type: ignore[call-overload]
    for name in ("__eq__", "__hash__", "__repr__"):
        own = getattr(cls, name)
        if getattr(own, "__module__", None) != record.__module__ and name in vars(cls):
            namespace[name] = own
    return dataclass(frozen=_frozen(cls))(type(cls.__name__, (), namespace))


def _frozen(cls: type) -> bool:
    return getattr(cls.__setattr__, "__module__", None) == record.__module__


@pytest.mark.parametrize("cls", _records(), ids=lambda c: f"{c.__module__}.{c.__qualname__}")
def test_every_record_of_the_package_behaves_as_its_dataclass_did(cls: type) -> None:
    """Each record class made with the same values as the dataclass it was: the same repr, equality, hash and refusal
    of changes, so that no report, comparison or cache that prints or compares them changed with the change (#10)."""
    twin = _twin(cls)
    given = {f.name: f"{f.name}-value" for f in dataclasses.fields(cls) if f.init}
    other = {**given, **{name: f"{name}-other" for name in list(given)[:1]}}
    late = [f.name for f in dataclasses.fields(cls) if not f.init and f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING]  # set by the class itself later (a profile's merged tree)

    def make(kind: type, values: dict[str, str]) -> object:
        one = kind(**values)
        for name in late:
            object.__setattr__(one, name, f"{name}-set")
        return one

    made, was, unlike = make(cls, given), make(twin, given), make(cls, other)
    assert repr(was).replace(twin.__qualname__, cls.__qualname__, 1) == repr(made)
    assert made == make(cls, given) and (made != unlike) == (was != make(twin, other))
    assert (made.__hash__ is None) == (was.__hash__ is None)
    if was.__hash__ is not None:
        assert hash(was) == hash(made)
    if _frozen(cls) and given:
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(made, next(iter(given)), None)

"""`batch --compare-with` matching re-checks without an id by their paths, where every project's path ends alike for
seven folders or more (`自评/单位{i}/2024/资料/…/自评.json`): each meets its own re-check, in time that grows with the
batch, not with its square (QA221 2: 4,000 such projects took over 150 s, against 16 s without comparing)."""

from __future__ import annotations

import csv
import io
import json
import random
from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from portfolio import beside_the_set, project
from scoring_engine.batch.matching import Paths, _file, parts, shared
from scoring_engine.cli import main

TAIL = ("x1", "x2", "x3", "x4", "x5", "x6", "p")  # what every project's path ends with: more than six parts


class _Part(str):
    """A part of a path that counts how often it is compared: the work matching does, whatever way it looks paths up
    (a count, not a time, so a loaded machine does not fail the test)."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _Part.compared += 1
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        _Part.compared += 1
        return str.__ne__(self, other)

    __hash__ = str.__hash__


def _matched(rows: list[tuple[str, ...]], batch: Paths, rechecks: Paths, recheck_paths: list[tuple[str, ...]]
             ) -> list[tuple[int | None, list[int]]]:
    """For each project in turn, as batch.Recheck asks: the re-check it takes, and those as near it (the later equals)."""
    taken: set[int] = set()
    found = []
    for row in rows:
        item = rechecks.best(row, batch, taken)
        ties = [] if item is None else rechecks.equals(row, batch, item, shared(row, recheck_paths[item]))
        if item is not None:
            taken.add(item)
        found.append((item, ties))
    return found


def _deep_tails(n: int) -> tuple[int, list[tuple[int | None, list[int]]]]:
    """How many comparisons of parts matching n projects ending alike takes, with what each matched; every fifth
    project's re-check is missing, as in a sample."""
    def path(side: str, i: int) -> tuple[str, ...]:
        return tuple(_Part(part) for part in ("work", side, f"a{i}", *TAIL))

    rows = [path("self", i) for i in range(n)]
    recheck_paths = [path("recheck", i) for i in range(n) if i % 5 != 4]
    batch, rechecks = Paths(), Paths()
    _Part.compared = 0
    for row in rows:
        batch.add(row)
    for item, recheck in enumerate(recheck_paths):
        rechecks.add(recheck, item)
    found = _matched(rows, batch, rechecks, recheck_paths)
    return _Part.compared, found


def test_projects_ending_alike_for_seven_folders_are_matched_in_linear_work():
    """300 projects: about 56 comparisons of parts a project (a few for each part of its path), not a scan of all 300
    paths for each (QA221 2: 2.9 million in all; the paths were indexed by their last six parts only, which every
    project shared)."""
    compared, found = _deep_tails(300)
    assert compared <= 100 * 300, compared
    assert [(i - i // 5 if i % 5 != 4 else None, []) for i in range(300)] == found


def _reference(rows: list[tuple[str, ...]], batch: list[tuple[str, ...]], recheck_paths: list[tuple[str, ...]]
               ) -> list[tuple[int | None, list[int]]]:
    """The rule of `matching` read literally, each re-check against each document of the batch."""
    names = Counter(_file(path)[-1] for path in batch)
    taken: set[int] = set()
    found: list[tuple[int | None, list[int]]] = []
    for row in rows:
        def alone(theirs: tuple[str, ...], common: int, row: tuple[str, ...] = row) -> bool:  # no other as near it
            return not any(other != _file(row) and shared(other, _file(theirs)) >= common for other in batch)

        needed = 1 if names.get(_file(row)[-1], 0) <= 1 else 2
        fits = [(shared(row, theirs), -item) for item, theirs in enumerate(recheck_paths)
                if item not in taken and shared(row, theirs) >= needed and alone(theirs, shared(row, theirs))]
        item = -max(fits)[1] if fits else None
        ties = [] if item is None else [
            other for other, theirs in enumerate(recheck_paths) if other != item
            and shared(row, theirs) == shared(row, recheck_paths[item]) and alone(theirs, shared(row, theirs))]
        if item is not None:
            taken.add(item)
        found.append((item, ties))
    return found


def test_matching_by_path_is_the_rule_read_literally():
    """Random batches of short paths (duplicates, JSONL lines, a file name shared or not, a project the batch does not
    hold): each project takes what the rule, checked against every document, gives it, and is told the same equals."""
    folders, names = ("a", "b", "自评", "复核"), ("p", "q", "p.jsonl:1", "p.jsonl:2")
    for seed in range(400):
        rng = random.Random(seed)

        def path(rng: random.Random = rng) -> tuple[str, ...]:  # up to 9 parts: more than the 6 once indexed
            return (*rng.choices(folders, k=rng.randint(0, 8)), rng.choice(names))

        rows = [path() for _ in range(rng.randint(1, 8))]
        batch = [_file(row) for row in rows if rng.random() < 0.9]  # a JSONL file once for its lines, as batch_paths
        batch = list(dict.fromkeys(batch)) if rng.random() < 0.5 else batch
        recheck_paths = [path() for _ in range(rng.randint(0, 8))]
        batch_index, rechecks = Paths(), Paths()
        for document in batch:
            batch_index.add(document)
        for item, recheck in enumerate(recheck_paths):
            rechecks.add(recheck, item)
        assert _reference(rows, batch, recheck_paths) == _matched(rows, batch_index, rechecks, recheck_paths), seed


def test_projects_ending_alike_for_seven_folders_each_meet_their_own_recheck(tmp_path: Path):
    """自评/a{i}/x1/…/x6/p.json against 复核/a{i}/x1/…/x6/p.json, without ids: a0 and a2 meet their unchanged re-checks,
    a1 the one that lowers its 实际支出, and a3, whose re-check is missing, has none."""
    for i in range(4):
        for side in ("self", "re")[:2 if i < 3 else 1]:
            folder = tmp_path.joinpath(side, f"a{i}", *TAIL[:-1])
            beside_the_set(folder)
            document = project(i + 1, random.Random(i + 1))
            document["project"].pop("id", None)
            if side == "re" and i == 1:
                document["facts"]["budget"]["paid"] = 1
            (folder / "p.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "summary.csv"
    run = CliRunner().invoke(main, ["--lang", "zh", "batch", "-q", str(tmp_path / "self"), "--compare-with",
                                    str(tmp_path / "re"), "-o", str(out)])
    assert 0 == run.exit_code, run.output
    rows = {parts(row["来源"])[-8]: row for row in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))}
    assert ("0.00", "") == (rows["a0"]["总分差"], rows["a0"]["对比标记"]) == (rows["a2"]["总分差"], rows["a2"]["对比标记"])
    assert "复核得分比自评得分低" in rows["a1"]["对比标记"]
    assert "未抽查复核" == rows["a3"]["对比标记"]
    assert "与复核对比3个" in run.output, run.output

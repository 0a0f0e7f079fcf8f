"""What a batch keeps of the sets its documents name: the last few dozen, not every one, so that memory stays flat
however many distinct sets, or copies of one, a year's portfolio names (QA221 3); and the files beside a set not there,
read once for every name, not once a name (QA221 5)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from portfolio import SMALL_SET
from scoring_engine import score_many
from scoring_engine.batch.inputs import Document, find_documents
from scoring_engine.batch.scoring import Scorer
from scoring_engine.errors import Problem

FACTS = json.loads((SMALL_SET.parent / "facts.json").read_text(encoding="utf-8"))
#: "A few dozen": what the batch may keep of sets, however many it has scored.
FEW_DOZEN = 64


def test_units_each_with_their_own_copy_of_the_set_keep_a_few_dozen_sets_loaded_not_one_per_unit(tmp_path: Path) -> None:
    """100 unit folders, each with its copy of the set beside its facts (as `sets ID --copy` makes them): every unit
    scores as the first does, and the batch holds at most a few dozen sets, not 100 (QA221 3: ~90 KB a unit, kept)."""
    paths = []
    for i in range(100):
        unit = tmp_path / f"u{i}"
        unit.mkdir()
        shutil.copy(SMALL_SET, unit / "set.yaml")
        shutil.copy(SMALL_SET.parent / "facts.json", unit / "facts.json")
        paths.append(unit / "facts.json")
    scorer = Scorer(keep_results=False, reasons=False)
    rows = [scorer.outcome(i, Document.of(path, i)).row for i, path in enumerate(paths)]
    assert all(not r.problems for r in rows) and len({(r.total, r.grade) for r in rows}) == 1
    assert max(len(scorer.sets), len(scorer.named), len(scorer.shapes)) <= FEW_DOZEN


def test_lines_naming_distinct_missing_sets_each_fail_saying_so_and_are_kept_as_their_problems_only(tmp_path: Path) -> None:
    """JSONL lines each naming a set that is not there each fail naming it, on their line; the batch keeps a few dozen of
    those failures, each as its problems, not as an exception with its traceback and the frames it holds (QA221 3:
    ~13 KB a line, kept for the run)."""
    lines = tmp_path / "lines.jsonl"
    lines.write_text("".join(json.dumps({**FACTS, "indicator_set": f"sets/unit{i}-profile.yaml"}) + "\n"
                             for i in range(100)), encoding="utf-8")
    scorer = Scorer(keep_results=False, reasons=False)
    outcomes = [scorer.outcome(i, document) for i, document in enumerate(find_documents([lines]))]
    assert [f"no indicator set 'sets/unit{i}-profile.yaml'" for i in range(100)] == \
           [o.problems[0].message.split(":")[0] for o in outcomes]
    # the file and the line apart (QA319 F2)
    assert [(str(lines), i + 1) for i in range(100)] == [(o.problems[0].file, o.problems[0].line) for o in outcomes]
    assert len(scorer.named) <= FEW_DOZEN
    kept = scorer.named.get(("sets/unit99-profile.yaml", tmp_path))
    assert isinstance(kept, tuple) and all(isinstance(p, Problem) for p in kept)


def test_lines_naming_distinct_missing_sets_read_the_files_beside_them_once_and_each_is_offered_the_sets_there(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each of 30 lines naming a set that is not there is offered the set beside the JSONL file (city.yaml), and the
    files beside it are read once for all 30, not once a line (QA221 5: 50 facts files of 900 KB read and parsed again
    for every name, 0.35 s a name); a file written there since is seen, for the next name."""
    (tmp_path / "city.yaml").write_text(SMALL_SET.read_text(encoding="utf-8"), encoding="utf-8")
    for i in range(5):  # facts files: JSON, read whole to find their top-level keys
        (tmp_path / f"p{i}.json").write_text(json.dumps(FACTS), encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text("".join(json.dumps({**FACTS, "indicator_set": f"unit{i}-profile.yaml"}) + "\n" for i in range(30)),
                     encoding="utf-8")
    opened: list[str] = []
    real_open = Path.open

    def counting(path: Path, *args: Any, **kwargs: Any) -> Any:
        if path.parent == tmp_path and path.suffix in (".json", ".yaml"):
            opened.append(path.name)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counting)
    outcomes = list(score_many(None, find_documents([lines])))
    assert {"sets in that folder: city.yaml"} == {o.problems[0].hint for o in outcomes}
    assert sorted(["city.yaml", *(f"p{i}.json" for i in range(5))]) == sorted(opened)
    (tmp_path / "town.yaml").write_text(SMALL_SET.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # facts given without a file name a set in the working folder
    (outcome,) = score_many(None, [{**FACTS, "indicator_set": "unit30-profile.yaml"}])
    assert "sets in that folder: city.yaml, town.yaml" == outcome.problems[0].hint

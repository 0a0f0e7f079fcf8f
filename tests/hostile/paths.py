"""Paths a facts file or a case file names: its indicator set, a case's facts file.

The scratch folder holds ``project/`` (where the facts and case files are, with
a set, a sub-folder and links) and, beside it, ``outside/`` with a valid set and
a file whose lines must never be quoted. A set named inside a file must be a
bundled set id or a path inside that file's folder tree, links followed;
anything else is refused in the same words whether or not it exists. There is
no fallback to the working folder, and ``--set`` on the command line stays free.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from hostile.inputs import SMALL, Case, cli

SECRET = "top-secret-line-7f3a"

#: Names that lead out of the project folder (or cannot be used): each is refused.
OUTSIDE = {
    "parent-set": "../outside/set.yaml",
    "parent-secret": "../outside/secret.yaml",
    "parent-missing": "../outside/missing.yaml",
    "absolute-set": "{scratch}/outside/set.yaml",
    "absolute-secret": "{scratch}/outside/secret.yaml",
    "absolute-missing": "{scratch}/outside/missing.yaml",
    "etc-passwd": "/etc/passwd",
    "etc-shadow": "/etc/shadow",
    "nowhere": "/no/such/folder/set.yaml",
    "down-and-out": "sub/../../outside/set.yaml",
    "deep-parents": "../" * 40 + "etc/passwd",
    "link-to-outside-set": "link-out.yaml",
    "dangling-link-outside": "link-out-missing.yaml",
    "link-to-secret": "link-secret.yaml",
    "through-linked-folder": "linked-outside/set.yaml",
    "linked-folder-missing": "linked-outside/missing.yaml",
    "dot-dot": "..",
    "root": "/",
}
#: Names that cannot be a set but stay inside: refused in their own words.
ODD = {
    "very-long-name": "x" * 5000,
    "very-long-path": "a/" * 2500 + "set.yaml",
    "folder-inside": "sub",
    "missing-inside": "missing.yaml",
    "only-in-working-folder": "cwd-only.yaml",
    "tilde": "~/set.yaml",
    "bundled-id-misspelt": "self-evaluaton",
    "loop-of-links": "loop-a.yaml",
}
#: Names that stay inside the folder (or are bundled ids): each scores.
INSIDE = {
    "beside": "set.yaml",
    "dot-slash": "./set.yaml",
    "sub-folder": "sub/set.yaml",
    "down-and-back": "sub/../set.yaml",
    "link-inside": "link-in.yaml",
    "absolute-inside": "{scratch}/project/set.yaml",
}


def build(scratch: Path) -> Path:
    """The project and outside folders in `scratch`; returns the project folder."""
    project, outside = scratch / "project", scratch / "outside"
    (project / "sub").mkdir(parents=True)
    outside.mkdir()
    for folder in (project, project / "sub", outside):
        shutil.copy(SMALL / "set.yaml", folder / "set.yaml")
    shutil.copy(SMALL / "set.yaml", scratch / "cwd-only.yaml")
    (outside / "secret.yaml").write_text(f"{SECRET}: 1\nanother-{SECRET}: 2\n", encoding="utf-8")
    links = {"link-out.yaml": outside / "set.yaml", "link-out-missing.yaml": outside / "missing.yaml",
             "link-secret.yaml": outside / "secret.yaml", "linked-outside": outside, "link-in.yaml": project / "sub" / "set.yaml",
             "loop-a.yaml": project / "loop-b.yaml", "loop-b.yaml": project / "loop-a.yaml"}
    for name, target in links.items():
        os.symlink(target, project / name)
    return project


def _facts_naming(project: Path, ref: str) -> Path:
    doc = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))
    doc["indicator_set"] = ref
    path = project / "facts.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def _work(ref: str) -> Any:
    def work(scratch: Path) -> dict[str, Any]:
        project = build(scratch)
        written = ref.replace("{scratch}", str(scratch))
        facts = _facts_naming(project, written)
        (project / "facts-copy.json").write_text((SMALL / "facts.json").read_text(encoding="utf-8"), encoding="utf-8")
        cases = project / "n.cases.yaml"
        cases.write_text(f"indicator_set: {json.dumps(written)}\nfacts_file: facts-copy.json\n"
                         "cases:\n  - name: 原样\n    expect: {total: 79.73}\n", encoding="utf-8")
        facts_file = project / "f.cases.yaml"
        facts_file.write_text(f"indicator_set: set.yaml\nfacts_file: {json.dumps(written)}\n"
                              "cases:\n  - name: 原样\n    expect: {total: 79.73}\n", encoding="utf-8")
        return {"ref": written, "scratch": str(scratch), "score": cli(["score", str(facts)]), "test": cli(["test", str(cases)]),
                "facts_file": cli(["test", str(facts_file)]),
                "free": cli(["score", str(project / "facts-copy.json"), "--set", str(scratch / "outside" / "set.yaml")])}

    return work


def path_cases() -> list[Case]:
    """Every name, tried as the set of a facts file, as the set of a case file and as a case file's facts_file."""
    cases = [Case(f"outside/{name}", _work(ref), {"verdict": "outside"}) for name, ref in OUTSIDE.items()]
    cases += [Case(f"odd/{name}", _work(ref), {"verdict": "odd"}) for name, ref in ODD.items()]
    cases += [Case(f"inside/{name}", _work(ref), {"verdict": "inside"}) for name, ref in INSIDE.items()]
    cases.append(Case("bundled/self-evaluation", _work("self-evaluation"), {"verdict": "bundled"}))
    return cases


def masked(text: str, ref: str, scratch: str) -> str:
    """An error line with the name as written (however it is quoted or cut) replaced by REF, and the scratch folder by SCRATCH."""
    shown = repr(ref) if len(ref) <= 80 else repr(ref[:40] + "…") + f" ({len(ref)} characters)"
    return text.replace(shown, "REF").replace(scratch, "SCRATCH")

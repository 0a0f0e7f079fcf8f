"""Special files where a file is expected, and facts on standard input.

/dev/zero and /dev/urandom never end, a pipe nobody writes to never answers, a
socket cannot be read: each is tried as the facts, as the set (on the command
line, named by the facts, named by a case file), as a case file and as a case's
facts file, through a link as well as directly. Each must be refused on one line
at once. Standard input given as ``-`` is read (JSON or YAML), up to the same
size limit as a facts file: /dev/zero as standard input stops at the limit.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hostile.inputs import ROOT, SMALL, Case, cli

from scoring_engine.loader import MAX_FACTS_BYTES


def _device(path: str) -> Callable[[Path], Path]:
    return lambda scratch: Path(path)


def _fifo(scratch: Path) -> Path:
    os.mkfifo(scratch / "pipe.yaml")
    return scratch / "pipe.yaml"


_SOCKETS: list[socket.socket] = []  # kept open while the case runs


def _socket(scratch: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(scratch / "socket.yaml"))
    _SOCKETS.append(server)
    return scratch / "socket.yaml"


def _link_to(make: Callable[[Path], Path], name: str) -> Callable[[Path], Path]:
    def link(scratch: Path) -> Path:
        os.symlink(make(scratch), scratch / name)
        return scratch / name

    return link


def _folder(scratch: Path) -> Path:
    (scratch / "folder.yaml").mkdir()
    return scratch / "folder.yaml"


SPECIALS: dict[str, Callable[[Path], Path]] = {
    "dev-zero": _device("/dev/zero"),
    "dev-urandom": _device("/dev/urandom"),
    "dev-null": _device("/dev/null"),
    "fifo": _fifo,
    "socket": _socket,
    "link-to-dev-zero": _link_to(_device("/dev/zero"), "zero.yaml"),
    "link-to-fifo": _link_to(_fifo, "to-pipe.yaml"),
    "folder": _folder,
}


def _roles(special: Path, scratch: Path) -> dict[str, list[str]]:
    """Every way a file is read, each with `special` in the file's place: role → command line."""
    named = os.path.relpath(special, scratch) if special.is_relative_to(scratch) else str(special)
    facts = json.loads((SMALL / "facts.json").read_text(encoding="utf-8"))
    (scratch / "names-it.json").write_text(json.dumps({**facts, "indicator_set": named}, ensure_ascii=False), encoding="utf-8")
    case = "cases:\n  - name: 原样\n    expect: {total: 79.73}\n"
    for name, head in (("set-is", f"indicator_set: {json.dumps(named)}\nfacts_file: facts.json"),
                       ("facts-are", f"indicator_set: set.yaml\nfacts_file: {json.dumps(named)}")):
        (scratch / f"{name}.cases.yaml").write_text(f"{head}\n{case}", encoding="utf-8")
    return {
        "facts": ["score", str(special), "--set", "set.yaml"],
        "explain-facts": ["explain", str(special), "--set", "set.yaml", "-i", "process.execution"],
        "set": ["score", "facts.json", "--set", str(special)],
        "set-named-by-facts": ["score", "names-it.json"],
        "validate": ["validate", str(special)],
        "sets": ["sets", str(special)],
        "case-file": ["test", str(special)],
        "set-named-by-case-file": ["test", "set-is.cases.yaml"],
        "facts-named-by-case-file": ["test", "facts-are.cases.yaml"],
    }


def _special_work(name: str) -> Callable[[Path], dict[str, Any]]:
    def work(scratch: Path) -> dict[str, Any]:
        shutil.copy(SMALL / "set.yaml", scratch / "set.yaml")
        shutil.copy(SMALL / "facts.json", scratch / "facts.json")
        roles = _roles(SPECIALS[name](scratch), scratch)
        seen = {}
        for role, args in roles.items():
            started = time.perf_counter()
            seen[role] = {**cli(args), "seconds": time.perf_counter() - started}
        return seen

    return work


def _stdin_work(stdin: bytes, args: tuple[str, ...] = ("score", "-", "--format", "json")) -> Callable[[Path], dict[str, Any]]:
    def work(scratch: Path) -> dict[str, Any]:
        shutil.copy(SMALL / "set.yaml", scratch / "set.yaml")
        shutil.copy(SMALL / "facts.json", scratch / "facts.json")
        return {"stdin": cli(list(args), stdin=stdin), "file": cli(["score", "facts.json", "--format", "json"])}

    return work


# Runs the command line and, as it exits, writes its own peak memory (VmHWM, which exec resets) to the file argv[1] names.
_MEASURED = """import atexit, sys
def _peak(path):
    with open('/proc/self/status', encoding='ascii') as status, open(path, 'w', encoding='ascii') as out:
        out.write(next(line.split()[1] for line in status if line.startswith('VmHWM:')))
atexit.register(_peak, sys.argv[1])
sys.argv = ['scoring-engine', 'score', '-']
from scoring_engine.cli import main
main()
"""


def _endless_stdin(scratch: Path) -> dict[str, Any]:
    """`scoring-engine score -` as its own process, reading /dev/zero: it stops at the limit, in bounded memory."""
    shutil.copy(SMALL / "set.yaml", scratch / "set.yaml")
    started = time.perf_counter()
    peak_file = scratch / "peak-kb"
    measured = os.path.exists("/proc/self/status")  # else ru_maxrss, which carries this process's own peak across exec
    args = [sys.executable, "-c", _MEASURED, str(peak_file)] if measured else [sys.executable, "-m", "scoring_engine", "score", "-"]
    with open("/dev/zero", "rb") as zero:
        done = subprocess.run(args, stdin=zero, capture_output=True, check=False, timeout=30, cwd=scratch,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    peak_kb = int(peak_file.read_text(encoding="ascii")) if measured else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"stdin": {"code": done.returncode, "stdout": done.stdout.decode(), "stderr": done.stderr.decode(), "exception": None},
            "seconds": time.perf_counter() - started, "process_peak_mb": peak_kb / 1024}


def special_cases() -> list[Case]:
    """Each special file in every role."""
    return [Case(f"special/{name}", _special_work(name)) for name in SPECIALS]


def stdin_cases() -> list[Case]:
    """Facts on standard input: JSON, YAML, at the limit, past it, empty, not UTF-8, naming a set out of reach; and /dev/zero."""
    facts = (SMALL / "facts.json").read_bytes()
    as_yaml = yaml.safe_dump(json.loads(facts), allow_unicode=True).encode()
    at_limit = facts.rstrip() + b" " * (MAX_FACTS_BYTES - len(facts.rstrip()))
    outside = json.dumps({**json.loads(facts), "indicator_set": "../set.yaml"}).encode()
    return [
        Case("stdin/json", _stdin_work(facts), {"code": 0, "same_as_file": True}),
        Case("stdin/yaml", _stdin_work(as_yaml), {"code": 0, "same_as_file": True}),
        Case("stdin/at-the-limit", _stdin_work(at_limit), {"code": 0, "same_as_file": True}),
        Case("stdin/one-byte-past-the-limit", _stdin_work(at_limit + b" "), {"code": 1, "words": "(MAX_FACTS_BYTES)"}),
        Case("stdin/empty", _stdin_work(b""), {"code": 1, "words": "<stdin>"}),
        Case("stdin/not-utf8", _stdin_work(facts.replace("养老".encode(), "养老".encode("gbk"))),
             {"code": 1, "words": "not UTF-8"}),
        Case("stdin/set-out-of-reach", _stdin_work(outside), {"code": 1, "words": "is not inside the current folder"}),
        Case("stdin/explain", _stdin_work(facts, ("explain", "-", "-i", "process.execution")), {"code": 0}),
        Case("stdin/dev-zero", _endless_stdin, {"code": 1, "words": "the limit is 1000000 (MAX_FACTS_BYTES)"}),
    ]

"""Hostile places to write to: the corpus for --output (tests/hostile/terminal.py has the terminal's).

Shared by tests/test_hostile_output.py and benchmarks/hostile_output.py. Each
case runs in a scratch folder, in a bounded child process (bounded.run_bounded),
and returns what it saw as plain data: ``violations`` (empty when the engine did
what it must), ``skipped`` (why, where the machine cannot try it) and the CPU
time and peak memory of the command-line processes it started.

Classes:

- ``targets``: ``--output`` onto a pipe (with a reader), /dev/null, /dev/full,
  a device node, a socket, a folder, symbolic links: a pipe or character device
  is written into and stays what it was, anything else that is not a file is
  refused with one line, a link stays a link;
- ``names``: long ``--output`` names (249 characters, 255 bytes in ASCII,
  Chinese and 4-byte characters) work and leave nothing behind; one byte too
  many is one error line;
- ``signals``: SIGTERM, SIGHUP and Ctrl-C while a report is being written
  leave the old report and no temporary file; an ignored SIGHUP (nohup) does not
  stop the write.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from scoring_engine import ScoringEngineError
from scoring_engine._output import write_atomically
from scoring_engine._text import is_hidden
from scoring_engine.cli import main

ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "small"
FACTS = EXAMPLE / "facts.json"
SET = EXAMPLE / "set.yaml"
PREVIOUS = b"previous good report\n"

#: The classes of the output corpus, in the order the benchmark prints them.
CLASSES = ("targets", "names", "signals")


@dataclass(frozen=True)
class OutputCase:
    """One hostile place to write to, or stream, or text for the terminal; `run` tries it in a scratch folder."""

    cls: str
    name: str
    run: Callable[[Path], dict[str, Any]]

    @property
    def id(self) -> str:
        return f"{self.cls}-{self.name}"


# ---------------------------------------------------------------- running the command line


def cli(*args: str | Path) -> dict[str, Any]:
    """The command line run in this process (click's runner): exit code, stdout, stderr."""
    done = CliRunner().invoke(main, [str(a) for a in args])
    crash = done.exception if done.exception and not isinstance(done.exception, SystemExit) else None
    return {"code": done.exit_code, "stdout": done.stdout, "stderr": done.stderr, "exception": repr(crash) if crash else None}


def process(args: list[str], cwd: Path, shell_redirect: str = "", timeout: float = 30, **kwargs: Any) -> dict[str, Any]:
    """`python -m scoring_engine ARGS` as its own process (`shell_redirect` applied by sh, e.g. ">&-"): code, stdout, stderr."""
    command = [sys.executable, "-m", "scoring_engine", *args]
    if shell_redirect:
        command = ["sh", "-c", f'exec "$@" {shell_redirect}', "sh", *command]
    kwargs.setdefault("stdout", subprocess.PIPE)
    done = run_watched(command, cwd=cwd, stderr=subprocess.PIPE, timeout=timeout, **kwargs)
    out = done.stdout.decode("utf-8", "replace") if isinstance(done.stdout, bytes) else ""
    return {"code": done.returncode, "stdout": out, "stderr": done.stderr.decode("utf-8", "replace")}


_CHILD_PEAK_KB = [0]  # the largest VmHWM seen of any command this process started


def _peak_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    except (OSError, ValueError):
        return 0


def run_watched(command: list[str], timeout: float = 30, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """subprocess.run, watching the command's own peak memory (VmHWM) while it runs.

    The kernel's ru_maxrss of a child counts the parent's size when the child
    started (it is carried across exec), so it says nothing of a small command
    started from a large test process; VmHWM is the high-water mark of the
    command's own memory, read every few milliseconds until it exits.
    """
    with subprocess.Popen(command, **kwargs) as child:
        waited = 0.0
        while True:
            _CHILD_PEAK_KB[0] = max(_CHILD_PEAK_KB[0], _peak_kb(child.pid))
            try:  # communicate keeps reading the pipes between tries, so a large output never blocks the command
                stdout, stderr = child.communicate(timeout=0.005)
                break
            except subprocess.TimeoutExpired:
                waited += 0.005
                if waited > timeout:
                    child.kill()
                    raise
    return subprocess.CompletedProcess(command, child.returncode, stdout, stderr)


def _children() -> dict[str, float]:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"child_cpu": usage.ru_utime + usage.ru_stime, "child_mb": _CHILD_PEAK_KB[0] / 1024}


def checked_case(cls: str, name: str, check: Callable[[Path], list[str] | str]) -> OutputCase:
    """A case whose `check` returns its violations (or, as a string, why it was skipped)."""

    def run(folder: Path) -> dict[str, Any]:
        found = check(folder)
        seen: dict[str, Any] = {"skipped": found} if isinstance(found, str) else {"violations": found}
        return seen | _children()

    return OutputCase(cls, name, run)


def one_error_line(done: dict[str, Any], *words: str) -> list[str]:
    """Violations of "exit 1, one `error:` line on stderr holding `words`, nothing else, no crash"."""
    found = [] if done["code"] == 1 else [f"exit {done['code']}, not 1"]
    lines = done["stderr"].splitlines()
    if len(lines) != 1 or not lines[0].startswith("error: "):
        found.append(f"stderr is not one error line: {done['stderr'][:300]!r}")
    found += [f"{w!r} not in the error" for w in words if w not in done["stderr"]]
    return found + ([f"crashed: {done['exception']}"] if done.get("exception") else [])


def success(done: dict[str, Any]) -> list[str]:
    if done["code"] == 0 and not done.get("exception"):
        return []
    return [f"exit {done['code']}: {done['stderr'][:300]!r} {done.get('exception') or ''}"]


def leftovers(folder: Path, *expected: str) -> list[str]:
    extra = sorted(p.name for p in folder.iterdir() if p.name not in expected)
    return [f"left behind: {extra}"] if extra else []


def raw_hidden(text: str) -> list[str]:
    return sorted({f"raw U+{ord(ch):04X}" for ch in text if ch != "\n" and is_hidden(ch)})


def _mode(path: Path | str) -> int:
    return os.lstat(path).st_mode


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


# ---------------------------------------------------------------- targets


def _reference(folder: Path, fmt: str) -> bytes:
    """The report as written to an ordinary file, to compare with what a pipe or device received."""
    target = folder / f"reference.{fmt}"
    done = cli("score", FACTS, "--format", fmt, "--output", target)
    assert done["code"] == 0, done
    data = target.read_bytes()
    target.unlink()
    return data


def _fifo_with_reader(fmt: str) -> Callable[[Path], list[str]]:
    def check(folder: Path) -> list[str]:
        expected = _reference(folder, fmt)
        fifo = folder / "pipe"
        os.mkfifo(fifo)
        got = bytearray()

        def read() -> None:
            with open(fifo, "rb") as reader:
                got.extend(reader.read())

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        done = cli("score", FACTS, "--format", fmt, "--output", fifo)
        reader.join(10)
        found = success(done)
        found += [] if bytes(got) == expected else [f"the reader got {len(got)} bytes, not the {len(expected)} of the report"]
        found += [] if stat.S_ISFIFO(_mode(fifo)) else ["the pipe was replaced"]
        return found + leftovers(folder, "pipe")

    return check


def _device(path: str, fmt: str, ok: bool) -> Callable[[Path], list[str] | str]:
    def check(folder: Path) -> list[str] | str:
        if not os.path.exists(path):
            return f"{path} does not exist here"
        before = os.stat(path)
        temporaries = {p.name for p in Path(path).parent.iterdir() if p.name.endswith(".tmp")}
        done = cli("score", FACTS, "--format", fmt, "--output", path)
        after = os.stat(path)
        found = success(done) if ok else one_error_line(done, f"error: {path}: cannot write the report: No space left on device")
        if (stat.S_IFMT(after.st_mode), after.st_rdev, after.st_ino) != (stat.S_IFMT(before.st_mode), before.st_rdev, before.st_ino):
            found.append(f"{path} was replaced")
        now = {p.name for p in Path(path).parent.iterdir() if p.name.endswith(".tmp")}
        return found + ([f"temporary files left: {sorted(now - temporaries)}"] if now - temporaries else [])

    return check


def _node(kind: str, major: int, minor: int, ok: bool, words: tuple[str, ...] = ()) -> Callable[[Path], list[str] | str]:
    """A device node of our own in the scratch folder (as root only): `ok` whether writing into it succeeds."""

    def check(folder: Path) -> list[str] | str:
        if not _is_root():
            return "making a device node needs root"
        node = folder / "node"
        os.mknod(node, 0o600 | (stat.S_IFCHR if kind == "c" else stat.S_IFBLK), os.makedev(major, minor))
        done = cli("score", FACTS, "--format", "csv", "--output", node)
        found = success(done) if ok else one_error_line(done, *words)
        after = os.lstat(node)
        if not (stat.S_ISCHR(after.st_mode) if kind == "c" else stat.S_ISBLK(after.st_mode)) or after.st_rdev != os.makedev(major, minor):
            found.append("the device node was replaced")
        return found + leftovers(folder, "node")

    return check


def _socket(folder: Path) -> list[str]:
    path = folder / "sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        done = cli("score", FACTS, "--output", path)
    finally:
        server.close()
    found = one_error_line(done, "cannot write the report: it is a socket, not a file")
    return found + ([] if stat.S_ISSOCK(_mode(path)) else ["the socket was replaced"]) + leftovers(folder, "sock")


def _folder_by_api(folder: Path) -> list[str]:
    target = folder / "reports"
    target.mkdir()
    try:
        write_atomically(target, "报告")
    except ScoringEngineError as err:
        found = [] if "it is a folder, not a file" in str(err) else [f"the error says {err}"]
        return found + ([] if target.is_dir() and not any(target.iterdir()) else ["the folder changed"]) + leftovers(folder, "reports")
    return ["writing onto a folder was not refused"]


def _link_to(kind: str) -> Callable[[Path], list[str]]:
    """--output through a symbolic link: to a file (replaced, the link kept), to nothing yet, or to /dev/null."""

    def check(folder: Path) -> list[str]:
        link = folder / "link.json"
        real = folder / "real.json" if kind != "null" else Path(os.devnull)
        if kind == "file":
            real.write_bytes(PREVIOUS)
        link.symlink_to(real)
        done = cli("score", FACTS, "--format", "json", "--output", link)
        found = success(done)
        found += [] if link.is_symlink() and os.readlink(link) == str(real) else ["the link was replaced"]
        if kind == "null":
            found += [] if stat.S_ISCHR(os.stat(os.devnull).st_mode) else ["/dev/null was replaced"]
            return found + leftovers(folder, "link.json")
        found += [] if json.loads(real.read_text(encoding="utf-8"))["grade"] == "中" else ["the file the link names was not written"]
        return found + leftovers(folder, "link.json", "real.json")

    return check


def _link_loop(folder: Path) -> list[str]:
    (folder / "a.json").symlink_to("b.json")
    (folder / "b.json").symlink_to("a.json")
    done = cli("score", FACTS, "--format", "json", "--output", folder / "a.json")
    found = one_error_line(done, "cannot write the report: Too many levels of symbolic links")
    return found + ([] if (folder / "a.json").is_symlink() and (folder / "b.json").is_symlink() else ["a link was replaced"]) + \
        leftovers(folder, "a.json", "b.json")


def _regular_keeps_mode(folder: Path) -> list[str]:
    target = folder / "report.md"
    target.write_bytes(PREVIOUS)
    target.chmod(0o640)
    found = success(cli("score", FACTS, "--format", "markdown", "--output", target))
    found += [] if stat.S_IMODE(target.stat().st_mode) == 0o640 else [f"mode {oct(target.stat().st_mode)}"]
    return found + ([] if target.read_bytes() != PREVIOUS else ["not replaced"]) + leftovers(folder, "report.md")


def target_cases() -> list[OutputCase]:
    return [
        checked_case("targets", "fifo_csv_with_reader", _fifo_with_reader("csv")),
        checked_case("targets", "fifo_xlsx_with_reader", _fifo_with_reader("xlsx")),
        checked_case("targets", "fifo_html_with_reader", _fifo_with_reader("html")),
        checked_case("targets", "dev_null_json", _device("/dev/null", "json", ok=True)),
        checked_case("targets", "dev_null_xlsx", _device("/dev/null", "xlsx", ok=True)),
        checked_case("targets", "dev_full", _device("/dev/full", "csv", ok=False)),
        checked_case("targets", "own_null_node", _node("c", 1, 3, ok=True)),
        checked_case("targets", "own_full_node", _node("c", 1, 7, ok=False, words=("No space left on device",))),
        checked_case("targets", "device_without_driver", _node("c", 0, 0, ok=False, words=("cannot write the report:",))),
        checked_case("targets", "block_device", _node("b", 0, 0, ok=False, words=("it is a block device, not a file",))),
        checked_case("targets", "socket", _socket),
        checked_case("targets", "folder_by_api", _folder_by_api),
        checked_case("targets", "link_to_file", _link_to("file")),
        checked_case("targets", "link_to_nothing_yet", _link_to("nothing")),
        checked_case("targets", "link_to_dev_null", _link_to("null")),
        checked_case("targets", "links_in_a_circle", _link_loop),
        checked_case("targets", "regular_file_keeps_its_mode", _regular_keeps_mode),
    ]


# ---------------------------------------------------------------- names


def _named(name: str, ok: bool) -> Callable[[Path], list[str]]:
    def check(folder: Path) -> list[str]:
        target = folder / name
        done = cli("score", FACTS, "--format", "csv", "--output", target)
        if not ok:
            return one_error_line(done, "cannot write the report: File name too long") + leftovers(folder)
        found = success(done) + ([] if target.is_file() and target.read_bytes().startswith(b"\xef\xbb\xbf") else ["no report"])
        done = cli("score", FACTS, "--format", "csv", "--output", target)  # and replaced again
        return found + success(done) + leftovers(folder, name)

    return check


def name_cases() -> list[OutputCase]:
    names = {
        "ascii_249_characters": ("a" * 245 + ".csv", True),
        "ascii_255_bytes": ("b" * 251 + ".csv", True),
        "chinese_255_bytes": ("评" * 84 + ".md", True),
        "four_byte_characters": ("😀" * 62 + ".csv", True),
        "cut_between_characters": ("ab" + "表" * 83 + ".md", True),
        "spaces_and_dots": (" ." * 125 + ".csv", True),
        "ascii_256_bytes": ("c" * 252 + ".csv", False),
        "chinese_256_bytes": ("评" * 84 + ".csv", False),
    }
    return [checked_case("names", case, _named(name, ok)) for case, (name, ok) in names.items()]


# ---------------------------------------------------------------- signals

# Runs `score --output report.json` with one step of the write made to raise a signal at the process itself.
_DRIVER = textwrap.dedent("""\
    import os, signal, sys, tempfile
    from scoring_engine import cli
    which, step = getattr(signal, sys.argv[1]), sys.argv[2]
    real = {"fsync": os.fsync, "mkstemp": tempfile.mkstemp, "replace": os.replace}[step]
    def stop(*args, **kwargs):
        result = real(*args, **kwargs)
        os.kill(os.getpid(), which)
        return result
    if step == "fsync":
        os.fsync = stop
    elif step == "mkstemp":
        tempfile.mkstemp = stop
    else:
        os.replace = stop
    sys.argv = ["scoring-engine", "score", sys.argv[3], "--format", "json", "--output", "report.json"]
    cli.main()
""")


def _signalled(name: str, step: str, ignored: bool = False) -> Callable[[Path], list[str]]:
    def check(folder: Path) -> list[str]:
        (folder / "report.json").write_bytes(PREVIOUS)
        (folder / "driver.py").write_text(_DRIVER, encoding="utf-8")
        which = getattr(signal, name)

        def ignore() -> None:  # ignored, or as from a terminal even when the tests run in the background (where a
            signal.signal(which, signal.SIG_IGN if ignored else signal.SIG_DFL)  # shell has Ctrl-C ignored)

        done = run_watched([sys.executable, "driver.py", name, step, str(FACTS)], cwd=folder, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=30, preexec_fn=ignore)
        written = (folder / "report.json").read_bytes()
        if ignored or step == "replace":  # the report was complete: it stands
            found = [] if done.returncode in (0, -which) and json.loads(written)["grade"] == "中" else [f"exit {done.returncode}"]
        else:
            expected = 1 if which == signal.SIGINT else -which  # Ctrl-C is click's "Aborted!", exit 1
            found = [] if done.returncode == expected else [f"exit {done.returncode}, not {expected}: {done.stderr[-300:]!r}"]
            found += [] if written == PREVIOUS else ["the old report was changed"]
        return found + leftovers(folder, "report.json", "driver.py")

    return check


def signal_cases() -> list[OutputCase]:
    return [
        checked_case("signals", "sigterm_while_flushing", _signalled("SIGTERM", "fsync")),
        checked_case("signals", "sighup_while_flushing", _signalled("SIGHUP", "fsync")),
        checked_case("signals", "sigint_while_flushing", _signalled("SIGINT", "fsync")),
        checked_case("signals", "sigterm_as_the_temporary_file_is_made", _signalled("SIGTERM", "mkstemp")),
        checked_case("signals", "sighup_as_the_temporary_file_is_made", _signalled("SIGHUP", "mkstemp")),
        checked_case("signals", "sigterm_just_after_the_rename", _signalled("SIGTERM", "replace")),
        checked_case("signals", "sighup_ignored_as_under_nohup", _signalled("SIGHUP", "fsync", ignored=True)),
    ]


def output_cases() -> list[OutputCase]:
    """Every case of every class."""
    return target_cases() + name_cases() + signal_cases()

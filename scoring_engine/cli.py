"""The command line: `scoring-engine score | explain | validate | test | sets`.

The thin shell around the core: it reads files, calls the engine, writes the
output atomically, and turns every scoring_engine error into one line per
problem with exit code 1 (2 for a wrong command line), never a traceback.
"""

from __future__ import annotations

import os
import sys
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from . import __version__
from ._files import load_facts_from, read_text
from ._yaml import MAX_YAML_BYTES
from .engine import score as score_facts
from .errors import IndicatorSetError, Problem, ScoringEngineError
from .loader import bundled_sets, load_facts, load_indicator_set, resolve_set
from .render import BINARY_FORMATS, RENDERERS
from .result import Result

EXIT_INVALID = 1
EXIT_INTERNAL = 3


def _report(err: ScoringEngineError) -> None:
    for problem in err.problems:
        click.echo(f"error: {_one_line(str(problem))}", err=True)


_BREAKS = "\t\n\v\f\r\x1c\x1d\x1e\x85\u2028\u2029"


def _one_line(text: str) -> str:
    """A problem as one terminal line: breaks (a formula written over several lines) become spaces, and
    invisible characters are shown as escapes, so a U+202E quoted from a formula cannot reorder the line."""
    return "".join(" " if ch in _BREAKS else f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") else ch
                   for ch in text)


def _guarded(action: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command; user errors become one line per problem and exit code 1."""

    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return action(*args, **kwargs)
        except ScoringEngineError as err:
            _report(err)
            sys.exit(EXIT_INVALID)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as err:  # a bug of ours: one line, not a traceback, unless asked for
            if os.environ.get("SCORING_ENGINE_TRACEBACK"):
                raise
            click.echo(f"internal error: {type(err).__name__}: {err} (please report it with the input files; "
                       "set SCORING_ENGINE_TRACEBACK=1 for details)", err=True)
            sys.exit(EXIT_INTERNAL)

    run.__name__ = action.__name__
    run.__doc__ = action.__doc__
    return run


def _report_mode(path: Path) -> int:
    """The mode of the report being replaced, or what a newly created file would get (mkstemp's is 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomically(path: Path, content: str | bytes) -> None:
    """Write `content` (text as UTF-8, or bytes) to `path` through a temporary file and a rename: never a half-written report.

    A report that cannot be written (no such folder, no permission, disk full)
    is a ScoringEngineError naming the path; a file already there stays as it was.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise ScoringEngineError(Problem(f"cannot write the report: {err.strerror}", file=str(path))) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # on disk before the rename, or a crash could leave an empty report
        os.chmod(tmp, _report_mode(path))
        os.replace(tmp, path)
    except BaseException as err:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise ScoringEngineError(Problem(f"cannot write the report: {err.strerror}", file=str(path))) from None
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scoring-engine")
def main() -> None:
    """Score public-spending projects against YAML indicator sets (项目支出绩效评价)."""


@main.command()
@click.argument("facts", type=click.Path(dir_okay=True, path_type=Path))
@click.option("--set", "set_ref", metavar="ID|PATH", help="Indicator set: a bundled id or a YAML file. Default: the one the facts file names.")
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="table", show_default=True, help="Output format.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write to this file instead of the screen.")
@_guarded
def score(facts: Path, set_ref: str | None, fmt: str, output: Path | None) -> None:
    """Score the project in FACTS (a .json or .yaml facts file, or - to read the facts from standard input).

    Formats: table (the screen), json (the audit trail), markdown, csv, html, xlsx (needs --output).
    """
    if fmt in BINARY_FORMATS and output is None:
        raise click.UsageError(f"--format {fmt} writes a binary file: give it with --output FILE (e.g. --output report.{fmt})")
    result = _score_file(facts, set_ref)
    content = RENDERERS[fmt](result)
    if output is None:
        click.echo(content, nl=False)
    else:
        write_atomically(output, content)
        click.echo(f"{output}: {result.total} {result.grade}", err=True)
    if output is not None or fmt != "table":
        for warning in result.warnings:
            click.echo(f"warning: {warning}", err=True)


@main.command()
@click.argument("facts", type=click.Path(dir_okay=True, path_type=Path))
@click.option("--indicator", "-i", "indicator_id", required=True, metavar="ID", help="The indicator to explain: its id (or its name).")
@click.option("--set", "set_ref", metavar="ID|PATH", help="Indicator set: a bundled id or a YAML file. Default: the one the facts file names.")
@_guarded
def explain(facts: Path, indicator_id: str, set_ref: str | None) -> None:
    """Tell how one indicator of the project in FACTS (a facts file, or - for standard input) got its score.

    The standard, the facts read with values and units, derived values with the
    numbers substituted, the matched band or tier, every deduction, the raw
    score, clamping and rounding, and how it adds into its parent.
    """
    click.echo(str(_score_file(facts, set_ref).explain(indicator_id)), nl=False)


def _score_file(facts: Path, set_ref: str | None) -> Result:
    """Score the facts file (or standard input, for -) against --set, or the set it names; the result carries the facts
    with labels and units. A set the facts name is a bundled id or a path inside their folder (the working folder for -)."""
    loaded = load_facts_from(getattr(sys.stdin, "buffer", None)) if str(facts) == "-" else load_facts(facts)
    if set_ref is not None:
        indicator_set = load_indicator_set(resolve_set(set_ref))
    elif loaded.indicator_set is not None:
        try:
            indicator_set = load_indicator_set(resolve_set(loaded.indicator_set, relative_to=facts.parent))
        except IndicatorSetError as err:
            raise IndicatorSetError([p.located(file=loaded.source, path="$.indicator_set") for p in err.problems]) from None
    else:
        raise click.UsageError("no indicator set: pass --set ID|PATH, or name one in the facts file as \"indicator_set\"")
    return score_facts(indicator_set, loaded)


@main.command()
@click.argument("sets", nargs=-1, required=True, metavar="SET...")
@_guarded
def validate(sets: tuple[str, ...]) -> None:
    """Check indicator sets (files or bundled ids); report every problem of every file."""
    failed = False
    for ref in sets:
        try:
            loaded = load_indicator_set(ref)
        except ScoringEngineError as err:
            _report(err)
            failed = True
            continue
        leaves = sum(1 for node in loaded.walk() if node.is_leaf)
        click.echo(f"{ref}: ok — {loaded.id} {loaded.version}, {leaves} scored indicators, total {loaded.total}")
    if failed:
        sys.exit(EXIT_INVALID)


@main.command()
@click.argument("set_id", required=False, metavar="[ID]")
@_guarded
def sets(set_id: str | None) -> None:
    """List the bundled indicator sets, or print one (to copy and adapt: `sets ID > my-set.yaml`)."""
    found = bundled_sets()
    if set_id is not None:
        click.echo(read_text(resolve_set(set_id), MAX_YAML_BYTES, IndicatorSetError)[0], nl=False)
        return
    if not found:
        click.echo("no bundled indicator sets")
        return
    for set_id, path in found.items():
        try:
            loaded = load_indicator_set(path)
            click.echo(f"{set_id}\t{loaded.version}\t{loaded.name}")
        except ScoringEngineError as err:
            click.echo(f"{set_id}\tinvalid: {err.problems[0]}")


@main.command(name="test")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@_guarded
def test_cases(paths: tuple[str, ...]) -> None:
    """Run indicator-set test cases (*.cases.yaml files, or folders holding them)."""
    from .cases import find_case_files, load_cases, run_case

    passed = failed = 0
    sets: dict[Path, Any] = {}
    for file in find_case_files(paths):
        try:
            cases = load_cases(file)
        except ScoringEngineError as err:
            _report(err)
            failed += 1
            continue
        for case in cases:
            try:
                outcome = run_case(case, sets)
                differences = outcome.differences
            except ScoringEngineError as err:  # the set itself does not load
                differences = tuple(str(p) for p in err.problems)
            if differences:
                failed += 1
                click.echo(f"FAIL {case.id}: " + "; ".join(differences))
            else:
                passed += 1
                click.echo(f"PASS {case.id}")
    click.echo(f"{passed} passed, {failed} failed")
    if failed or not passed:
        sys.exit(EXIT_INVALID)

"""The command line, `scoring-engine COMMAND`: score, explain, batch, validate, lint, resolve, test, diff, sets, import, template.

The thin shell around the core: it reads files, calls the engine, writes the output (through `_output`: a file
atomically, a pipe or device streamed, standard output checked), and turns every scoring_engine error into one line per
problem with exit code 1 (2 for a wrong command line), never a traceback. Everything it prints goes through
`_output.say` / `tell`, every line through `_text.one_line`. Each command's help (and the group's) is its
decorator's help=, written as a docstring would be, not a docstring: `python -OO` strips those (QA224 6).
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from ._cli_guard import EXIT_INTERNAL, EXIT_INVALID, guarded as _guarded, report as _report, said_line as _say
from ._cli_forms import read_form_file, score_form_file
from ._cli_params import FolderToWrite, LanguageChoice, OutputFile, ReportsFolder, at_most_once, format_by_extension, one_of
from ._encodings import ENCODINGS
from ._cli_stdin import facts_from_stdin, set_named_on_stdin
from ._files import read_yaml_text
from ._help import HelpGroup, version_option
from ._messages import LANG_VARIABLE, chosen_language, current_language, said, warning_line
from ._output import say, tell, write_atomically
from ._text import keeping_lists, one_line, path_shown, visible
from .errors import IndicatorSetError, Problem, ScoringEngineError
from .loader import bundled_sets, load_facts, load_indicator_set, named_elsewhere, resolve_set
from ._build.problems import SHOWN_PROBLEMS
from .render import BINARY_FORMATS, RENDERERS, render_json

if TYPE_CHECKING:  # each command imports what it needs when it runs: validate never loads the engine
    from .facts import Facts
    from .model import IndicatorSet
    from .result import Result

__all__ = ["main", "EXIT_INVALID", "EXIT_INTERNAL"]

FILE_FORMATS = frozenset({"html", "json", "csv", "yaml"})  # files (UTF-8; CSV's BOM): on the screen as --output writes them
TEMPLATE_FORMATS, DIFF_FORMATS = ["xlsx", "json", "yaml", "html", "markdown", "csv"], ["table", "markdown", "xlsx"]


def _deliver(content: str | bytes, output: Path | None, written: str, fmt: str = "table") -> None:
    """`content` on the screen, or written whole into `output` (never half) with the line `written`, in the user's language.
    A format of FILE_FORMATS goes to the screen as its file's UTF-8 bytes; the others are fitted to the terminal."""
    if output is None:
        say(str(content), as_file=fmt in FILE_FORMATS)
    else:
        write_atomically(output, content)
        tell(_say(written))


@click.group(cls=HelpGroup, context_settings={"help_option_names": ["-h", "--help"]},
             help="Score public-spending projects against YAML indicator sets (项目支出绩效评价).")
@version_option(__version__, prog_name="scoring-engine")
@click.option("--lang", type=LanguageChoice(), default=None, envvar=LANG_VARIABLE,
              help="Language of the messages (or set SCORING_ENGINE_LANG). Default: zh when the locale "
                   "(LC_ALL, LC_MESSAGES, LANG) is zh or the input is Chinese, else en.")
def main(lang: str | None) -> None:
    pass  # --lang is read where a message is said (_messages.chosen_language)


_encoding_option = click.option(
    "--encoding", type=one_of(ENCODINGS), default=None,
    help="Read the files that are not UTF-8 in this encoding (gb18030, gbk: files saved as ANSI by an old Notepad).")


@main.command(help="""
    Score the project in FACTS (a .json or .yaml facts file, a filled 自评表 .xlsx, or - for standard input).

    Formats: table (the screen), json (the audit trail), markdown, csv, html, xlsx (needs --output).
    """)
@click.argument("facts", type=click.Path(dir_okay=True, readable=False, path_type=Path))
@click.option("--set", "set_ref", metavar="ID|PATH",
              help="Indicator set: a bundled id or a YAML file. Default: the one the facts file names.")
@click.option("--format", "fmt", type=one_of(sorted(RENDERERS)), default="table", show_default=True, help="Output format.")
@click.option("--output", "-o", type=OutputFile(), multiple=True, callback=at_most_once,
              help="Write to this file instead of the screen.")
@click.option("--layout", type=one_of(["scoresheet", "selfeval"]), default=None,
              help="For markdown, csv, xlsx and html: the 评分表 (scoresheet) or the set's 自评表 (selfeval)."
                   " Default: the set's own.")
@_encoding_option
@format_by_extension(sorted(RENDERERS))
@_guarded
def score(facts: Path, set_ref: str | None, fmt: str, output: Path | None, layout: str | None) -> None:
    if fmt in BINARY_FORMATS and output is None:
        raise click.UsageError(f"--format {fmt} writes a binary file: give it with --output FILE (e.g. --output report.{fmt})")
    laid_out = layout is not None or fmt not in ("table", "json")  # the table and the JSON have one shape each
    if layout is not None and fmt in ("table", "json"):  # a wrong command line: said before any input is read
        raise click.UsageError(f"--layout applies to markdown, csv, xlsx, html, not to {fmt}: leave --layout out for "
                               "table and json")
    indicator_set, result, told = _scored(facts, set_ref)
    shown = result
    if told and (laid_out or (output is not None and fmt != "json")):  # a report kept says what the terminal was told
        from .reports.form_notes import with_form_notes

        shown = with_form_notes(result, [p.text("zh") for p in told])
    if laid_out:
        from .reports.layouts import render_layout

        content = render_layout(shown, indicator_set, fmt, layout)
    else:
        renderer = RENDERERS[fmt]
        content = render_json(result, chosen_language()) if renderer is render_json else renderer(shown)
    _deliver(content, output, f"{path_shown(output)}: {result.total} {result.grade}", fmt)
    if output is not None or fmt != "table":  # the table lists the warnings itself
        lang = current_language()
        for warning in result.warnings:
            tell(warning_line(warning, lang))


@main.command(help="""
    Tell how one indicator of the project in FACTS (a facts file, a filled 自评表 .xlsx, or - for standard input) got its
    score.

    The standard, the facts read with values and units, derived values with the
    numbers substituted, the matched band or tier, every deduction, the raw
    score, clamping and rounding, and how it adds into its parent.
    """)
@click.argument("facts", type=click.Path(dir_okay=True, readable=False, path_type=Path))
@click.option("--indicator", "-i", "indicator_id", required=True, metavar="ID",
              help="The indicator to explain: its id (or its name).")
@click.option("--set", "set_ref", metavar="ID|PATH",
              help="Indicator set: a bundled id or a YAML file. Default: the one the facts file names.")
@_encoding_option
@_guarded
def explain(facts: Path, indicator_id: str, set_ref: str | None) -> None:
    indicator_set, result, _ = _scored(facts, set_ref)
    meant = indicator_set.removal_meant(indicator_id.strip())
    if meant is not None:  # not another indicator's story, for the id, the name or a slip of the id (QA43 F6, QA45 F5)
        from .explain import UnknownIndicatorError

        (removal, close), by = meant, meant[0].by or indicator_set.id
        said = f"the profile {by} removes it (line {removal.line})"
        raise UnknownIndicatorError(Problem(f"no such indicator in set {indicator_set.id}", indicator=indicator_id,
                                            hint=f"{close} {said}" if close else said))
    say(visible(str(result.explain(indicator_id))))


def _scored(facts: Path, set_ref: str | None) -> tuple[IndicatorSet, Result, tuple[Problem, ...]]:
    """The set and the project scored: from a facts file (or standard input, for -), or from a filled 自评表 (.xlsx) read
    with the set's form layout, naming its cells; and what reading them warned of, told on the terminal already. A set
    the facts name is a bundled id or a path inside their folder."""
    from .engine import score_held as score_facts  # facts the command read itself: no caller holds them

    if facts.suffix.lower() in (".xlsx", ".xlsm"):
        return score_form_file(facts, set_ref)
    from .forms.bases import imported_from, named_of_another_version

    loaded = facts_from_stdin() if str(facts) == "-" else load_facts(facts)
    indicator_set = _set_for(facts, loaded, set_ref)
    # facts imported from a form of another version of the set, or of a set file edited since, or naming another version
    # than --set gives: said first (QA205 5, QA268 F1)
    first = imported_from(loaded, indicator_set) + (named_of_another_version(loaded, indicator_set) if set_ref else [])
    try:
        result = score_facts(indicator_set, loaded)
    except ScoringEngineError as err:  # with --set: whether the facts name another set is the first thing to say
        raise type(err)(first + (named_elsewhere(list(err.problems), loaded, indicator_set) if set_ref
                                 else list(err.problems))) from None
    for warning in first:
        tell(warning_line(warning, current_language([warning])))
    return indicator_set, result, tuple(first)


def _set_for(facts: Path, loaded: Facts, set_ref: str | None) -> IndicatorSet:
    if set_ref is not None:
        indicator_set = load_indicator_set(resolve_set(set_ref))
    elif loaded.indicator_set is not None:
        try:
            indicator_set = load_indicator_set(resolve_set(loaded.indicator_set, relative_to=facts.parent))
        except IndicatorSetError as err:
            said = [set_named_on_stdin(p) if str(facts) == "-" else p for p in err.problems]
            raise IndicatorSetError([p.named_at(loaded.source, "$.indicator_set") for p in said]) from None
    else:
        raise click.UsageError("no indicator set: pass --set ID|PATH, or name one in the facts file as \"indicator_set\"")
    return indicator_set


@main.command(name="import", help="""
    Read a filled 自评表 (FORM.xlsx) into a facts file for review, with the cell (sheet!cell) of every fact.
    """)
@click.argument("form", type=click.Path(dir_okay=True, readable=False, path_type=Path))
@click.option("--set", "set_ref", metavar="ID|PATH", help="The indicator set the form is for. Default: the one the form names.")
@click.option("--output", "-o", type=OutputFile(), multiple=True, callback=at_most_once,
              help="Write the facts file here instead of the screen: FILE.json, or FILE.yaml (or .yml), which gets the same "
                   "JSON text (JSON is YAML).")
@_encoding_option
@format_by_extension(["json", "yaml"], option=None)
@_guarded
def import_form(form: Path, set_ref: str | None, output: Path | None) -> None:
    from . import _json
    from .forms.cells import form_problems
    from .forms.documents import fact_document, naming_the_set

    indicator_set, imported = read_form_file(form, set_ref, for_import=True)
    # raises when the form is for another set: its facts would be empty
    found = [*imported.warnings, *form_problems(imported, indicator_set)]
    document, unnamed = naming_the_set(imported.document(), indicator_set, set_ref,
                                         output.parent if output else Path.cwd())
    found += [unnamed] if unnamed else []
    text = _json.dumps(fact_document(document)) + "\n"
    _deliver(text, output, f"{path_shown(output)}: {len(imported.provenance)} cells read", "json")
    lang = current_language(found)
    for problem in found:  # written all the same, for review: what scoring it would still need
        tell(warning_line(problem, lang))


@main.command(help="""
    A blank form or facts skeleton for SET (a bundled id or a YAML file) that a unit fills in and `score` reads back.
    """)
@click.argument("set_ref", metavar="SET")
@click.option("--format", "fmt", type=one_of(TEMPLATE_FORMATS), default="xlsx",
              show_default=True,
              help="xlsx (and html, markdown, csv): the blank 自评表; json or yaml: a facts skeleton with every fact.")
@click.option("--output", "-o", type=OutputFile(), multiple=True, callback=at_most_once,
              help="Write here instead of the screen (needed for xlsx).")
@_encoding_option
@format_by_extension(TEMPLATE_FORMATS)
@_guarded
def template(set_ref: str, fmt: str, output: Path | None) -> None:
    from .forms.template import facts_skeleton, names_no_set, scoring_command, skeleton_names
    from .reports.layouts import blank_form

    path = resolve_set(set_ref)
    indicator_set = load_indicator_set(path)  # a set that does not exist is the first thing to say
    if fmt == "xlsx" and output is None:
        raise click.UsageError("--format xlsx writes a binary file: give it with --output FILE (e.g. --output form.xlsx)")
    named = None if bundled_sets().get(set_ref) == path else skeleton_names(path, output)
    # a skeleton names the set's file; a form names its id, refused of a profile keeping its base's (QA155 F1)
    content = facts_skeleton(indicator_set, fmt, named, output is None) if fmt in ("json", "yaml") else \
        blank_form(indicator_set, fmt)
    done = f"{path_shown(output)}: template for {indicator_set.id} {indicator_set.version}"
    if fmt in ("json", "yaml") and names_no_set(named):  # said in the YAML's header; JSON has no comments (QA260 F4)
        done += f", naming no set: score it with {scoring_command(named)}"
    _deliver(content, output, done, fmt)


@main.command(help="""
    Score every project in INPUT... (facts files, filled 自评表 .xlsx, folders of them, JSONL files) and summarise them.

    A project that cannot be scored is listed with its errors and the others
    are still scored; the exit code is then 1. See docs/batch.md.
    """)
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--set", "set_ref", metavar="ID|PATH",
              help="Indicator set for every project. Default: the one each facts file names.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes, at most four per core. Default: one per core.")
@click.option("--output", "-o", "outputs", multiple=True, type=OutputFile(),
              help="A summary file: .xlsx, .csv, .jsonl, .html or .docx (repeat for several).")
@click.option("--reports", metavar="DIR", type=ReportsFolder(),
              help="Also write each project's own report into this folder.")
@click.option("--report-format", type=one_of(sorted(RENDERERS)), default="html", show_default=True,
              help="Format of those reports.")
@click.option("--compare-with", "compare_with", multiple=True, metavar="INPUT",
              help="The re-check (复核) of the same projects (repeat for several).")
@click.option("--compare-set", metavar="ID|PATH", help="Also score every project under this set, and compare.")
@click.option("--threshold", default="5", show_default=True, metavar="POINTS",
              help="Flag a score above the compared one by this many points.")
@click.option("--quiet", "-q", is_flag=True, help="No progress line.")
@_encoding_option
@_guarded
def batch(inputs: tuple[str, ...], set_ref: str | None, jobs: int | None, outputs: tuple[Path, ...], reports: Path | None,
          report_format: str, compare_with: tuple[str, ...], compare_set: str | None, threshold: str, quiet: bool) -> None:
    from ._cli_batch import run_batch_command

    run_batch_command(inputs, set_ref, jobs, outputs, reports, report_format, compare_with, compare_set, threshold, quiet)


@main.command(help="""
    Check indicator sets (files or bundled ids); report every problem of every file.
    """)
@click.argument("sets", nargs=-1, required=True, metavar="SET...")
@_encoding_option
@_guarded
def validate(sets: tuple[str, ...]) -> None:
    failed = False
    for ref in sets:
        try:
            loaded = load_indicator_set(ref)
        except ScoringEngineError as err:
            _report(err)
            failed = True
            continue
        leaves = sum(1 for node in loaded.walk() if node.is_leaf)
        say(_say(f"{ref}: ok — {loaded.id} {loaded.version}, {leaves} scored indicators, total {loaded.total}") + "\n")
        lang, unused = current_language(), loaded.unused_facts()
        for fact in unused[:SHOWN_PROBLEMS]:  # declared, read by nothing: a leftover, or a rule that forgot it
            file = fact.file or loaded.source  # a fact a profile's base declares is in the base's file
            removal = loaded.orphaned_by(fact.name) if file != loaded.source else None  # said at its remove: (QA241 L1)
            line = removal.line if removal is not None else fact.line
            where = f"{loaded.source if removal is not None else file}:{line}: " if file and line else ""
            fix = (f"the set it extends declares it: remove it in this profile with facts: {{{fact.name}: null}}, or read it"
                   if file != loaded.source else "remove it, or read it where it was meant to count")  # as lint says
            text = said(f"fact {fact.title} is declared but read by no rule, derived value, check, cap or form", lang)
            text += f"（{said(fix, lang)}）" if lang == "zh" else f" ({fix})"  # apart: the fix holds colons of its own
            tell(("提示：" if lang == "zh" else "warning: ") + where + one_line(text))
        if len(unused) > SHOWN_PROBLEMS:  # as lint lists them (QA318 F6: 6,000 lines)
            more = said(f"{ref}: {len(unused) - SHOWN_PROBLEMS} more warnings not shown", lang)
            tell(("提示：" if lang == "zh" else "warning: ") + more)
        if loaded.extends:  # a profile: the tree it resolves to, and what it changed; named as its base is (QA155 F1)
            from ._base_id import warn_of_base_id
            from .reports.profile import profile_lines

            warn_of_base_id(loaded)
            say("".join(f"  {line}\n" for line in profile_lines(loaded, _say)))
    if failed:
        sys.exit(EXIT_INVALID)


@main.command(help="""
    Check indicator sets as validate does, then warn about what is valid but likely a mistake: unused facts, bands no
    project reaches, checks that cannot fail, 评分标准 text against the rule, weights against the set's declarations.
    """)
@click.argument("sets", nargs=-1, required=True, metavar="SET...")
@click.option("--strict", is_flag=True, help="Exit 1 when there are warnings, not only on invalid sets.")
@click.option("--format", "fmt", type=one_of(["text", "json"]), default="text", show_default=True,
              help="text: one line per warning; json: every set with its errors and warnings, for tools.")
@_encoding_option
@_guarded
def lint(sets: tuple[str, ...], strict: bool, fmt: str) -> None:
    from .lint.command import run_lint

    sys.exit(run_lint(sets, strict, fmt))


@main.command(help="""
    Print SET (a profile, which says extends:) as one whole set: its base with the profile's changes applied.
    """)
@click.argument("set_ref", metavar="SET")
@click.option("--output", "-o", type=OutputFile(), multiple=True, callback=at_most_once,
              help="Write to this file instead of the screen.")
@_encoding_option
@format_by_extension(["yaml"], option=None)
@_guarded
def resolve(set_ref: str, output: Path | None) -> None:
    from ._base_id import resolved_warning
    from ._profile_nodes import resolved_yaml
    from .loader import resolve_profile

    loaded = load_indicator_set(set_ref)  # every problem first, as validate reports them
    resolved, name = resolve_profile(set_ref)
    origin = (f"{loaded.id} {loaded.version}, resolved by scoring-engine resolve from {name}"
              + (f" (extends {' → '.join(resolved.bases)})" if resolved.bases else ""))
    header = _say(origin) + f"\nsha256 {loaded.sha256}" + resolved_warning(loaded)  # a form of it named its base (QA156 F2)
    assert resolved.located.root is not None
    text = resolved_yaml(resolved.located.root, header)
    _deliver(text, output, f"{path_shown(output)}: written", "yaml")  # a YAML file read back: its UTF-8 bytes (QA185 F3)


@main.command(help="""
    What changed from set OLD to set NEW (files or bundled ids): indicators added, removed or moved, weights,
    评分标准, rules (a row group's too), grades, checks, caps, 需说明 conditions, rounding, weight rules, facts, derived
    values and reason templates; with --facts, each project's total, grade and scores under both (去年 → 今年).

    The exit code is 1 when a project cannot be scored under either set.
    """)
@click.argument("old_ref", metavar="OLD")
@click.argument("new_ref", metavar="NEW")
@click.option("--facts", "facts_files", multiple=True, metavar="FILE", type=click.Path(dir_okay=True, path_type=Path),
              help="A project's facts file or filled 自评表 (.xlsx): show how its total, grade and scores change (repeat for "
                   "several).")
@click.option("--format", "fmt", type=one_of(DIFF_FORMATS), default="table", show_default=True,
              help="table (the screen), markdown, or xlsx (needs --output).")
@click.option("--output", "-o", type=OutputFile(), multiple=True, callback=at_most_once,
              help="Write to this file instead of the screen.")
@_encoding_option
@format_by_extension(DIFF_FORMATS)
@_guarded
def diff(old_ref: str, new_ref: str, facts_files: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    from .diff import compare_scores, diff_sets
    from .reports.diff import render_diff

    if fmt == "xlsx" and output is None:
        raise click.UsageError("--format xlsx writes a binary file: give it with --output FILE (e.g. --output diff.xlsx)")
    old, new = load_indicator_set(resolve_set(old_ref)), load_indicator_set(resolve_set(new_ref))
    from ._cli_forms import form_facts_for

    listed, placed = [], {}  # a form's warnings are said of its cells
    for path in facts_files:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            facts, placed[str(path)] = form_facts_for(path, old, new)
        else:
            facts = load_facts(path)
        listed.append((str(path), facts))
    projects = compare_scores(old, new, listed, placed)
    content = render_diff(diff_sets(old, new), projects, fmt)
    _deliver(content, output, f"{path_shown(output)}: written")
    failed = [dataclasses.replace(problem, message=keeping_lists(f"under the {side} set {ref}: {problem.message}",
                                                                 problem.message))
              for p in projects for side, ref, problems in (("old", old_ref, p.old_problems), ("new", new_ref, p.new_problems))
              for problem in problems]
    if failed:  # the report says which; the terminal says why, a line each (QA81 F2), and the exit code says so too
        _report(ScoringEngineError(failed))
        sys.exit(EXIT_INVALID)


@main.command(help="""
    List the bundled indicator sets, or print one; `sets ID --copy DIR` copies it to adapt.
    """)
@click.argument("set_id", required=False, metavar="[ID]")
@click.option("--copy", "copy_to", metavar="DIR", type=FolderToWrite(),
              help="Write the set into this folder as ID.yaml, its $schema comment pointing at the installed schema, "
                   "with its test cases and their facts (ID.cases.yaml, ID.facts.json).")
@_guarded
def sets(set_id: str | None, copy_to: Path | None) -> None:
    found = bundled_sets()
    if copy_to is not None:
        if set_id is None:
            raise click.UsageError("--copy needs the id of a bundled set: sets ID --copy DIR")
        from ._set_copy import copy_bundled_set

        for copied in copy_bundled_set(set_id, copy_to):
            tell(_say(f"{path_shown(copied)}: copied from the bundled set {set_id}"))
        return
    if set_id is not None:
        from ._set_copy import bundled_set_file

        say(read_yaml_text(bundled_set_file(set_id), IndicatorSetError)[0], as_file=True)  # `> copy.yaml`
        return
    if not found:
        say(_say("no bundled indicator sets") + "\n")
        return
    for found_id, path in found.items():
        try:
            loaded = load_indicator_set(path)
            fields: tuple[str, ...] = (found_id, loaded.version, loaded.name)
        except ScoringEngineError as err:
            fields = (found_id, said(f"invalid: {err.problems[0]}", current_language()))
        say("\t".join(one_line(str(field)) for field in fields) + "\n")


@main.command(name="test", help="""
    Run indicator-set test cases (*.cases.yaml files, or folders holding them).
    """)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@_encoding_option
@_guarded
def test_cases(paths: tuple[str, ...]) -> None:
    from .cases import CASE_SUFFIX, CaseFileError, find_case_files, read_cases, run_case

    files = find_case_files(paths)
    if not files:
        raise CaseFileError(Problem(f"no case files (*{CASE_SUFFIX}) in {', '.join(paths)}",
                                    hint="write the cases of a set in a file NAME.cases.yaml beside it"))
    passed = failed = 0
    sets: dict[Path, Any] = {}
    lang = current_language()
    for file in files:
        try:
            cases, refused, not_run = read_cases(file)
        except ScoringEngineError as err:
            _report(err)
            failed += 1
            continue
        for slip in refused:  # a case with a slip is a failed case; the file's others run (QA44 F9)
            _report(slip)
        failed += not_run
        for number, case in enumerate(cases):
            try:
                outcome = run_case(case, sets)
                differences = outcome.described(lang)
            except ScoringEngineError as err:  # the set itself does not load: its errors once, not once per case
                _report(err)
                failed += len(cases) - number
                say(_say(f"{file}: {len(cases) - number} cases not run: the set does not load") + "\n")
                break
            if differences:
                failed += 1
            else:
                passed += 1
            say(_case_line(case.id, differences, lang, bool(outcome.problems)) + "\n")
    say(_say(f"{passed} passed, {failed} failed") + "\n")
    if failed or not passed:
        sys.exit(EXIT_INVALID)


def _case_line(case_id: str, differences: tuple[str, ...], lang: str, problems: bool = False) -> str:
    """PASS id, or FAIL id: each difference (通过 / 未通过 in Chinese); a failed scoring's problems (after its lead) each
    on a line of its own, indented (QA326 F5: a facts file's 43 were one line)."""
    if not differences:
        return one_line(f"{'通过' if lang == 'zh' else 'PASS'} {case_id}")
    head, below = (differences[:1], differences[1:]) if problems else (differences, ())
    line = one_line(f"未通过 {case_id}：" + "；".join(head)) if lang == "zh" else one_line(f"FAIL {case_id}: " + "; ".join(head))
    return line + "".join(f"\n  {one_line(text)}" for text in below)


if __name__ == "__main__":  # `python -m scoring_engine.cli`, as a script may name the module: it did nothing (QA260)
    import runpy

    runpy.run_module("scoring_engine", run_name="__main__")  # as `python -m scoring_engine`, its entry point's way

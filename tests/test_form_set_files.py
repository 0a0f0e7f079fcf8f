"""The files a form's hints name: the set it was written for (the file of its version, when last year's and this year's
share an id), and the blank form of the set it is read with (the set's file when it was read from one)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from scoring_engine import load_facts, load_indicator_set, score
from scoring_engine.cli import main
from scoring_engine.reports.layouts import render_layout

FACTS = ROOT / "indicator_sets" / "self-evaluation.facts.json"


def _form(set_path: Path | str, target: Path, facts: Path = FACTS) -> Path:
    """The form the set at `set_path` writes for the bundled example's `facts`."""
    indicator_set = load_indicator_set(set_path)
    target.write_bytes(render_layout(score(indicator_set, load_facts(facts)), indicator_set, "xlsx", "selfeval"))
    return target


def _edit(form: Path, change) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    book = load_workbook(form)
    change(book)
    book.save(form)


def _score(*args: str) -> tuple[int, str]:
    run = CliRunner().invoke(main, ["--lang", "en", "score", *args])
    return run.exit_code, run.stderr


@pytest.fixture
def here(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The hints name files as a clerk types them, from the folder the command runs in."""
    before = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(before)


def test_the_blank_form_offered_for_a_file_whose_id_is_a_bundled_sets_is_that_file(here: Path):
    """QA152 F3a: a copy of a bundled set at another version, read from its file, offered `scoring-engine template
    self-evaluation` for a form of the bundled version: that writes the bundled version's form, which fails the same way."""
    (here / "self-evaluation.yaml").write_text("extends: self-evaluation\nversion: '2099'\n", encoding="utf-8")
    form = _form("self-evaluation", here / "f.xlsx")
    _, said = _score(str(form), "--set", "self-evaluation.yaml")
    assert "fill the blank form of version 2099 (scoring-engine template self-evaluation.yaml)" in said, said


def test_every_blank_form_hint_names_the_sets_file_when_it_was_read_from_one(here: Path):
    """QA152 F3b: a form missing its side sheet's facts, and a form whose 一级 is not the set's, read with a province's
    set from its file, were told `scoring-engine template province-self-evaluation`, an id the command does not find."""
    (here / "framework.yaml").write_text("extends: national-framework\nid: province-framework\nname: 某省\n",
                                         encoding="utf-8")
    bare = _form("framework.yaml", here / "bare.xlsx", ROOT / "indicator_sets" / "national-framework.facts.json")

    _without_side_rows(bare, "事实")
    code, said = _score(str(bare), "--set", "framework.yaml")
    assert 1 == code and "the form has no cell for " in said, said
    assert "(scoring-engine template framework.yaml)" in said and "template province-framework" not in said, said
    (here / "province.yaml").write_text("extends: self-evaluation\nid: province-self-evaluation\nname: 某省\n",
                                        encoding="utf-8")
    renamed = _form("province.yaml", here / "renamed.xlsx")

    def another_top(book):  # type: ignore[no-untyped-def]
        sheet = book.worksheets[0]
        next(c for row in sheet.iter_rows() for c in row if c.value == "效益指标").value = "效益类指标"

    _edit(renamed, another_top)
    code, said = _score(str(renamed), "--set", "province.yaml")
    assert 1 == code and "is not one of the form's" in said, said
    assert "fill the blank form of province-self-evaluation (scoring-engine template province.yaml)" in said, said
    zh = CliRunner().invoke(main, ["--lang", "zh", "score", str(renamed), "--set", "province.yaml"]).stderr
    assert "改用 province-self-evaluation 的空白表（scoring-engine template province.yaml）填写" in zh, zh


def _provinces(folder: Path) -> dict[str, Path]:
    """Last year's set and this year's, built on it with the same id; and a form of each."""
    (folder / "province-2024.yaml").write_text("extends: self-evaluation\nid: province-self-evaluation\nname: 某省\n"
                                               "version: '2024'\n", encoding="utf-8")
    (folder / "province-2025.yaml").write_text("extends: province-2024.yaml\nversion: '2025'\n", encoding="utf-8")
    return {year: _form(f"province-{year}.yaml", folder / f"form-{year}.xlsx") for year in ("2024", "2025")}


def test_a_form_naming_a_set_whose_files_share_its_id_is_told_the_file_of_its_version(here: Path):
    """QA152 F2a: last year's file and this year's share the id; a 2025 form scored without --set was told to pass
    province-2024.yaml, the first file of that id, and following it said the form is of another version. Each form is
    told the file of the version it names, by score and by batch alike; a form that records the sha256 of the file it
    was written with is read with that file (QA268 F3)."""
    forms = _provinces(here)
    for year, form in forms.items():
        run = CliRunner().invoke(main, ["score", form.name, "--format", "json"])
        assert f'"version": "{year}"' in run.stdout, run.output
        _without_side_rows(form, "来源")  # a form made by hand: which file, it does not say
        code, said = _score(form.name)
        assert 1 == code and f"pass --set province-{year}.yaml" in said, said
    batch = CliRunner().invoke(main, ["--lang", "en", "batch", "form-2025.xlsx", "--jobs", "1", "-q"])
    assert "pass --set province-2025.yaml" in batch.stderr and "province-2024.yaml" not in batch.stderr, batch.stderr
    code, _ = _score("form-2025.xlsx", "--set", "province-2025.yaml")  # following it scores
    assert 0 == code


def test_a_form_naming_a_version_no_file_has_is_told_the_nearest_file_of_its_set(here: Path):
    """QA152 F2a: when no file near the form is of the version it names, the nearest file of its set is named (its
    version line then says the gap), not none."""
    forms = _provinces(here)

    def version_2023(book):  # type: ignore[no-untyped-def]
        side = book["表外事实"]
        row = next(r for r in range(1, side.max_row + 1) if side.cell(r, 1).value == "指标体系")
        side.cell(row, 3).value = "2023"

    _edit(forms["2025"], version_2023)
    code, said = _score(forms["2025"].name)
    assert 1 == code and "pass --set province-2024.yaml" in said, said


def _county(folder: Path, veto: str = "") -> Path:
    """A county's profile of this year's province set: with `veto`, a fact of its own no province form gives."""
    county = folder / "county.yaml"
    county.write_text("extends: province-2025.yaml\nid: county\nname: 某县\n" + (
        f"facts:\n  {veto}: {{type: boolean, label: 发生重大安全责任事故}}\n"
        f"caps:\n  - {{when: {veto}, grade_at_most: 中等, message: 一票否决}}\n" if veto else ""), encoding="utf-8")
    return county


def test_a_bases_form_failing_under_a_profile_is_told_what_it_is_told_when_it_scores(here: Path):
    """QA152 F2b: a form of the province's set read with a county's profile was told, when it scored, that the county
    is a profile of the province whose changes apply, and the file the profile extends; when scoring failed, only
    'pass --set' with the first file of the province's id, last year's. Both say the same, with this year's file."""
    forms = _provinces(here)
    _county(here)
    _, scored = _score(forms["2025"].name, "--set", "county.yaml")
    fix = ("county is a profile of province-self-evaluation, whose changes apply; to score the form as "
           "province-self-evaluation does: pass --set province-2025.yaml")
    assert fix in scored, scored
    _county(here, "safety.major_accident")
    code, failed = _score(forms["2025"].name, "--set", "county.yaml")
    assert 1 == code and "which reads 1 fact the form does not hold (safety.major_accident)" in failed, failed
    assert f"({fix})" in failed and "province-2024.yaml" not in failed, failed
    zh = CliRunner().invoke(main, ["--lang", "zh", "score", forms["2025"].name, "--set", "county.yaml"]).stderr
    assert "county 是 province-self-evaluation 的派生体系，按其改动计分；若要按 province-self-evaluation 计分：请用 --set " \
           "province-2025.yaml 读取" in zh, zh


def test_last_years_form_failing_under_a_profile_of_this_years_set_gets_one_line_for_its_version(here: Path):
    """QA152 F6b: last year's province form read with a county's profile of this year's set, failing on the facts this
    year's set added, was told the version gap as a warning with one fix, then in an error that it is the province's form
    with another fix: one cause, two lines. The version line is said once, as the error, with its fix."""
    forms = _provinces(here)
    _county(here, "safety.major_accident")
    code, said = _score(forms["2024"].name, "--set", "county.yaml")
    lines = said.splitlines()
    assert 1 == code and 1 == len(lines), said
    assert lines[0].startswith("error: form-2024.xlsx: the form was written for version 2024 of the set "
                               "province-self-evaluation, and is read here with county, a profile of its version 2025 ("
                               "read it with a profile of version 2024, or with the file of version 2024 (pass --set "
                               "province-2024.yaml), or fill the blank form of county"), said
    batch = CliRunner().invoke(main, ["--lang", "en", "batch", forms["2024"].name, "--set", "county.yaml", "--jobs", "1",
                                      "-q"])
    assert 1 == batch.stderr.count("form-2024.xlsx") and "version 2024" in batch.stderr, batch.stderr


def test_last_years_form_is_offered_the_file_of_its_version_found_near_it(here: Path):
    """QA155 F8: last year's province form read with a county's profile of this year's set was told only to read it
    with "a profile of version 2024", which no file is, or to fill the county's blank form: province-2024.yaml, beside
    it, which scores it, was no longer offered. The one line offers it, read with the county or with this year's
    province file, in either language; a form with no file of its version near it is told as before."""
    forms = _provinces(here)
    _county(here, "safety.major_accident")
    for set_path, fix in (("county.yaml", "(read it with a profile of version 2024, or with the file of version 2024 "
                                          "(pass --set province-2024.yaml), or fill the blank form of county "),
                          ("province-2025.yaml", "(read it with the file of version 2024 (pass --set province-2024.yaml), "
                                                 "or fill the blank form of version 2025 ")):
        _, said = _score(forms["2024"].name, "--set", set_path)  # a warning read with the province's file, which scores it
        assert fix in said.splitlines()[0], said
    zh = CliRunner().invoke(main, ["--lang", "zh", "score", forms["2024"].name, "--set", "county.yaml"]).stderr
    assert "或用 2024 版的文件读取（--set province-2024.yaml），或填写 county 的空白表" in zh, zh
    assert 0 == _score(forms["2024"].name, "--set", "province-2024.yaml")[0]  # following it scores
    far = Path("a", "b", "c", "d")  # four folders below the sets: beyond the search for them
    far.mkdir(parents=True)
    forms["2024"].rename(far / "form-2024.xlsx")
    code, said = _score(str(far / "form-2024.xlsx"), "--set", "county.yaml")
    assert 1 == code and "(read it with a profile of version 2024, or fill the blank form of county " in said, said


@pytest.mark.parametrize(("name", "shown"), [("省方案.yaml", "省方案.yaml"), ("省 方案.yaml", '"省 方案.yaml"'),
                                             ("省$方案.yaml", "'省$方案.yaml'")])
def test_the_set_file_a_hint_offers_is_quoted_only_when_its_name_needs_it_in_quotes_cmd_takes(here: Path, name: str,
                                                                                             shown: str):
    """QA214 11: a Chinese-named set file beside a form was offered as `--set '省方案.yaml'`, quoted for a POSIX shell:
    cmd.exe passes single quotes on, and the set "'省方案.yaml'" is not found. A plain name is offered bare; one with a
    space in double quotes, which cmd and a POSIX shell both take; one with a $ (which double quotes leave to a POSIX
    shell) in single quotes. The blank form a hint offers is written alike."""
    (here / name).write_text("extends: self-evaluation\nid: province-self-evaluation\nname: 某省\nversion: '2025'\n",
                             encoding="utf-8")
    form = _form(name, here / "form.xlsx")
    _without_side_rows(form, "来源")  # a form that does not record which file it was written with
    code, said = _score(form.name)
    assert 1 == code and f"(pass --set {shown})" in said, said
    _edit(form, lambda book: book["表外事实"].cell(next(r for r in range(1, 40) if book["表外事实"].cell(r, 1).value
                                                      == "指标体系"), 3, "2024"))
    _, said = _score(form.name, "--set", name)
    assert f"or fill the blank form of version 2025 (scoring-engine template {shown})" in said, said


SMALL = ROOT / "examples" / "small"


def test_of_files_of_one_id_and_version_the_form_is_offered_the_one_it_records_and_never_one_that_does_not_load(
        here: Path):
    """QA214 2: beside 省方案.yaml, which a form was written with, lay 0-draft.yaml (the same id and version, its name
    edited) and a copy saved in GBK: the form was told `--set 0-draft.yaml`, the first by its name, though its side sheet
    records 省方案.yaml's sha256, and following it scored with the draft and warned the set had changed; elsewhere the
    GBK copy was offered, which does not load without --encoding. The file whose sha256 the form records is offered,
    and following it scores without that warning; a file that does not load is never offered."""
    text = (SMALL / "set.yaml").read_text(encoding="utf-8")
    (here / "省方案.yaml").write_text(text, encoding="utf-8")
    (here / "0-draft.yaml").write_text(text.replace("name: 示例指标体系", "name: 草稿"), encoding="utf-8")
    (here / "0-gbk.yaml").write_bytes(text.encode("gb18030"))
    (here / "单位").mkdir()
    form = _form("省方案.yaml", here / "单位" / "自评表.xlsx", SMALL / "facts.json")
    code, said = _score("单位/自评表.xlsx")  # read with the file it records, without --set (QA268 F3)
    assert 0 == code and "has changed since" not in said, said
    code, said = _score("单位/自评表.xlsx", "--set", "省方案.yaml")
    assert 0 == code and "has changed since" not in said, said
    (here / "省方案.yaml").unlink()  # the draft then, the nearest that loads: its line says it changed
    assert "(pass --set 0-draft.yaml)" in _score(str(form))[1]
    (here / "0-draft.yaml").unlink()  # the GBK copy, the only file left: with the --encoding it needs (QA217 5)
    code, said = _score(str(form))
    assert 1 == code and "(pass --set 0-gbk.yaml --encoding gb18030)" in said, said


def test_last_years_form_is_offered_the_file_of_its_version_it_records_not_a_draft_of_that_version(here: Path):
    """QA214 2: the file of the version a form names, offered when it is read with another version, is the one of that
    version whose sha256 the form records, not an edited draft of the same id and version named before it."""
    forms = _provinces(here)
    text = (here / "province-2024.yaml").read_text(encoding="utf-8")
    (here / "0-draft-2024.yaml").write_text(text.replace("name: 某省", "name: 草稿"), encoding="utf-8")
    _, said = _score(forms["2024"].name, "--set", "province-2025.yaml")
    assert "(read it with the file of version 2024 (pass --set province-2024.yaml)" in said, said


@pytest.mark.parametrize(("named", "said"), [
    ("no-such-set", "自评表注明的指标体系 no-such-set 不是内置指标体系（请用 --set 指定指标体系 no-such-set 的文件）"),
    ("province-self-evaluation", "自评表注明的指标体系 province-self-evaluation 不是内置指标体系（请用 --set province.yaml 读取）"),
    ("self-evalution", "自评表注明的指标体系 self-evalution 不是内置指标体系，请用 --set ID|PATH 指定其文件（是否想写 "
                       "self-evaluation？）"),
])
def test_a_form_naming_a_set_that_is_not_bundled_is_told_to_pass_set_once(here: Path, named: str, said: str):
    """QA214 9: a form naming no-such-set was told `…请用 --set ID|PATH 指定其文件（请用 --set 指定指标体系 no-such-set
    的文件）`, the same fix twice. The fix is said once: by the hint when it names --set (the set's file, or to give it),
    by the line when the hint is a bundled set's id the form's is a slip of."""
    (here / "province.yaml").write_text("extends: self-evaluation\nid: province-self-evaluation\nname: 某省\n",
                                        encoding="utf-8")
    form = _form("province.yaml", here / "form.xlsx")
    _without_side_rows(form, "来源")  # a form that does not record the file it was written with
    _edit(form, lambda book: book["表外事实"].cell(next(r for r in range(1, 40) if book["表外事实"].cell(r, 1).value
                                                      == "指标体系"), 2, named))
    run = CliRunner().invoke(main, ["--lang", "zh", "score", form.name])
    assert 1 == run.exit_code and run.stderr == f"错误：form.xlsx: {said}\n", run.stderr


def _blank(set_path: str, target: Path) -> Path:
    """The blank form `template` writes for the set at `set_path`, its 来源 rows (the set's sha256) taken out: a blank form
    written before `template` recorded them, or a form made by hand."""
    run = CliRunner().invoke(main, ["--lang", "en", "template", set_path, "-o", str(target)])
    assert 0 == run.exit_code, run.output

    _without_side_rows(target, "来源")
    return target


def _without_side_rows(form: Path, kind: str) -> None:
    """`form` with the rows of 表外事实 whose 类别 is `kind` deleted."""

    def deleted(book):  # type: ignore[no-untyped-def]
        side = book["表外事实"]
        for row in reversed(range(1, side.max_row + 1)):
            if side.cell(row, 1).value == kind:
                side.delete_rows(row)

    _edit(form, deleted)


def test_a_form_recording_no_sha256_beside_files_of_its_set_that_differ_is_told_each_to_choose_with_set(here: Path):
    """QA217 4: a blank form of 省方案.yaml, filled beside a-draft.yaml (the same id and version, its name edited), records
    no sha256 to tell them by: it was offered `--set a-draft.yaml`, the first by its name, and scoring with the draft
    warned of nothing. The form is told the files it may have been filled from and to choose with --set, in either
    language; copies of one text are one file to offer, and so is a file in GBK beside one in UTF-8; last year's blank
    form read with this year's set is told the files of its version alike."""
    text = (ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8").replace(
        "id: self-evaluation", "id: prov-eval", 1)
    (here / "省方案.yaml").write_text(text, encoding="utf-8")
    (here / "a-draft.yaml").write_bytes(text.encode("utf-8"))  # a copy of the same text: offered as the same file
    (here / "b-gbk.yaml").write_bytes(text.replace("name: ", "name: 改过的", 1).encode("gb18030"))
    form = _blank("省方案.yaml", here / "blank.xlsx")
    code, said = _score(form.name)
    assert 1 == code and "(pass --set a-draft.yaml)" in said, said
    (here / "a-draft.yaml").write_text(text.replace("name: ", "name: 草稿", 1), encoding="utf-8")
    code, said = _score(form.name)
    assert 1 == code and "(pass --set with the file the form was filled from, one of a-draft.yaml, 省方案.yaml: files of " \
                         "the set prov-eval near it that differ)" in said, said
    zh = CliRunner().invoke(main, ["--lang", "zh", "score", form.name]).stderr
    assert zh == "错误：blank.xlsx: 自评表注明的指标体系 prov-eval 不是内置指标体系（请用 --set 指定填表所依据的文件，即 " \
                 "a-draft.yaml、省方案.yaml 之一：它们都是附近指标体系 prov-eval 的文件，内容各不相同）\n", zh
    (here / "years").mkdir()
    text = "extends: self-evaluation\nid: province-self-evaluation\nname: 某省\nversion: '2024'\n"
    (here / "years" / "province-2024.yaml").write_text(text, encoding="utf-8")
    (here / "years" / "province-2025.yaml").write_text("extends: province-2024.yaml\nversion: '2025'\n", encoding="utf-8")
    (here / "years" / "0-draft-2024.yaml").write_text(text.replace("name: 某省", "name: 草稿"), encoding="utf-8")
    form = _blank("years/province-2024.yaml", here / "years" / "blank-2024.xlsx")
    _, said = _score(str(form), "--set", "years/province-2025.yaml")
    assert "(read it with the file of version 2024 (pass --set with one of years/0-draft-2024.yaml, " \
           "years/province-2024.yaml, which differ), or fill" in said, said
    zh = CliRunner().invoke(main, ["--lang", "zh", "score", str(form), "--set", "years/province-2025.yaml"]).stderr
    assert "用 2024 版的文件读取（用 --set 指定 years/0-draft-2024.yaml、years/province-2024.yaml 之一，它们内容各不相同）" \
           in zh, zh


def test_a_set_file_whose_name_holds_a_comma_is_offered_whole_in_chinese(here: Path):
    """A Chinese line lists the files to choose with 、 for the English ", ", and did so inside a quoted name too:
    "省方案, 2024.yaml" was offered as "省方案、2024.yaml", a file that is not there. The name is copied as it is."""
    text = (ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8").replace(
        "id: self-evaluation", "id: prov-eval", 1)
    (here / "省方案, 2024.yaml").write_text(text, encoding="utf-8")
    (here / "a-draft.yaml").write_text(text.replace("name: ", "name: 草稿", 1), encoding="utf-8")
    form = _blank("a-draft.yaml", here / "blank.xlsx")
    zh = CliRunner().invoke(main, ["--lang", "zh", "score", form.name]).stderr
    assert '即 a-draft.yaml、"省方案, 2024.yaml" 之一：' in zh, zh


def test_a_blank_form_records_the_sha256_of_its_set_and_is_offered_that_file_not_a_draft_beside_it(here: Path):
    """QA217 4: `template` wrote no sha256 on the blank form's side sheet, as a form `score --layout` writes records it,
    so a blank form filled beside an edited draft of its set (the same id and version) was offered the draft, the first
    by its name, and scoring with the draft warned of nothing. The blank form records the set's sha256: it is offered
    the file it was written from, which scores it in silence, and read with the draft it is told the set changed."""
    text = (ROOT / "indicator_sets" / "self-evaluation.yaml").read_text(encoding="utf-8").replace(
        "id: self-evaluation", "id: prov-eval", 1)
    (here / "省方案.yaml").write_text(text, encoding="utf-8")
    (here / "a-draft.yaml").write_text(text.replace("name: ", "name: 草稿", 1), encoding="utf-8")
    assert 0 == CliRunner().invoke(main, ["template", "省方案.yaml", "-o", "blank.xlsx"]).exit_code
    from openpyxl import load_workbook

    side = load_workbook("blank.xlsx")["表外事实"]
    source = {row[1]: row[2] for row in side.iter_rows(values_only=True) if row[0] == "来源"}
    assert source["指标体系 sha256"] == load_indicator_set("省方案.yaml").sha256, source
    code, said = _score("blank.xlsx")  # read with the file it records, without --set (QA268 F3): blank, it has no facts
    assert 1 == code and "pass --set" not in said and "has changed since" not in said, said
    assert "has changed since" not in _score("blank.xlsx", "--set", "省方案.yaml")[1]
    assert "the file of the set prov-eval 1.0 has changed since the form was written" in _score(
        "blank.xlsx", "--set", "a-draft.yaml")[1]


def test_the_line_for_a_set_changed_since_says_a_copy_differing_in_comments_scores_alike(here: Path) -> None:
    """QA219 3: a blank form of a bundled set, scored with the copy `sets --copy` writes (its $schema comment rewritten),
    was told the set changed since, with only the fix to give the set a new version; the line says such a copy scores
    alike, so that nobody renumbers a set they never edited."""
    assert 0 == CliRunner().invoke(main, ["template", "self-evaluation", "-o", "blank.xlsx"]).exit_code
    assert 0 == CliRunner().invoke(main, ["sets", "self-evaluation", "--copy", "cp"]).exit_code
    said = _score("blank.xlsx", "--set", "cp/self-evaluation.yaml")[1]
    assert "has changed since the form was written" in said and "a copy differing only in its comments" in said, said


def test_a_batch_of_two_provincial_sets_forms_reads_each_with_the_file_it_records_without_set(here: Path):
    """QA268 F3: a city's portfolio of two sets of its own, each unit's folder holding its set's file beside its forms:
    batch without --set refused every form (pass --set), and --set then refused the other set's. A form that records
    the sha256 of the file it was written with, found near it, is read with that file; one naming a set no file near
    it has is still refused, with the fix."""
    for unit, set_id in (("甲单位", "city-se"), ("乙单位", "city-tp")):
        (here / unit).mkdir()
        (here / unit / f"{set_id}.yaml").write_text(f"extends: self-evaluation\nid: {set_id}\nname: 某市{unit}\n",
                                                     encoding="utf-8")
        _form(here / unit / f"{set_id}.yaml", here / unit / "自评表.xlsx")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", ".", "--jobs", "1", "-q", "-o", "b.jsonl"])
    lines = [line for line in (here / "b.jsonl").read_text(encoding="utf-8").splitlines()]
    assert 0 == run.exit_code and 2 == len(lines) and all('"total"' in line for line in lines), run.output
    (here / "乙单位" / "city-tp.yaml").write_text("extends: self-evaluation\nid: city-tp\nname: 改过\n", encoding="utf-8")
    run = CliRunner().invoke(main, ["--lang", "en", "batch", ".", "--jobs", "1", "-q", "-o", "b.jsonl"])
    assert 1 == run.exit_code and "(pass --set 乙单位/city-tp.yaml)" in run.stderr, run.stderr

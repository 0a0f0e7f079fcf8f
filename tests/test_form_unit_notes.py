"""A note on a 自评表 saying its amounts are in 元 is refused on its cell, however a clerk words it, since the form's
amounts are read in 万元 (1000000 元 read as 1000000 万元 is a figure 10,000 times too large); a 存在问题 line that only
mentions the units of money as a problem found, a 万元 note and a figure's own unit are no such note (QA223 1, 3); a
line under the indicator block is read by `money_note` alone, whatever leads it (QA225 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from conftest import ROOT, refused_as_yuan_note, scored_form, written_form
from scoring_engine.cli import main


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled self-evaluation facts written as the form once, the title's 年度 row unmerged (a note beside the year)."""
    form = written_form(ROOT / "indicator_sets" / "self-evaluation.facts.json",
                        tmp_path_factory.mktemp("printed") / "form.xlsx")
    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    for merged in [m for m in sheet.merged_cells.ranges if m.min_row == 2]:
        sheet.unmerge_cells(str(merged))
    book.save(form)
    return form


def _typed(printed: Path, tmp_path: Path, cells: dict[str, object]) -> Path:
    form = shutil.copy(printed, tmp_path / "form.xlsx")
    book = openpyxl.load_workbook(form)
    for cell, value in cells.items():
        book.worksheets[0][cell] = value
    book.save(form)
    return Path(form)


@pytest.mark.parametrize("note", [
    "1.部分报销凭证，金额单位：元、角、分填写不规范", "1.部分报销凭证，金额单位：元，角，分填写不规范",
    "1.部分报销凭证，金额单位：元/角/分填写不规范", "1.部分报销凭证，金额：元 角 分填写不规范",
    "1.部分报销凭证，金额：元、角填写不规范", "1.部分报销凭证，金额：元、角、分未填写完整",
    "2.部分凭证，金额单位：元 角 分未统一", "1.金额：元、角、分记录不全", "1.金额单位：元角分不规范", "1.金额单位：元 角 分不规范",
])
def test_a_problem_found_listing_the_units_of_money_before_its_words_scores_as_printed(
        printed: Path, tmp_path: Path, note: str) -> None:
    """A 存在问题 line under the form naming 元、角、分 as what was filled in wrongly (words follow the list) is no note of
    the amounts' unit, with 单位 or without: 5a2b4cb refused the whole form on it when 单位 was written (QA223 1)."""
    code, output = scored_form(_typed(printed, tmp_path, {"E6": 1000000, "F6": 950000, "A31": note}))
    assert "gives the amounts in" not in output, output
    assert 0 == code, output


@pytest.mark.parametrize(("at", "note"), [
    # the units of money listed, nothing but the end, punctuation or a bracket after them (QA223 1)
    ("A31", "金额单位：元、角、分"), ("A31", "注：金额单位：元，角，分"), ("A31", "金额：元、角、分"),
    ("A31", "注：金额：元、角、分"), ("A31", "金额：元，角，分"), ("A31", "金额单位：元/角/分"), ("A31", "金额单位：元·角·分"),
    ("A31", "金额单位：元 角 分"), ("A31", "金额单位：元､角､分"), ("A31", "金额：元、角、分。"), ("A31", "金额单位：元、角"),
    ("I2", "金额单位：元，角，分"), ("A2", "（2024年度）      金额：元、角、分"),
    ("B11", "完成年度建设任务。（金额单位：元、角、分）"),
    # worded without 单位, in brackets, as 数据 or 计量单位, with no colon (QA223 3)
    ("A31", "注：本表金额均为元"), ("A31", "注：以上金额均以元为单位"), ("A31", "金额单位：元人民币"),
    ("A31", "【金额单位：元】"), ("A31", "〔金额单位：元〕"), ("A31", "[金额单位：元]"), ("A31", "注：金额计量单位：元"),
    ("A31", "计量单位：元"), ("A31", "注：本表数据单位：元"), ("A31", "注：表中数据单位为元"), ("A31", "注：金额单位 元"),
    ("A31", "金额单位——元"), ("I2", "【金额单位：元】"),
    # worded with 填报, 数字, 按元填列, 元整, /元, and after a goal's words (QA226 5)
    ("A31", "注：本表填报金额单位为元"), ("A31", "注：表中数字均以元为单位"), ("A31", "本表金额按元填列"),
    ("A31", "本表所有金额以元为单位填列"), ("A31", "金额单位：元整"), ("A31", "金额单位/元"), ("A31", "注：本表支出金额单位：元"),
    ("B11", "完成年度任务（单位：元）"), ("B11", "完成年度任务\n单位：元"), ("B11", "完成年度任务，单位：元"),
    # a note going on with a word that begins with 分 or 角, at a cell's start or after 注： (QA225 1)
    ("A31", "金额单位：元，角分四舍五入"), ("A31", "注：金额单位：元，分值单位：分"), ("A31", "金额单位：元，分项金额合计可能有尾差"),
    ("A31", "注：金额单位：元\n分值单位：分"), ("A2", "（2024年度）      金额单位：元，分以下四舍五入"),
    ("I2", "金额单位：元、角、分，分值单位：分"), ("J5", "单位：元 分值：分"),
    # alone in a line under the indicators, without 注：, with a scope, a lead or a bullet money_note knows (QA225 2)
    ("A31", "本表金额均为元"), ("A31", "本表金额以元为单位"), ("A31", "金额均以元为单位"), ("A31", "本表所列金额单位为元"),
    ("A31", "所有金额单位：元"), ("A31", "本项目金额单位：元"), ("A31", "以下金额单位：元"), ("A31", "特别说明：本表金额单位为元"),
    ("A31", "提示：金额单位：元"), ("A31", "其他说明：金额单位：元"), ("A31", "编制说明：金额单位为元"), ("A31", "※金额单位：元"),
    ("A31", "*金额单位：元"), ("A31", "•金额单位：元"), ("A31", "-金额单位：元"), ("A31", "币种：人民币  单位：元"),
    # 以元为单位, 以元计, a word or 的 before 金额, the unit bracketed or quoted, a spaced label, a footnote's mark, a
    # zero-width space pasted with the text (QA225 2)
    ("A31", "注：本表以元为单位"), ("A31", "以元为单位"), ("A31", "注：以上数据均以元为单位"), ("A31", "注：本表金额以元计"),
    ("A31", "注：金额单位以元计"), ("A31", "注：表中所有金额均为人民币元"), ("A31", "注：本表所有金额单位：元"),
    ("A31", "注：本表中的金额单位为元"), ("A31", "注：金额的单位为元"), ("A31", "注：本表涉及金额单位：元"),
    ("A31", "注：预算金额单位：元"), ("A31", "单位：（元）"), ("A31", "金额单位：（元）"), ("A31", "单位：人民币（元）"),
    ("A31", "单 位：元"), ("A31", "注：金 额 单 位：元"), ("A31", "金额单位：元*"), ("A31", "金额单位：“元”"),
    ("A31", "金额单位\u200b：元"), ("A31", "金额单位：元\u200b"), ("A2", "（2024年度）  单 位：元"),
    ("A2", "（2024年度）  本表以元为单位"), ("A2", "（2024年度）   单位：（元）"), ("I2", "单 位：元"), ("I2", "金额单位：（元）"),
    # where the 年度总体目标 rows are, led by a scope, 计量 or 数据, or after a sentence's end (QA225 2)
    ("B11", "本表金额单位：元"), ("B11", "计量单位：元"), ("B11", "数据单位：元"), ("B11", "完成年度建设任务。单位：元"),
    # the funds block's column heading with its unit after a slash or 人民币：, a cell of 元 alone beside it (QA225 2)
    ("E5", "全年预算数/元"), ("E5", "全年预算数（人民币：元）"), ("J5", "元"),
    # read in silence by 74b93ff: a verb after 以元为单位, words before the amounts' word, a note going on to say what
    # may not add up, a bracket of 单位 opening a line (QA227 1–4); and notes never read: other scopes and words, a
    # colon look-alike, bullets, a goal's bracket of 以元为单位, any word's 单位 in a note (QA227 9)
    ("A31", "注：本表金额以元为单位列示"), ("A31", "注：本表金额以元计算"), ("A31", "注：本表所示金额以元为单位"),
    ("A31", "注：报表金额均以元为单位"), ("A31", "注：金额单位：元，角分四舍五入，合计数可能与分项之和不一致"),
    ("A31", "填表说明：本表一式三份，金额单位：元，字迹清晰，不得涂改。"), ("A31", "注：本表数据来源于财务账，金额单位：元，没有发生的填“0”"),
    ("A2", "（2024年度）（单位：元）填报日期：2025年1月"), ("A31", "（单位：元）本表由项目单位填报"), ("J5", "（单位：元）全年数"),
    ("A31", "金额单位：元，分项金额与合计不符"), ("A31", "注：该表金额单位为元"), ("A31", "注：本表经费单位为元"),
    ("A31", "注：本表金额单位统一为元"), ("A31", "金额单位∶元"), ("A31", "●金额单位：元"), ("A31", "“金额单位：元”"),
    ("A31", "注：年初预算数、全年预算数、全年执行数单位为元"), ("B11", "完成年度任务（以元为单位）"), ("B11", "完成年度任务，金额均为元"),
    ("B11", "完成年度任务\n注：以上金额以元为单位"),
    # after a problem's words: another clause, line or run of spaces, a note alone in its item, or this form's amounts;
    # an instruction naming a problem's column; a comma before words of payment; a figure in 万元 beside; more bullets,
    # brackets and colons; a date before the bracket; the money a goal gives in 元 (QA229 1–4, 8)
    ("A31", "存在问题：无；金额单位：元"), ("A31", "存在问题：无\n※金额单位：元"), ("A31", "存在问题：无      金额单位：元"),
    ("A31", "存在问题：无\n1.金额单位：元"), ("A31", "存在问题：无，本表金额单位为元"), ("A31", "饮水问题：已解决；金额单位：元"),
    ("A31", "填表说明：\n1.偏差原因：填写未完成的原因\n2.本表金额单位：元"),
    ("A31", "注：本表金额以元为单位，拨付数据来源于国库集中支付系统"), ("A31", "注：本表金额单位为元，项目总投资单位为万元"),
    ("A31", "◎金额单位：元"), ("A31", "〖金额单位：元〗"), ("A31", "金额单位ː元"), ("A31", "注：表中预算数、执行数均为元"),
    ("A31", "截至2024-12-31（单位：元）"), ("A31", "注：该表金额统一采用元"), ("A31", "金额单位：RMB元"),
    ("B11", "全年预算（单位：元）：1000000"), ("B11", "完成年度任务（金额单位：元）户均增收1500"),
    # a note alone at the end of a problem's clause, one opening its item, a problem's column named in a note, this
    # form's amounts however they go on, leads after a bullet or with a number, two words of scope, a year's or a
    # table's number before the bracket (QA230 3–6)
    ("A31", "存在问题：无 金额单位：元"), ("A31", "存在问题：无，金额单位：元"), ("A31", "存在问题：无．金额单位：元"),
    ("A31", "一、存在问题：无\n二、改进措施：无\n三、金额单位：元，保留两位小数"), ("A31", "注：1.偏差原因：如实填写，金额单位：元"),
    ("A31", "本表金额以元为单位，直接支付到户的资金已含在内"), ("A31", "*注：预算数、执行数单位为元"), ("A31", "注1：预算数、执行数单位为元"),
    ("A31", "【注】预算数、执行数单位为元"), ("A2", "年度：2024（单位：元）"), ("A31", "附件1（单位：元）"),
    ("A31", "本表中列示的所有金额单位均为元"),
    # after ；and an item the reader does not number, after 存在问题：无 whatever follows, a problem's column named in a
    # numbered note, a table's number with parts before the bracket (QA231 1–4)
    ("A31", "存在问题：资金拨付滞后；②金额单位：元，下同"), ("A31", "存在问题：无，金额单位：元，保留两位小数"),
    ("A31", "存在问题：无（金额单位：元，下同）"), ("A31", "注1：偏差原因：如实填写，金额单位：元，保留两位小数"),
    ("A31", "表1-1（单位：元）"),
    # notes led by 注意：, 附：, 填表须知：, a problem's item after a comma, a note going on (下同) at its clause's end, a
    # year or a month before the bracket on the title lines (QA231 carried over)
    ("A31", "注意：预算数、执行数单位为元"), ("A31", "附：预算数、执行数单位为元"), ("A31", "填表须知：预算数、执行数单位为元"),
    ("A31", "存在问题：1.资金拨付滞后，2.金额单位：元，保留两位小数"), ("A31", "存在问题：资金拨付滞后，金额单位：元（下同）"),
    ("A2", "2024.12（单位：元）"), ("A2", "（2024年度）  报表期间：2024.1-2024.12（单位：元）"),
    # a note going on after 下同, money a goal gives in 元 whatever the word before it holds (QA232 H1, H2)
    ("A31", "存在问题：资金拨付滞后，金额单位：元（下同），保留两位小数"), ("A31", "存在问题：资金拨付滞后，金额单位：元，下同，其余见附件"),
    ("B11", "义务教育均衡发展资金（单位：元）：1000000"), ("B11", "每年预算（单位：元）：1000000"), ("B11", "全年预算（单位：元）为1000000"),
    # a note's words after the bracket of a money word, a year or a date after a label of time, money paid out in a
    # note that is not of 资金 (QA233 H1–H3)
    ("A2", "项目资金（单位：元）下同"), ("A2", "全年预算（单位：元）共计1000000"), ("A2", "填报年份：2024（单位：元）"),
    ("A2", "统计时间2024-12-31（单位：元）"), ("A31", "注：金额以元为单位发放"), ("B11", "完成年度任务（单位：元）下同"),
    # money per year or term taken for a rate, 均 as an adverb, a note of 资金 paid out, of this form or going on, a
    # bracket after a figure saying 金额单位 or 下同, money a goal gives by other words, a title on two lines, a year or a
    # code before the bracket, a note saying 而非万元 (QA234)
    ("B11", "年均投入资金（单位：元）：1000000"), ("B11", "平均每年投入资金（单位：元）：1000000"),
    ("B11", "月均支出资金（单位：元）：80000"), ("B11", "每学期经费（单位：元）：500000"),
    ("B11", "年度总体目标：三年共投入资金3000000元，年均预算资金（单位：元）：1000000"),
    ("B11", "资金均为财政资金（单位：元）：1000000"), ("B11", "县均衡发展资金（单位：元）：1000000"),
    ("A31", "注：资金以元为单位拨付，下同"), ("A31", "注：本表资金均以元为单位拨付到位"), ("A31", "注：资金以元为单位拨付"),
    ("B11", "完成投资1000000（金额单位：元，下同）"), ("B11", "年度总体目标：投入资金1000000（单位：元）"),
    ("B11", "年度资金总额（单位：元）：1000000"), ("B11", "预算数（单位：元）：1000000"), ("B11", "以上资金均（单位：元）：1000000"),
    ("A1", "项目支出绩效自评表（单位：元）\n2024年度"), ("A2", "编制单位：某某县农业农村局 2024（单位：元）"),
    ("A2", "实施周期：2023-2025（单位：元）"), ("A2", "项目编号：2024001（单位：元）"), ("A2", "填报日期：20250110（单位：元）"),
    ("A31", "注：本表金额单位是元而非万元"), ("A31", "特别说明：本表金额单位已调整为元"), ("A31", "注：本表资金按元计"),
    ("B11", "完成年度任务（单位：元）含税"), ("B11", "完成年度任务（单位：元）全表同"),
    # money given after paying words, a bracketed unit after a word above or beside the funds block, a note whose
    # subsidy is not alone its subject, notes worded 由万元调整为元, 以元作为金额单位, 数额单位, 不为万元 (QA236)
    ("B11", "全年预算（单位：元）已下达1000000"), ("B11", "财政资金（单位：元）全部到位，合计1000000"),
    ("J5", "项目资金（单位：元）已全部到位"), ("A2", "填报单位：某某县农业农村局  项目资金（单位：元）全部到位"),
    ("A31", "注：资金（含补贴）以元为单位拨付"), ("A31", "注：补助资金、执行数均以元为单位拨付"),
    ("A31", "注：以上各项补贴均以元为单位发放，预算数、执行数亦同"), ("A31", "注：以上补助资金以元为单位拨付"),
    ("A31", "注：本表金额单位已由万元调整为元"), ("A31", "注：本表以元作为金额单位"), ("A2", "资金数额单位：元"),
    ("A31", "注：本表金额单位为元不为万元"), ("A2", "实施周期：2023-2025（单位：元）"),
    # spending the goal gives in other words, a note going on with 其余同上, a year after a project's name holding a
    # rate's words, money after paying words past the clause or in numerals, notes worded 从万元调整为, 改成, 按元, 以元为
    # 金额单位, 不变, a subsidy of 下列 or going on with 预算数同 (QA238 H1–H3, still open)
    ("B11", "全年支出总额（单位：元）：950000"), ("B11", "累计投入（单位：元）：1000000"), ("B11", "拨付总额1000000（单位：元）"),
    ("A31", "注：补助资金以元为单位拨付，其余同上"), ("A2", "每户一策帮扶项目 2024（单位：元）"),
    ("B11", "户均增收项目总投资（单位：元）：1000000"), ("B11", "全年预算（单位：元）已全部下达；全年执行950000"),
    ("B11", "项目资金（单位：元）已拨付一百万"), ("A31", "注：本表金额单位从万元调整为元"), ("A31", "注：本表金额单位由万元改成元"),
    ("A31", "注：金额单位按元"), ("A31", "注：本表以元为金额单位"), ("A31", "注：本表金额单位为元不变"),
    ("A31", "注：下列补助资金均以元为单位拨付"), ("A31", "注：本年度补助资金均以元为单位拨付，预算数同"),
    # a note going on with 以下均同, the form's money taken for a subsidy paid out, 人民币 taken for people, 两百万 (QA239)
    ("A31", "注：补助资金以元为单位拨付，以下均同"), ("A31", "注：资金来源为上级补助，以元为单位拨付"),
    ("A31", "注：资金和补贴均以元为单位拨付"), ("A31", "注：工程款和补助资金均以元为单位拨付"),
    ("B11", "项目资金（单位：元）已拨付950000人民币"), ("B11", "项目资金（单位：元）已拨付两百万元"),
    # money at a line's end before a line starting with 年度, notes going on worded 以下皆同, 下表同, or inside the bracket
    # after a figure's label, a note of where money comes from, money and a subsidy paid together (QA240)
    ("F11", "项目资金（单位：元）已全部拨付到位，实际支出950000\n年度目标全部完成"), ("A31", "注：补助资金以元为单位拨付，以下皆同"),
    ("A31", "注：补助资金以元为单位拨付，下表同"), ("B11", "补助标准（单位：元，以下均同）：1200"),
    ("A31", "注：资金来源：上级补助，以元为单位拨付"), ("A31", "注：项目投资和补助均以元为单位拨付"),
    # money in numerals before 人民币 or 项目, notes going on with 附表同 or 全表同口径 (QA242 H1, H2)
    ("B11", "项目资金（单位：元）已拨付两百万人民币"), ("B11", "项目资金（单位：元）已全部下达五十万元项目资金"),
    ("A31", "注：补助资金以元为单位拨付，附表同"), ("A2", "补助资金以元为单位拨付，全表同口径"),
    # money before a space and a word that is no count, a fee's money for a subsidy, a note going on after 与本表 or 参与,
    # a bracket going on after it or at length (QA244 H1–H4)
    ("F11", "项目资金（单位：元）已全部拨付到位，实际支出 950000 人均增收明显"), ("A31", "注：管护费用于补助护林员，以元为单位发放到人"),
    ("A31", "注：补助资金以元为单位拨付，附表与本表同"), ("A31", "注：补助资金以元为单位发放到参与农户，下同"),
    ("A31", "注：补助标准（单位：元），下同"), ("B11", "补助标准（单位：元，以下各表均同，金额保留两位小数）：1200"),
    # notes going on with 同口径 after a scope, 下同 before 一致, a bracket going on with 以下各表同, a money source two
    # clauses back (QA246)
    ("A31", "注：补助资金以元为单位拨付，以下各表同口径填列"), ("A31", "注：补贴以元为单位发放到户，下同且与附表一致"),
    ("A31", "注：补助标准（单位：元），以下各表同"), ("A31", "注：资金来源，上级补助，以元为单位拨付"),
    # the form or its set named otherwise, a noun before the amounts' word, a note led in 〔〕 (QA247 H1); traditional
    # characters (H2); English and ¥ (H3); 币种 (H4); 以元填列, 按照元, 计列, 数额, 金额栏 (H5); a bracket going on after
    # it (H6); 与 between the ones paid (H7); money before a word that is no count (H8)
    ("A2", "（2024年度）　　项目资金单位：元"), ("J5", "项目资金单位：元"), ("A31", "本表格金额单位为元"),
    ("A31", "全表金额单位为元"), ("A31", "本表及附表金额单位均为元"), ("A31", "〔注〕金额单位：元"),
    ("A31", "《项目支出绩效自评表》金额单位为元"), ("A31", "表内各栏金额单位为元"), ("A31", "注：本表金額單位為元"),
    ("J5", "單位：元"), ("A31", "单位: RMB yuan"), ("A31", "金额单位/Unit：元"), ("A31", "金额单位：￥元"), ("A31", "Unit: yuan"),
    ("A31", "币种：人民币元"), ("A31", "注：本表金额以元填列"), ("A31", "注：本表金额按照元填列"), ("A31", "注：以上金额按元计列"),
    ("A31", "本表数额单位为元"), ("A31", "金额栏单位为元"), ("A31", "全年预算数、全年执行数均以元为单位"),
    ("A31", "注：补助标准（单位：元）；下同"), ("A31", "注：补助标准（单位：元），全表通用"),
    ("A31", "注：补贴以元为单位发放到脱贫户与监测户，以下各表同"),
    ("F11", "项目资金（单位：元）已全部拨付到位，实际支出950000户均增收明显"),
    ("F11", "项目资金（单位：元）已全部拨付到位，实际支出 950000 个体户受益"),
    # money before a space and a word that begins with a count's unit but counts nothing (QA250)
    ("B11", "项目资金（单位：元）已全部拨付到位，实际支出 950000 人居环境明显改善"),
    ("B11", "项目资金（单位：元）已全部拨付到位，实际支出 950000 户厕改造完成"),
    # money before a space and a word that no verb of counting leads, a rate with 均, a note started after a bracket, a
    # comma or an item's number, 各 before no unit's name, 全表同口径 (QA252 H1–H5)
    ("B11", "项目资金（单位：元）已全部拨付到位，实际支出 950000 所辖乡镇全部完成"),
    ("B11", "项目资金（单位：元）已全部拨付到位，实际支出 950000 村民代表大会通过"),
    ("B11", "项目资金（单位：元）已全部拨付到位，实际支出950000户均养殖规模扩大"), ("A2", "（2024年度）报表金额单位：元"),
    ("A31", "（注）币种：人民币元"), ("A31", "数据来源于财务决算，报表金额单位为元"), ("A31", "各渠道资金均以元为单位填列"),
    ("A31", "注：补助标准（单位：元），全表同口径"),
    # money a verb of counting leads, before a word a count's unit begins; a rate's 均 before other words (QA254 H1, H2)
    ("B11", "项目资金（单位：元）已全部拨付到位，完成950000人民币投资"), ("B11", "项目资金（单位：元）已全部拨付到位，完成 950000 人员经费支出"),
    ("B11", "项目资金（单位：元）已全部拨付到位，用于发展 950000 村级集体经济"),
    ("B11", "项目资金（单位：元）已全部拨付到位，完成 950000 个人所得税代扣"),
    ("B11", "项目资金（单位：元）已全部拨付到位，实际支出950000户均收益提高"),
    ("B11", "项目资金（单位：元）已全部拨付到位，实际支出950000人均可支配收入增长"),
    # money after a clause's comma, a title's year after a verb of counting, a note in a problem's numbered words, the
    # units that fill the form (QA256 H1–H3)
    ("B11", "项目资金（单位：元）已全部拨付到位，950000元用于道路硬化"), ("A2", "农村危房改造 2024（单位：元）"),
    ("A31", "存在问题：1.部分项目未按期完成 2.金额单位：元，保留两位小数"), ("A31", "各预算单位金额以元为单位"),
    # money after 合计 or 其中：, before a subsidy's noun or 间接, a rate's 均 before 搬迁补助 or 通信费, 家庭 with no verb
    # of counting (QA257 H1–H3)
    ("B11", "项目资金（单位：元）已全部拨付到位，合计950000农户补贴"), ("B11", "项目资金（单位：元）已全部拨付到位，合计 950000 间接费用"),
    ("B11", "项目资金（单位：元）已全部拨付到位，其中：950000脱贫户补助"),
    ("B11", "项目资金（单位：元）已全部拨付到位，实际支出950000人均搬迁补助"),
    ("B11", "项目资金（单位：元）已全部拨付到位，实际支出950000户均通信费"), ("B11", "项目资金（单位：元）已全部拨付到位，实际支出950000家庭"),
    # money before 场镇, 轮椅, 批复 and 人口 (QA258: no count's units of their own)
    ("B11", "项目资金（单位：元）已全部拨付到位，实际支出950000场镇建设"), ("B11", "项目资金（单位：元）已全部拨付到位，实际支出950000轮椅采购"),
    ("B11", "项目资金（单位：元）已全部拨付到位，其中950000批复资金"), ("B11", "项目资金（单位：元）已全部拨付到位，实际支出950000人口"),
    # read in silence by none of this session's versions but these: 座椅, 家电, 台区, 各项目单位 (QA254, QA256 corpora)
    ("B11", "项目资金（单位：元）已全部拨付到位，修缮 950000 座椅采购"), ("B11", "项目资金（单位：元）已全部拨付到位，完成 950000 家电下乡补贴发放"),
    ("B11", "项目资金（单位：元）已全部拨付到位，建设 950000 台区改造"), ("A31", "各项目单位金额以元为单位"),
])
def test_a_note_giving_the_amounts_in_yuan_however_worded_is_refused_on_its_cell(
        printed: Path, tmp_path: Path, at: str, note: str) -> None:
    """Each of these says the form's amounts are in 元; read in silence, 1000000 元 was scored and imported as
    1000000 万元. Each is refused on its cell with how 元 converts, and `import` writes nothing."""
    refused_as_yuan_note(_typed(printed, tmp_path, {"E6": 1000000, "F6": 950000, at: note}), at, note, tmp_path)


@pytest.mark.parametrize(("at", "note"), [
    ("A31", "单位：万元、%"), ("A31", "金额单位：万元（元以下四舍五入）"), ("A31", "注：单位：元/吨"),
    ("A31", "注：金额单位：万元、角、分"), ("A31", "注：1.补助标准（单位：元、角、分）；2.金额单位：万元"),
    ("A31", "2.人均补助标准为1200（单位：元、角、分）"), ("B11", "（一）水费单价3.2（单位：元、角），年供水量50万吨。"),
    ("A31", "1.部分报销凭证，金额：元、角、分填写不规范"), ("A31", "1.部分凭证金额单位为元，已更正为万元"),
    ("A31", "注：元旦前完成"), ("A31", "注：单位 元/吨"), ("A31", "实施单位 元宝区水利局"),
    # lines under the indicators read by money_note alone, and goals: a word holding 元, a unit in a problem found that
    # is not a note's start, a figure's own unit (QA225 2)
    ("A31", "3.个别支出的计量单位：元，与预算口径不符，已整改"), ("A31", "2.部分明细表金额单位为元，与本表万元不一致"),
    ("A31", "1.部分凭证金额单位：元，角分未填"), ("A31", "填报单位：XX县水务局  填报人：王元"), ("A31", "单位负责人：元某某"),
    ("A31", "存在问题：部分资金：元旦前未拨付"), ("A31", "1.资金 元月才到位"), ("A31", "1.部分单位：元月才上报数据"),
    ("A31", "2.数据单位—元宝区统计局"), ("A31", "注：单位：元/人·年"), ("A31", "补助标准：每人每年1200元"),
    ("B11", "（一）人均补助资金为元月一次性发放"), ("B11", "完成建设。资金：元月全部拨付"), ("F11", "已完成。资金单位：元宝区财政局"),
    ("B11", "（一）补助资金：元/人，共计1200人"),
    # sentences of a problem found or a measure, now that every line under the indicators is read (QA226 1–4)
    ("A31", "存在问题：乡镇上报资金以元为单位，与本表口径不一致"), ("A31", "改进措施：补助资金以元计算发放到户"),
    ("A31", "偏差原因：资金以元为单位拨付到户"), ("F11", "已完成。资金以元计发放1200户"),
    ("A31", "存在问题：资金（单位：元）拨付凭证缺失"), ("A31", "存在问题：项目资金（单位：元）核算不规范"),
    ("A31", "1.金额单位：元、角、分漏填"), ("A31", "1.金额单位：元角分书写潦草"), ("A31", "1.金额单位：元、角、分未按要求填写"),
    ("A31", "存在问题：金额单位：元，分项金额与合计不符"), ("A31", "存在问题：报销单据，金额单位：元，大小写不一致"),
    # a metric's own unit with its figure in a goal (QA227 5), the words of a problem found or a measure however they
    # name 元 (QA227 6, 8), money paid out in 元 in a goal (QA226 1)
    ("B11", "1.完成管网建设10公里；2.户均增收（单位：元）：1500"), ("F11", "已完成。受益农户户均增收（单位：元）：1800"),
    ("B11", "完成年度任务；运行成本（单位：元） 50000"), ("A31", "存在问题：资金按元填报，汇总有误差"),
    ("A31", "改进措施：资金按元计，发放到户"), ("A31", "存在问题：资金（单位：元），拨付凭证缺失"),
    ("A31", "存在问题：金额单位：元，大小写不一致"), ("A31", "存在问题：\n1.报销单据，金额单位：元，部分票据无签章\n2.资金以元计发"),
    ("A31", "下一步：资金以元为单位精准发放"), ("B11", "1.完成管网10公里\n2.补助资金以元为单位发放到户"),
    # a problem's lead alone on its line, its numbered items, leads the reader did not know; a metric's figure after
    # other marks; money paid out worded otherwise (QA229 5, 6)
    ("A31", "存在问题：\n部分乡镇报表，金额单位为元，汇总时未换算"), ("A31", "问题与不足：部分乡镇报表，金额单位为元，汇总时未换算"),
    ("A31", "存在问题：1.资金拨付滞后。2.部分乡镇报表，金额单位为元，汇总时未换算"), ("A31", "存在不足：资金按元填报，汇总有误差"),
    ("A31", "偏差原因说明：资金以元计，存在尾差"), ("F11", "完成情况说明：户均增收（单位：元）：1800"),
    ("B11", "户均增收（单位：元）≈1500"), ("B11", "“户均增收”（单位：元）：1500"), ("B11", "补助资金以元为单位及时发放到户"),
    ("B11", "补助资金以元计算到户"), ("B11", "补助资金以元为单位，按月发放"),
    # the form's own heading as a lead, a bullet before a lead, a second problem after ；, more words of payment, a
    # precision that is no unit, a rate's unit (QA230 7)
    ("A31", "偏差原因分析及改进措施：资金按元填报，汇总有误差"), ("A31", "●存在问题：资金按元填报，汇总有误差"),
    ("B11", "补助资金以元为单位打入农户社保卡"),
    ("A31", "注：金额保留4位小数，精确到元"), ("B11", "亩均投资（单位：元）：1500"),
    # an item opening with a unit's label and saying further on what is wrong, money paid out in a problem that names
    # 表中, compound headings, a rate's money (QA231 5–8)
    ("A31", "存在问题：\n1.金额单位：元，未换算为万元"), ("A31", "存在问题：表中补助资金以元为单位发放到户，核算较繁琐"),
    ("A31", "存在的问题及原因：资金按元填报，汇总有误差"), ("B11", "人均补助资金（单位：元）：1200"),
    ("B11", "人均补助标准为1200.5（单位：元）"), ("B11", "附属设施维护（单位：元）：300"),
    # a figure that could be a year, 一是/二是 items, a word after the bracket of a money word, 注意： inside a measure
    # (QA232 M1, M2, M4, M5)
    ("B11", "补助标准：2000（单位：元）"), ("B11", "人均补助 2000（单位：元）"), ("B11", "人均补助2012.5（单位：元）"),
    ("A31", "存在问题：一是项目进度滞后；二是金额单位为元，未换算为万元填报"), ("B11", "每村投资（单位：元）：50000"),
    ("A31", "改进措施：加强管理，注意：补助资金以元为单位发放到户"),
    # money paid after a money word's bracket, a note of subsidies paid out, a figure on the line after its label, a
    # rate per any measure (QA234 M1–M3)
    ("B11", "补助资金（单位：元）发放及时"), ("B11", "专项资金（单位：元）已全部下达"), ("B11", "项目资金（单位：元）拨付及时率100%"),
    ("A31", "注：补贴以元为单位发放到户"), ("A31", "说明：耕地地力保护补贴以元为单位发放到户"),
    ("A31", "注：补助标准为每人每年1200元，以元为单位发放到户"), ("B11", "补助标准：\n2000（单位：元）"),
    ("B11", "每所学校经费（单位：元）：80000"), ("B11", "每户每年补助资金（单位：元）：1200"),
    ("B11", "户均增收 2000（单位：元）"),
    # a year's figure after a rate and a space, a range of money, a date that is none, more measures, words of paying
    # or of a rate's figure after the bracket, a table that is not the form, goals' totals of other money (QA236 M1–M10)
    ("B11", "人均增收 2000（单位：元）"), ("B11", "补助标准1900-2000（单位：元）"), ("B11", "带动产值20180000（单位：元）"),
    ("B11", "每眼井补助资金（单位：元）：3000"), ("B11", "每张床位补助资金（单位：元）：2000"),
    ("B11", "补助资金（单位：元）按标准发放到户"), ("B11", "资金（单位：元）拨付进度滞后"), ("B11", "补助资金（单位：元）打卡发放"),
    ("B11", "人均增收（单位：元）不含转移性收入"), ("B11", "户均增收（单位：元）\n1500"),
    ("B11", "完成补助资金发放明细表（单位：元）公示"), ("B11", "农产品销售总额（单位：元）：2000000"),
    ("B11", "补助资金以元为单位发放，发放后同步公示"), ("B11", "表中补助资金以元为单位发放到户"),
    # a count after paying words, a numbered note of subsidies, a subsidy's name with 与, ordinary words with 亦同, a
    # project's own figure (QA238 M1–M3)
    ("B11", "补助资金（单位：元）发放及时，惠及农户1200户"), ("A31", "注：1.补贴资金以元为单位发放到户"),
    ("A31", "注：农机购置与应用补贴以元为单位发放到户"), ("B11", "补助资金以元为单位发放到户，各乡镇亦同"),
    ("B11", "单个项目投资（单位：元）：500000"),
    # a rate of 执行, a date, a count in 万人 after paying words; other people's money; a rate per village of a project's
    # money; 同期 (QA239 M1–M5)
    ("B11", "项目资金（单位：元）已全部拨付到位，执行率100%"), ("B11", "补助资金（单位：元）拨付及时。\n2024年项目按期完工"),
    ("B11", "补助资金（单位：元）发放及时，惠及1.2万人"), ("B11", "带动农户增收总额（单位：元）：2000000"),
    ("B11", "每村项目资金（单位：元）：200000"), ("B11", "补助资金以元为单位发放到户，受益户数同期增长10%"),
    # a note of two subsidies paid out, a count in numerals, 报表同口径 (QA240 M1–M3)
    ("A31", "注：补贴资金和奖补资金均以元为单位发放到户"), ("B11", "补助资金（单位：元）发放及时，惠及两百余户"),
    ("B11", "补助资金以元为单位发放到户，与上年报表同口径"),
    # the goal's words after a bracket, subsidies named with 费 or 投资, a source in another clause, a count after a
    # space (QA242 M1–M4)
    ("B11", "补助资金（单位：元）已足额发放，户数同去年持平"), ("A31", "注：取暖费补贴以元为单位发放到户"),
    ("A31", "注：投资奖补以元为单位兑付到户"), ("A31", "注：数据来源：惠农补贴发放系统；补贴资金以元为单位发放到户"),
    ("B11", "补助资金（单位：元）发放及时，惠及农户 1200 户"),
    # comparisons holding 同, a source in the clause before a comma, a count of villages after a space, subsidies named
    # with 费 (QA244 M1, M2)
    ("B11", "补助资金以元为单位发放到户，发放户数同口径增长5%"), ("B11", "补助资金以元为单位发放到户，发放表同公示名单一致"),
    ("A31", "注：数据来源于统计局，补贴以元为单位发放到户"), ("B11", "项目资金（单位：元）已全部拨付到位，完成 5 个村道路硬化"),
    ("A31", "注：伙食费补助和交通补贴均以元为单位发放到人"),
    ("B11", "补助资金（单位：元）已足额发放，受益群众 1.2 万人次"),  # (QA246 M1)
    # a subsidy named after the money's source, 后同步 (QA247 M1, M2); a count after a space that begins the words
    # counted (M3); a part's table or a part of the towns, never the form's (the wider scopes of QA247 H1)
    ("A31", "注：资金来源为中央衔接资金，补贴以元为单位发放到户"), ("A31", "注：经费来源为县级财政，护林员补贴以元为单位发放到人"),
    ("A31", "注：补助标准（单位：元），后同步调整"), ("B11", "补助资金（单位：元）已足额发放，惠及 1200 户脱贫户"),
    ("B11", "补助资金（单位：元）已足额发放，资助 3 所学校"), ("B11", "补助资金（单位：元）已足额发放，发放 1200 户次"),
    ("A31", "存在问题：报销单据金额单位为元"), ("A31", "存在问题：资金拨付滞后；部分报表金额单位为元。"),
    ("A31", "存在问题：\n1.资金拨付滞后；\n2.乡镇报表金额单位为元，汇总时已换算为万元"),
    # a count before 均已, counted nouns after a space, a bare 报表 in a sentence, a bank account's 币种, 下同类, other
    # units' figures, money paid quarterly or fixed per household (QA250)
    ("B11", "补助资金（单位：元）已足额发放，1200户均已到账"), ("B11", "补助资金（单位：元）已足额发放，惠及 1200 村民"),
    ("A31", "补助标准（单位：元）、下同类项目参照执行"), ("B11", "各乡镇预算数以元填报，汇总后以万元列示"),
    ("B11", "奖补款项以元计，按季度兑付"), ("B11", "补贴数额以元为单位核定到户"),
    # counts a verb of counting leads, a count before 均 and a verb, other units named in brackets (QA252 M1, M2, M4, M5)
    ("B11", "补助资金（单位：元）已足额发放，带动 1200 户增收"), ("B11", "补助资金（单位：元）已足额发放，建成 5000 亩高标准农田"),
    ("B11", "补助资金（单位：元）已足额发放，聘用 10 名护林员"), ("B11", "补助资金（单位：元）已足额发放，惠及 1200 农户"),
    ("B11", "补助资金（单位：元）已足额发放，1200户均收到补贴"), ("B11", "各乡（镇）预算数以元填报"),
    ("B11", "奖补款项以元计，按季度足额兑付"),
    # a verb of counting a few words or spaces before its figure, a figure written 1,200, other units' names (QA254 M1, M3)
    ("B11", "补助资金（单位：元）已足额发放，惠及全县 1200 户脱贫户"), ("B11", "补助资金（单位：元）已足额发放，惠及了 1200 户脱贫户"),
    ("B11", "补助资金（单位：元）已足额发放，共 1200 户受益"), ("B11", "补助资金（单位：元）已足额发放，惠及 1200 户，其中 300 户为监测户"),
    ("B11", "补助资金（单位：元）已足额发放，惠及\u3000\u30001200 户脱贫户"), ("B11", "补助资金（单位：元）已足额发放，惠及 1,200 户"),
    ("B11", "各行政村预算数以元填报"), ("B11", "各县区执行数以元为单位报送"),
    # counts a verb of counting leads before 优抚, 门店, 家庭; 万余; 均 before a verb saying all did (QA256 M1–M3)
    ("B11", "补助资金（单位：元）已足额发放，慰问 1200 名优抚对象"), ("B11", "补助资金（单位：元）已足额发放，新增 3 家门店"),
    ("B11", "补助资金（单位：元）已足额发放，惠及 1200 家庭"), ("B11", "补助资金（单位：元）已足额发放，惠及 1.2万余人"),
    ("B11", "补助资金（单位：元）已足额发放，全县1200户均脱贫"),

])
def test_a_wan_note_a_figures_own_unit_or_a_mention_of_yuan_reads_as_before(
        printed: Path, tmp_path: Path, at: str, note: str) -> None:
    """A note in 万元, a figure's or a price's own unit (补助标准（单位：元、角、分）, 元/吨), a problem found and a word
    holding 元 are no note of the form's amounts: the form scores as printed, and imports its 万元."""
    form = _typed(printed, tmp_path, {at: note})
    code, output = scored_form(form)
    assert "gives the amounts in" not in output, output
    assert 0 == code and "100.00 / 100" in output, output
    out = tmp_path / "facts.json"
    run = CliRunner().invoke(main, ["--lang", "en", "import", str(form), "-o", str(out)])
    assert 0 == run.exit_code, run.output
    assert 100 == json.loads(out.read_text(encoding="utf-8"))["facts"]["budget.total"]


def test_a_long_run_of_spaces_under_the_form_is_read_within_bounds(printed: Path, tmp_path: Path) -> None:
    """A cell under the funds block holding 32,000 spaces between its words (a clerk's padding, or a pasted column) is
    read once: looking for a note after a space began again at each space and tried each run of the rest, 35 CPU seconds
    for the cell. It is no note, and the form scores as printed, within the bounds the hostile inputs keep."""
    from hostile.bounded import run_bounded

    form = _typed(printed, tmp_path, {"A31": "等级：优秀" + " " * 32000 + "无", "B11": "完成。" + "（。 " * 10000 + "无"})
    outcome = run_bounded(lambda: scored_form(form), cpu_limit=10, timeout=60)
    assert "returned" == outcome.status, outcome
    code, output = outcome.value
    assert 0 == code and "100.00 / 100" in output, output


@pytest.mark.parametrize("piece", [" ", "（", "。（", "， ", "单 ", "金 额 ", "元、", "以 ", "注：", "※", "人民币：", "（元", "\u200b",
                                   "单位：元；", "（单位：元", "以元为单位，", "村，金额单位：元，", "问题：金额单位：元。", "\n",
                                   "资金（单位：元）已拨付1人", "资金（单位：元）已拨付带动1人"])
def test_a_cell_of_32000_characters_is_read_as_a_note_or_label_within_bounds(piece: str) -> None:
    """Whether a long cell of spaces, brackets or punctuation is a note or a unit's label is told in one pass of each
    pattern (each ran in under 0.05 s on 32,000 characters when QA225 2 widened them), within the bounds the hostile
    inputs keep. A cell of many notes or problem lines (单位：元； × 6400) took 3–5 s once each was looked at against
    the whole cell before it (QA227 7); under 0.1 s now."""
    from hostile.bounded import run_bounded
    from scoring_engine.forms.labels import money_unit, normal
    from scoring_engine.forms.unit_notes import money_note

    for text in (piece * (32000 // len(piece)), "金额单位：" + piece * (32000 // len(piece)) + "元x"):
        outcome = run_bounded(lambda text=text: (money_note(text), money_unit(text), normal(text)), cpu_limit=5, timeout=30)
        assert "returned" == outcome.status, (piece, outcome)

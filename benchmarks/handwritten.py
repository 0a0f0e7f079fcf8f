"""The national framework scored by hand in plain Python: the floor the engine is measured against.

The same rules as indicator_sets/national-framework.yaml, the same exact
arithmetic (Decimal, 四舍五入 to two places, the not-applicable rescaling), the
same cross-checks, and a reason for every indicator, written the way a
programmer would write one scorer for one set: no indicator set to read, no
plan, no audit trail beyond the reasons, and no checking of the facts beyond
what the arithmetic needs. benchmarks/score_batch.py checks that its total
equals the engine's on every project it scores.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

ZERO, ONE, CENT = Decimal(0), Decimal(1), Decimal("0.01")
TOTAL = Decimal(100)
GRADES = ((Decimal(90), "优"), (Decimal(80), "良"), (Decimal(60), "中"), (ZERO, "差"))
# (id, weight) of every 二级 indicator with the ids of its leaves, in the framework's order
TREE = (
    ("decision", ("decision.project", ("decision.project.basis", "decision.project.procedure")),
     ("decision.goals", ("decision.goals.reasonable", "decision.goals.clear")),
     ("decision.funds", ("decision.funds.budget", "decision.funds.allocation"))),
    ("process", ("process.funds", ("process.funds.arrival", "process.funds.execution", "process.funds.compliance")),
     ("process.organization", ("process.organization.rules", "process.organization.execution"))),
    ("output", ("output.quantity", ("output.quantity.completion",)), ("output.quality", ("output.quality.rate",)),
     ("output.timeliness", ("output.timeliness.ontime",)), ("output.cost", ("output.cost.saving",))),
    ("benefit", ("benefit.effects", ("benefit.effects.social", "benefit.effects.economic", "benefit.effects.ecological",
                                     "benefit.effects.sustainable")),
     ("benefit.satisfaction", ("benefit.satisfaction.beneficiaries",))),
)
WEIGHTS = {
    "decision.project.basis": 3, "decision.project.procedure": 3, "decision.goals.reasonable": 3, "decision.goals.clear": 2,
    "decision.funds.budget": 2, "decision.funds.allocation": 2, "process.funds.arrival": 4, "process.funds.execution": 6,
    "process.funds.compliance": 5, "process.organization.rules": 4, "process.organization.execution": 6,
    "output.quantity.completion": 10, "output.quality.rate": 8, "output.timeliness.ontime": 6, "output.cost.saving": 6,
    "benefit.effects.social": 6, "benefit.effects.economic": 4, "benefit.effects.ecological": 4,
    "benefit.effects.sustainable": 6, "benefit.satisfaction.beneficiaries": 10,
}
WEIGHTS = {k: Decimal(v) for k, v in WEIGHTS.items()}


@dataclass
class Scored:
    total: Decimal
    grade: str
    scores: dict[str, Decimal]
    reasons: dict[str, str]
    warnings: list[str]


def r2(value: Decimal) -> Decimal:
    return value.quantize(CENT, ROUND_HALF_UP)


def num(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(value)


def pct(rate: Decimal) -> str:
    return f"{r2(rate * 100)}%"


def checklist(elements: list[tuple[str, Decimal, Decimal, str]]) -> tuple[Decimal, str]:
    """(raw score, reason) of elements given as (name, points, points earned, why a point was lost)."""
    earned = sum((e[2] for e in elements), ZERO)
    missed = [f"{name}：{why}（扣{points - got}分）" for name, points, got, why in elements if got < points]
    if not missed:
        return earned, f"要点均已满足（共{len(elements)}项），得满分{r2(earned)}分"
    lost = sum((points - got for _, points, got, _ in elements), ZERO)
    return earned, f"{'；'.join(missed)}；扣{r2(lost)}分，得{r2(earned)}分"


def met(name: str, points: Decimal, value: bool, why: str) -> tuple[str, Decimal, Decimal, str]:
    return name, points, points if value else ZERO, why


def found(name: str, points: Decimal, findings: list[Any], each: Decimal) -> tuple[str, Decimal, Decimal, str]:
    texts = [f if isinstance(f, str) else f["text"] for f in findings]
    deducted = sum((num(f["points"]) if isinstance(f, dict) and "points" in f else each for f in findings), ZERO)
    return name, points, max(points - deducted, ZERO), "；".join(texts)


def proportional(rate: Decimal, weight: Decimal) -> tuple[Decimal, str]:
    capped = min(rate, ONE)
    if capped == ONE:
        return weight, f"完成率{pct(rate)}，达到目标，得满分{r2(weight)}分"
    raw = capped * weight
    return raw, f"完成率{pct(capped)}，得分 = {weight} × {pct(capped)} = {r2(raw)}分"


def months_between(start: datetime.date, end: datetime.date) -> int:
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if months > 0 and end.day < start.day:
        months -= 1
    elif months < 0 and end.day > start.day:
        months += 1
    return months


def band(value: Decimal, bands: tuple[tuple[Decimal, Decimal], ...]) -> Decimal:
    """Points of the first band whose min (inclusive) the value reaches; bands highest first."""
    for low, points in bands:
        if value >= low:
            return points
    return ZERO


def score_national(document: dict[str, Any]) -> Scored:
    """Score one project's facts document against the national framework."""
    f = document["facts"]
    d, b, p, o, s = f["decision"], f["budget"], f["process"], f["output"], f["survey"]
    raw: dict[str, tuple[Decimal, str]] = {}
    w = WEIGHTS
    basis = d["basis"]
    raw["decision.project.basis"] = checklist([
        met("①符合法律法规和政策规划", Decimal("0.6"), basis["policy"], "立项不符合相关法律法规、发展规划或政策"),
        met("②符合行业发展规划", Decimal("0.6"), basis["industry"], "立项不符合行业发展规划和政策要求"),
        met("③与部门职责相符", Decimal("0.6"), basis["duty"], "立项与部门职责范围不符"),
        met("④属于公共财政支持范围", Decimal("0.6"), basis["public"], "不属于公共财政支持范围或不符合事权划分原则"),
        met("⑤不与其他项目重复", Decimal("0.6"), basis["no_overlap"], "与同类项目或部门内部相关项目重复")])
    procedure = d["procedure"]
    raw["decision.project.procedure"] = checklist([
        met("①按规定程序申请设立", ONE, procedure["followed"], "未按规定程序申请设立"),
        met("②审批文件、材料符合要求", ONE, procedure["documents"], "审批文件、材料不符合相关要求"),
        found("③事前论证评估", ONE, procedure["review_gaps"], Decimal("0.2"))])
    goals, quarter = d["goals"], Decimal("0.75")
    raw["decision.goals.reasonable"] = checklist([
        met("①有绩效目标", quarter, goals["set"], "未设定绩效目标"),
        met("②目标与工作内容相关", quarter, goals["related"], "绩效目标与实际工作内容相关性不强"),
        met("③目标符合正常业绩水平", quarter, goals["level"], "预期产出效益和效果偏离正常业绩水平"),
        met("④目标与资金量匹配", quarter, goals["matched"], "绩效目标与预算资金量不匹配")])
    clear, half = d["indicators"], Decimal("0.5")
    raw["decision.goals.clear"] = checklist([
        met("①目标细化分解为指标", ONE, clear["detailed"], "绩效目标未细化分解为具体的绩效指标"),
        met("②指标清晰可衡量", half, clear["measurable"], "绩效指标不清晰、不可衡量"),
        met("③指标与任务数相对应", half, clear["matched"], "绩效指标与目标任务数或计划数不对应")])
    budget = d["budget"]
    raw["decision.funds.budget"] = checklist([
        met("①经过科学论证", half, budget["reviewed"], "预算编制未经科学论证"),
        met("②预算内容与项目内容匹配", half, budget["matched"], "预算内容与项目内容不匹配"),
        met("③测算依据充分", half, budget["basis"], "预算额度测算依据不充分或未按标准编制"),
        met("④资金量与工作任务匹配", half, budget["workload"], "预算资金量与工作任务不匹配")])
    allocation = d["allocation"]
    raw["decision.funds.allocation"] = checklist([
        met("①分配依据充分", ONE, allocation["basis"], "资金分配依据不充分"),
        met("②分配额度合理", ONE, allocation["fit"], "资金分配额度与项目单位或地方实际不相适应")])
    total, arrived, paid = num(b["total"]), num(b["arrived"]), num(b["paid"])
    raw["process.funds.arrival"] = proportional(arrived / total, w["process.funds.arrival"])
    raw["process.funds.execution"] = proportional(paid / arrived if arrived else ZERO, w["process.funds.execution"])
    findings = p["compliance_findings"]
    deducted = sum((num(x["points"]) if isinstance(x, dict) and "points" in x else ONE for x in findings), ZERO)
    if len(findings) >= 4:
        raw["process.funds.compliance"] = ZERO, f"发现{len(findings)}处问题，达到4处，不得分"
    elif not findings:
        raw["process.funds.compliance"] = Decimal(5), "未发现问题，得满分5.00分"
    else:
        left = max(Decimal(5) - deducted, ZERO)
        raw["process.funds.compliance"] = left, f"发现{len(findings)}处问题，扣{min(deducted, Decimal(5))}分，得{r2(left)}分"
    rules, execution, two = p["rules"], p["execution"], Decimal(2)
    raw["process.organization.rules"] = checklist([
        met("①制度已制定", two, rules["exist"], "未制定相应的财务和业务管理制度"),
        found("②制度合法合规完整", two, rules["defects"], ONE)])
    raw["process.organization.execution"] = checklist([
        found("①遵守法律法规和管理规定", two, execution["violations"], ONE),
        met("②调整手续完备", ONE, execution["changes_approved"], "项目调整或支出调整手续不完备"),
        found("③资料齐全并及时归档", two, execution["missing_archives"], half),
        met("④实施条件落实到位", ONE, execution["conditions_ready"], "人员条件、场地设备或信息支撑未落实到位")])
    planned, actual, qualified = num(o["planned"]), num(o["actual"]), num(o["qualified"])
    raw["output.quantity.completion"] = proportional(actual / planned, w["output.quantity.completion"])
    raw["output.quality.rate"] = proportional(qualified / actual if actual else ZERO, w["output.quality.rate"])
    late = max(months_between(datetime.date.fromisoformat(o["planned_end"]), datetime.date.fromisoformat(o["actual_end"])), 0)
    six = Decimal(6)
    if late == 0:
        raw["output.timeliness.ontime"] = six, f"按期完成（延期{late}个月），得满分6.00分"
    else:
        cut = min(Decimal(late), six)
        raw["output.timeliness.ontime"] = six - cut, f"延期{late}个月，每延期1个月扣1分，扣{cut}分，得{r2(six - cut)}分"
    cost_planned = num(o["cost_planned"])
    saving = (cost_planned - num(o["cost_actual"])) / cost_planned
    points = band(saving, ((ZERO, six), (Decimal("-0.05"), Decimal(4)), (Decimal("-0.1"), two)))
    raw["output.cost.saving"] = points, f"{pct(saving)}，得{r2(points)}分"
    for name in ("social", "economic", "ecological", "sustainable"):
        tier = f["benefit"][name]
        raw[f"benefit.effects.{name}"] = num(tier["score"]), f"{tier['tier']}，得{r2(num(tier['score']))}分：{tier['reason']}"
    counts = [num(s[k]) for k in ("very_satisfied", "satisfied", "neutral", "dissatisfied", "very_dissatisfied")]
    valid = sum(counts, ZERO)
    if s.get("method", "ratio") == "weighted":
        rate = (counts[0] + counts[1] * Decimal("0.75") + counts[2] * half + counts[3] * Decimal("0.25")) / valid
    else:
        rate = (counts[0] + counts[1]) / valid
    points = band(rate, ((Decimal("0.9"), Decimal(10)), (Decimal("0.8"), Decimal(8)), (Decimal("0.6"), Decimal(5))))
    raw["benefit.satisfaction.beneficiaries"] = points, f"{pct(rate)}，得{r2(points)}分"
    warnings = _checks(b, o, valid)
    return _totals(raw, document.get("not_applicable", {}), warnings)


def _checks(b: dict[str, Any], o: dict[str, Any], valid: Decimal) -> list[str]:
    total, arrived, paid = num(b["total"]), num(b["arrived"]), num(b["paid"])
    sources = b.get("sources", {})
    given = sum((num(sources.get(k, 0)) for k in ("central", "local", "other")), ZERO)
    warnings = []
    if arrived > total:
        warnings.append("实际到位资金超过预算资金，请核对")
    if paid > arrived:
        warnings.append("实际支出资金超过实际到位资金，请核对")
    if given not in (0, total):
        warnings.append("资金来源合计与预算资金不一致，请核对")
    if num(o["qualified"]) > num(o["actual"]):
        warnings.append("质量达标产出数超过实际产出数，请核对")
    if valid < 30:
        warnings.append("满意度调查有效样本少于30份，结果代表性不足")
    return warnings


def _totals(raw: dict[str, tuple[Decimal, str]], not_applicable: dict[str, str], warnings: list[str]) -> Scored:
    """Leaves rounded (rescaled over the applicable ones when some are not applicable), parents summed, the grade."""
    used = _rescaled(not_applicable) if not_applicable else WEIGHTS
    scores: dict[str, Decimal] = {}
    reasons: dict[str, str] = {}
    for leaf, weight in WEIGHTS.items():
        if leaf in not_applicable:
            scores[leaf], reasons[leaf] = ZERO, f"不适用（{not_applicable[leaf]}），分值按比例分配至其他指标"
            continue
        points, reasons[leaf] = raw[leaf]
        scores[leaf] = r2(min(max(points, ZERO), weight))
    if not_applicable:
        for leaf, lost in _converted_losses(scores, used, not_applicable).items():
            scores[leaf] = used[leaf] - lost
            reasons[leaf] += f"；因其他指标不适用，分值由{WEIGHTS[leaf]}调整为{used[leaf]}，折算得{scores[leaf]}分"
    total = ZERO
    for top, *middles in TREE:
        top_score = ZERO
        for middle, leaves in middles:
            scores[middle] = sum((scores[leaf] for leaf in leaves), ZERO)
            top_score += scores[middle]
        scores[top] = top_score
        total += top_score
    grade = next(label for floor, label in GRADES if total >= floor)
    return Scored(total, grade, scores, reasons, warnings)


def _converted_losses(scores: dict[str, Decimal], used: dict[str, Decimal],
                      not_applicable: dict[str, str]) -> dict[str, Decimal]:
    """The points each applicable leaf loses once converted (填表说明: the applicable scores added up, then converted
    to 100 at once): the total's loss shared by largest remainder of the exact losses (weight − score) × 100 ÷ the
    applicable weights, ties in order; a leaf at full marks loses none and one at 0 all of its weight, unless no
    other leaf can take a unit."""
    applicable = [k for k in WEIGHTS if k not in not_applicable]
    factor = Fraction(TOTAL) / Fraction(sum((WEIGHTS[k] for k in applicable), ZERO))
    added = sum((Fraction(scores[k]) for k in applicable), Fraction(0)) * factor
    total = r2(Decimal(added.numerator) / Decimal(added.denominator))
    exact = {k: (Fraction(WEIGHTS[k]) - Fraction(scores[k])) * factor * 100 for k in applicable}  # in cents
    losses = {k: 0 for k in applicable}
    partial, full = [], []
    for k in applicable:
        if not scores[k]:
            losses[k] = int(used[k] * 100)
        elif scores[k] == WEIGHTS[k]:
            full.append(k)
        else:
            losses[k] = min(max(exact[k].numerator // exact[k].denominator, 0), int(used[k] * 100))
            partial.append(k)
    left = int((TOTAL - total) * 100) - sum(losses.values())
    if left > 0:
        rounded_up = {k: int(used[k] * 100) - Fraction(WEIGHTS[k]) * factor * 100 for k in full}
        for order in (sorted(partial, key=lambda k: exact[k] - losses[k], reverse=True),
                      sorted(full, key=lambda k: rounded_up[k], reverse=True)):
            while left > 0 and any(losses[k] < used[k] * 100 for k in order):
                for k in order:
                    if left and losses[k] < used[k] * 100:
                        losses[k] += 1
                        left -= 1
    elif left < 0:
        for order in (sorted(partial, key=lambda k: exact[k] - losses[k]),
                      [k for k in applicable if k not in partial and k not in full]):
            while left < 0 and any(losses[k] > 0 for k in order):
                for k in order:
                    if left and losses[k] > 0:
                        losses[k] -= 1
                        left += 1
    return {k: Decimal(v) * CENT for k, v in losses.items()}


def _rescaled(not_applicable: dict[str, str]) -> dict[str, Decimal]:
    """The applicable leaves' weights scaled to add up to 100 at two places (largest remainder, ties in order)."""
    applicable = {k: v for k, v in WEIGHTS.items() if k not in not_applicable}
    whole = sum(applicable.values(), ZERO)
    exact = {k: v * TOTAL / whole for k, v in applicable.items()}
    shares = {k: v.quantize(CENT, ROUND_FLOOR) for k, v in exact.items()}
    left = int((TOTAL - sum(shares.values(), ZERO)) / CENT)
    for k in sorted(applicable, key=lambda k: exact[k] - shares[k], reverse=True)[:left]:
        shares[k] += CENT
    return {**{k: ZERO for k in not_applicable}, **shares}

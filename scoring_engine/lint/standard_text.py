"""The numbers a 评分标准 states, read from the phrasings real scoring standards use.

Each reader finds one kind of statement and returns what it states with the
words that state it (`Stated.quote`), for lint to compare with the rule:

- per finding: "每发现一处问题扣1分", "每缺一项扣0.2分", "每延期1个月扣1分", "每低1个百分点扣分值的5%", "每处扣减1分",
  with the words of its sentence before it ("存在截留、挤占、挪用的，每处扣5分": the findings it is for);
- a count that takes the whole: "发现4处及以上问题的，该项不得分", "5处及以上不得分";
- full marks: "得分 = 资金到位率 × 4分", "最高10分", "超额完成的按10分计", "合格得4分，否则不得分";
- the elements (要点) ①②③…, each with its points "（1分）" and its own deduction, and "每项0.6分", "各2分";
- bands: "≥90%得10分", "80%（含）–90%得8分", "低于60%不得分", "−5%（含）至0）得4分", and the points in a clause of their
  own: "执行率≥90%的，得10分", "执行率达到90%的，满分10分", "80%≤执行率<90%的，计8分";
- tiers: "达成年度指标得分值的80%–100%", "部分达成并具有一定效果得2.4–3.2分", "好（85%–100%）";
- a zero line: "完成率低于60%不得分", "80%及以下不得分", "超期3个月及以上不得分" (a time with its unit);
- the step a deduction is per, where it has a unit: "每超期1个月", "每超期30天", "每低1个百分点";
- a cap on what is deducted: "最多扣6分", "各类问题合计最多扣6分" (not "同类问题最多扣2分", "各项最多扣2分");
- a panel's parts "现场核查占60%", its trimming "去掉一个最高分和一个最低分", its scale "百分制";
- a tolerance "允许偏差5%".

A number written with % is kept as written (60 for "60%") with `percent` set:
the comparison decides whether the rule says 0.6 or 60.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

from .._record import record
from .._patterns import compile_later

__all__ = ["BandStated", "Stated", "Standard", "TierStated"]

# A number as standards write them: at most 15 digits each side of the point, never part of a longer run of digits
# (a standard stating a number of thousands of digits is no standard to compare, and would overflow the arithmetic)
_NUMBER = r"(?<![\d.])[−-]?\d{1,15}(?:\.\d{1,15})?(?![\d.])"
_COUNT = r"(?<!\d)\d{1,15}(?!\d)|[一二两三四五六七八九十]+"
_DASH = r"\s*(?:[–—~～\-至]|到)\s*"
_INCLUSIVE = r"(?:[（(]含[）)])?"
_ZERO = r"(?:的)?[，,]?\s*(?:该项|该指标)?(?:不得分|得0分)"
_MARKERS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_CHINESE_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

_FRACTION = r"(?<!\d)\d{1,15}/[1-9]\d{0,14}(?!\d)"
_PER_FINDING = compile_later(r"每(?P<what>[^，,。；;（）()每扣]{1,20}?)扣(?:减|除)?(?:分值的(?:(?P<fraction>" + _FRACTION
                             + r")|(?P<share>" + _NUMBER + r")%)|(?P<points>" + _NUMBER + r")分)", needs="每")
_ZERO_AT_COUNT = compile_later(r"(?P<n>" + _COUNT + r")(?:处|项|次|起|个)(?:及|或)?以上(?:问题|违规|缺陷)?" + _ZERO, needs="以")
_FULL_MARKS = (compile_later(r"[×xX*]\s*(?P<n>" + _NUMBER + r")\s*分"),
               compile_later(r"最高(?:得)?(?P<n>" + _NUMBER + r")分"),
               compile_later(r"按(?P<n>" + _NUMBER + r")分计"),
               compile_later(r"得(?P<n>" + _NUMBER + r")分[，,]\s*否则(?:不得分|得0分)"))
# 得分 = 8 × 计划成本 ÷ 实际成本; 按期完成得10分；每超期1个月扣2分: the full marks, then what a shortfall costs. Read only
# in a text without 要点 ①②…, where they are each element's points (QA61 F4).
_WHOLE_MARKS = (compile_later(r"得分\s*[=＝]\s*(?P<n>" + _NUMBER + r")\s*[×xX*]"),
                compile_later(r"得(?P<n>" + _NUMBER + r")分[；;，,]\s*每[^，,。；;]{1,20}?扣"))
# what each 要点 is worth, said as its points or as what one missing costs: 每项0.6分, 各2分, 每少1项扣2分, 每缺一项扣1分,
# 每有一项不符合扣1分, 不符合一项扣3分 (QA170 F4)
# what each part is worth ('每项0.6分', '各2分'): the whole's points split, no full marks; what one missing costs
# ('每缺一项扣2分') leaves '最高10分' the whole's (QA171 F2)
_EACH_PART = compile_later(r"(?:每项|各)(?P<n>" + _NUMBER + r")分")
_EACH_ITEM = compile_later(r"(?:每项(?:[^，,。；;扣每\d]{0,6}扣(?:减|除)?)?|各|(?:每(?:少|缺少?|缺失|有)|不符合|缺少?)[1一]项"
                           r"[^，,。；;扣每]{0,6}扣(?:减|除)?)(?P<n>"
                           + _NUMBER + r")分", needs="分")
_ELEMENT_POINTS = compile_later(r"[（(](?P<n>" + _NUMBER + r")分")
# (never from inside a run of spaces, where a match from the run's first space is found first: searched from each space
# of a run, 16,000 spaces in a standard took 21.6 s to lint, QA299 F5)
_POINTS_AT_END = compile_later(r"(?:得|为|(?<!\s))\s*+(?:(?P<n>" + _NUMBER + r")分|(?P<zero>不得分)|(?P<full>满分))\s*$")
# a zero line's number: a percentage, or a time with its unit ('超期3个月及以上不得分')
_TIME = r"(?P<unit>个月|个?工作日|天|日|周|年)"
_LINE = r"(?:超期|延期|逾期)?(?P<n>" + _NUMBER + r")(?:(?P<pct>%|个百分点)|" + _TIME + r")?"
_ZERO_LINE = (compile_later(r"(?:低于|小于|不足|未达到)\s*" + _LINE + _ZERO),
              compile_later(_LINE + _INCLUSIVE + r"(?:及)?以下" + _ZERO),
              compile_later(r"(?:超过|高于|大于)\s*" + _LINE + _ZERO),
              compile_later(_LINE + _INCLUSIVE + r"(?:及)?以上" + _ZERO))
# the size of the step a deduction is per: '每超期1个月' (1, 个月), '每低1个百分点' (1, %)
_STEP = compile_later(r"(?P<n>" + _NUMBER + r"|[一二两三四五六七八九十]+)\s*(?:(?P<pct>%|个百分点)|" + _TIME + r")$")
_MOST_DEDUCTED = compile_later(r"(?:(?:最多|最高|至多)扣(?:减)?|扣分(?:最多|不超过))(?P<n>" + _NUMBER + r")分"
                               r"(?P<note>[（(]扣完为止[）)])?")
# words before a cap that make it a cap on part of the findings: '同类问题最多扣2分' (QA121 F4)
_PART = compile_later(r"同类|同一|单项|每类|每项|各类|各项|单个|每个|单次|每次|单笔|每笔|分别")
# all the parts summed: '以上各项累计最多扣6分', '各类问题合计最多扣6分' cap the whole (QA122 F2)
_ALL_PARTS = compile_later(r"各[类项][^，,；;。]{0,10}?(?:累计|合计|总计|共)")
_TRIM = compile_later(r"去掉(?P<n>" + _COUNT + r")个最高分")
_SCALE = compile_later(r"百分制|满分(?:为)?(?P<n>" + _NUMBER + r")分")
_TOLERANCE = compile_later(r"(?:允许|容许)(?:偏差|误差)(?:为|不超过)?\s*(?P<n>" + _NUMBER + r")%")

# A range of values before the points of a band: (pattern, which bound each of its two numbers is).
# '5个百分点' is a percentage too: a difference of rates, 0.05 where the rule reads a ratio (QA121 F1)
_NAME = r"[^\d≤<＜≥>＞，,；;。（）()]{1,15}?"  # the name of what a band reads between its two bounds: 执行率
_A = r"(?P<a>" + _NUMBER + r")(?P<ap>%|个百分点)?"
_B = r"(?P<b>" + _NUMBER + r")(?P<bp>%|个百分点)?"
_A_TIER = r"(?P<a>" + _NUMBER + r")(?:(?P<ap>%|个百分点)|(?P<at>分))?"  # 好（8分–10分）: points after both bounds
# a tier's bound that says whether it holds its own number, as the Hubei set writes: 80%（含）–100%, 50%（含）–80%（不含）
_TIER_END = r"(?:[（(]不?含[）)])?"
# a low bound the text says the band does not hold: '>80%', '高于80%', '80%以上（不含80%）', '80%以上（不含）'
_OPEN_LOW = compile_later(r"^(?:>|＞|高于|超过|大于)(?!=)|以上[（(]不含")
_RANGES = (
    compile_later(_A + _INCLUSIVE + _DASH + _B),
    compile_later(r"(?:≥|>=|＞=|不低于|不少于|大于等于|达到)\s*" + _A),
    compile_later(_A + _INCLUSIVE + r"(?:及)?以上"),
    compile_later(r"(?:>|＞|高于|超过|大于)\s*" + _A),
    compile_later(r"(?:<|＜|低于|小于|不足|未达到|未满)\s*" + _B),
    compile_later(_B + _INCLUSIVE + r"(?:及)?以下"),
    compile_later(r"(?:≤|<=|不超过|不高于|小于等于)\s*" + _B),
    # both bounds around the quantity's name: '80%≤执行率<90%', '90%>执行率≥80%' (QA170 F5)
    compile_later(_A + r"\s*(?:≤|<=|＜=|<|＜)\s*" + _NAME + r"\s*(?:<|＜|≤|<=|＜=)\s*" + _B),
    compile_later(_B + r"\s*(?:≥|>=|＞=|>|＞)\s*" + _NAME + r"\s*(?:>|＞|≥|>=|＞=)\s*" + _A),
)
# the points of a band said in a clause of their own after its range: '执行率≥90%的，得10分', '…的，满分10分', '…，计8分',
# '…，给予满分', '…，该项不得分' (QA170 F5); not a deduction ('…，扣2分') nor a cap ('…，最高10分')
_POINTS_ALONE = compile_later(r"\s*+(?:则|即)?(?:该项|该指标|本项|此项)?(?:可)?(?:得分为?|得|计|记|给予?|评为?|赋|为)?\s*+"
                              r"(?:满分(?:为)?\s*)?(?:" + _NUMBER + r"\s*分|不得分|满分)\s*")


@record
class Stated:
    """A number the text states: as written (60 for "60%"), whether with %, the words stating it, and where they start."""

    value: Decimal
    quote: str
    percent: bool = False
    start: int = 0
    fraction: Fraction | None = None  # a share written as a fraction ("扣分值的1/3"), exactly
    clause: str = ""  # a deduction's words from the start of its sentence: '存在截留、挤占、挪用的，每处扣5分'
    unit: str = ""  # a time's unit: 个月, 天, 周, 年, 个工作日
    inclusive: bool = False  # a zero line that holds its own number: '5个月及以上', '80%（含）以下'


@record
class BandStated:
    """A band the text states: its range (None for an open side) and its points (None: full marks)."""

    low: Decimal | None
    high: Decimal | None
    percent: bool
    points: Decimal | None
    quote: str
    start: int
    low_open: bool = False  # a low bound the band does not hold: '>80%', '高于80%', '80%以上（不含80%）' (QA309 8)


@record
class TierStated:
    """A tier's range as the text states it: shares of the weight (`percent`) or points."""

    label: str
    low: Decimal
    high: Decimal
    percent: bool
    quote: str
    start: int


def _number(text: str) -> Decimal:
    return Decimal(text.replace("−", "-"))


def _count(text: str) -> Decimal:
    if text.isdigit():
        return Decimal(text)
    if text.startswith("十"):  # 十, 十二
        return Decimal(10 + (_CHINESE_DIGITS[text[1]] if len(text) > 1 else 0))
    tens = _CHINESE_DIGITS[text[0]] * (10 if text[1:2] == "十" else 1)  # 三, 二十, 二十五
    return Decimal(tens + (_CHINESE_DIGITS[text[2]] if len(text) > 2 else 0))


def _unit(text: str | None) -> str:
    """A time's unit as one spelling: 日 is 天, 工作日 is 个工作日."""
    return {"日": "天", "工作日": "个工作日"}.get(text or "", text or "")


def _quote(text: str) -> str:
    text = text.strip(" ，,；;。")
    return text if len(text) <= 40 else text[:39] + "…"


class Standard:
    """One 评分标准 text and the readers of what it states."""

    def __init__(self, text: str) -> None:
        self.text = text.replace("％", "%")

    def per_finding(self, text: str | None = None) -> list[Stated]:
        """What each finding deducts: points, or (percent) a share of the weight."""
        found = []
        text = self.text if text is None else text
        for m in _PER_FINDING.finditer(text):
            share, fraction = m.group("share"), m.group("fraction")
            clause = text[max(text.rfind(mark, 0, m.start()) for mark in "；;。\n") + 1: m.end()]
            if fraction is not None:  # 1/3 of the weight: never 0.33, which the text does not say
                exact = Fraction(fraction)
                found.append(Stated(Decimal(exact.numerator) / exact.denominator * 100, _quote(m.group(0)), True, m.start(),
                                    exact, clause=clause))
                continue
            found.append(Stated(_number(share or m.group("points")), _quote(m.group(0)), share is not None, m.start(),
                                clause=clause))
        return found

    def steps(self) -> list[Stated]:
        """The step each deduction is per, where the text gives it a unit: '每超期1个月' (1, 个月), '每低1个百分点' (1%)."""
        found = []
        for m in _PER_FINDING.finditer(self.text):
            step = _STEP.search(m.group("what"))
            if step:
                n = step.group("n")
                found.append(Stated(_number(n) if n[0] not in _CHINESE_DIGITS else _count(n), _quote(m.group(0)),
                                    bool(step.group("pct")), m.start(), unit=_unit(step.group("unit"))))
        return found

    def zero_at_count(self) -> list[Stated]:
        return [Stated(_count(m.group("n")), _quote(m.group(0)), start=m.start()) for m in _ZERO_AT_COUNT.finditer(self.text)]

    def most_deducted(self) -> list[Stated]:
        """A cap on what the findings deduct together: '最多扣6分', '最多扣6分（扣完为止）'. Not a cap on part of them
        ('同类问题最多扣2分', '同一问题多次出现的，最多扣1分'), nor one beside a 扣完为止 of its own, which says the
        whole can be deducted (QA121 F4)."""
        found = []
        for m in _MOST_DEDUCTED.finditer(self.text):
            before = self.text[: m.start()]
            # the words since the last sentence or points: a qualifier may lead the clause ('同一问题多次出现的，最多扣1分',
            # '对同类问题，最多扣2分': QA122 F3), while '每项扣1分，最多扣6分' ends at its points
            clause = before[max(before.rfind(mark) for mark in "；;。分") + 1:]
            if _PART.search(_ALL_PARTS.sub("", clause)) or self.text.count("扣完为止") > (1 if m.group("note") else 0):
                continue
            found.append(Stated(_number(m.group("n")), _quote(self.text[m.start(): m.end("n") + 1]), start=m.start()))
        return found

    def full_marks(self) -> list[Stated]:
        """The points the text gives at most: '× 4分', '最高10分', '按10分计', '得3分，否则不得分', '得分 = 8 × …',
        '得10分；每超期1个月扣2分'.

        None when the text splits the points into parts ('各2分'), and no '× N分' when it multiplies more than once
        ('当年资金到位率 × 2分' for each of two years): then each is a part's points, not the whole's.
        """
        if self.each_item(_EACH_PART):
            return []
        found = []
        for i, pattern in enumerate(_FULL_MARKS + (() if self.elements() else _WHOLE_MARKS)):
            matches = list(pattern.finditer(self.text))
            if i > 0 or len(matches) == 1:
                found += [Stated(_number(m.group("n")), _quote(m.group(0)), start=m.start()) for m in matches]
        return sorted(found, key=lambda s: s.start)

    def elements(self) -> list[tuple[str, int]]:
        """The text of each element ①, ②, … with where it starts; none unless they run from ① in order."""
        found: list[int] = []
        for start in (self.text.find(mark) for mark in _MARKERS):
            if start < 0:
                break
            if found and start < found[-1]:
                return []
            found.append(start)
        if not found or any(self.text.count(mark) > 1 for mark in _MARKERS[: len(found)]):
            return []
        end = self.text.find("。", found[-1])
        ends = [*found[1:], end if end >= 0 else len(self.text)]
        return [(self.text[start:stop], start) for start, stop in zip(found, ends, strict=True)]

    def element_points(self, chunk: str, start: int) -> Stated | None:
        m = _ELEMENT_POINTS.search(chunk)
        return Stated(_number(m.group("n")), _quote(chunk[: m.end() + 1]), start=start) if m else None

    def each_item(self, pattern: re.Pattern[str] = _EACH_ITEM) -> list[Stated]:
        """'每项0.6分', '各2分', '每少1项扣2分' outside the elements' own text (with _EACH_PART: only the parts' points)."""
        outside = self.text
        for chunk, start in self.elements():
            outside = outside[:start] + " " * len(chunk) + outside[start + len(chunk):]
        return [Stated(_number(m.group("n")), _quote(m.group(0)), start=m.start()) for m in pattern.finditer(outside)]

    def bands(self) -> list[BandStated]:
        """Each part of the text that ends with points and holds a range before them."""
        found: list[BandStated] = []
        for segment, start in _band_clauses(self.text):
            points = _POINTS_AT_END.search(segment)
            if not points:
                continue
            band = _range(segment[: points.start()])
            if band is None:
                continue
            low, high, percent, at = band
            worth = Decimal(0) if points.group("zero") else None if points.group("full") else _number(points.group("n"))
            # the clause that states the band: not a note in brackets before its range ('满意度（非常满意100%…）≥90%得5分')
            clause = segment[max(segment.rfind("）", 0, at), segment.rfind(")", 0, at)) + 1:]
            open_low = low is not None and high is None and _OPEN_LOW.search(segment[at: points.start()]) is not None
            found.append(BandStated(low, high, percent, worth, _quote(clause), start, open_low))
        return found

    def tiers(self, labels: list[str]) -> list[TierStated]:
        """'<label>得(分值的)A–B(%|分)' for each tier label, longest first (one label may hold another); a share followed by
        its points in brackets ('得分值的80%–100%（4.8–6分）') states both, and a rescale leaves only the share right."""
        found: list[TierStated] = []
        taken: set[int] = set()
        for label in sorted(labels, key=len, reverse=True):
            for m in _tier_matches(label, self.text):
                if m.start() in taken:
                    continue
                taken.update(range(m.start(), m.start() + len(label)))
                low, high = sorted((_number(m.group("a")), _number(m.group("b"))))
                percent = bool(m.group("ap") or m.group("bp"))
                found.append(TierStated(label, low, high, percent, _quote(_from_clause(self.text, m)), m.start()))
                if percent and m.groupdict().get("in"):
                    low, high = sorted((_number(m.group("c")), _number(m.group("d"))))
                    found.append(TierStated(label, low, high, False, _quote(m.group("in")), m.start("in")))
        return sorted(found, key=lambda t: t.start)

    def zero_lines(self) -> list[tuple[Stated, bool]]:
        """A value beyond which nothing is scored, and whether below it ('低于60%不得分', '80%及以下不得分') or above it."""
        found = [(Stated(_number(m.group("n")), _quote(m.group(0)), bool(m.group("pct")), m.start(), unit=_unit(m.group("unit")),
                         inclusive=i in (1, 3) and ("及" in m.group(0) or "含" in m.group(0))), i < 2)
                 for i, p in enumerate(_ZERO_LINE) for m in p.finditer(self.text)]
        return sorted(found, key=lambda s: s[0].start)

    def part_shares(self, names: list[str]) -> list[tuple[str, Stated]]:
        found = []
        for name in names:
            m = re.search(re.escape(name) + r"(?:占|权重|比重)\s*(?P<n>" + _NUMBER + r")%", self.text)
            if m:
                found.append((name, Stated(_number(m.group("n")), _quote(m.group(0)), True, m.start())))
        return found

    def trim(self) -> Stated | None:
        m = _TRIM.search(self.text)
        return Stated(_count(m.group("n")), _quote(m.group(0)), start=m.start()) if m else None

    def scale(self) -> Stated | None:
        m = _SCALE.search(self.text)
        if not m:
            return None
        return Stated(_number(m.group("n")) if m.group("n") else Decimal(100), _quote(m.group(0)), start=m.start())

    def tolerance(self) -> Stated | None:
        m = _TOLERANCE.search(self.text)
        return Stated(_number(m.group("n")), _quote(m.group(0)), True, m.start()) if m else None


def _from_clause(text: str, m: re.Match[str]) -> str:
    """A tier's words from the start of their clause: '未达成且效果较差得0–60%', where the label 差 was found inside 较差,
    was quoted '差得0–60%', words the text does not hold (QA309 8)."""
    start = max(text.rfind(mark, 0, m.start()) for mark in "；;，,。\n：:") + 1
    return text[start:m.end()]


def _tier_matches(label: str, text: str) -> list[re.Match[str]]:
    """A tier's range after its label: '好得85%–100%' (its points may follow in brackets), or in brackets '好（85%–100%）', the
    form of the docs' custom tiers (QA139 F4); a label in brackets must start a word: not 差 of '偏差（0–5%）', and say its
    unit, % or 分: '好（90–100）' may be points or a 百分制 score (QA141 F5). A bound may say whether it holds its number,
    '60%（含）–80%（不含）', as the bands' ranges may (QA170 F3: such ranges were never compared)."""
    de = (re.escape(label) + r"得(?:分值的)?\s*" + _A_TIER + _TIER_END + _DASH + _B + r"(?P<points>分)?" + _TIER_END
          + r"(?:[（(](?P<in>(?P<c>" + _NUMBER + r")" + _DASH + r"(?P<d>" + _NUMBER + r")分))?")
    bracketed = (r"(?<![\u4e00-\u9fff])" + re.escape(label) + r"[（(]\s*(?:得(?:分值的)?)?\s*" + _A_TIER + _TIER_END + _DASH + _B
                 + r"(?P<points>分)?" + _TIER_END + r"\s*[）)]")
    # with no unit after either number, 好得90–100 is points or a 百分制 score: not compared, written either way
    said = [m for m in (*re.finditer(de, text), *re.finditer(bracketed, text)) if m.group("ap") or m.group("bp") or _points(m)]
    return sorted(said, key=lambda m: m.start())


def _points(tier: re.Match[str]) -> bool:
    """Whether a tier's range says 分, after its high bound or both (好（8分–10分）)."""
    return bool(tier.group("points") or tier.group("at"))


def _segments(text: str) -> Iterator[tuple[str, int]]:
    """The parts of `text` between ；，。 (and their half-width forms) outside brackets, with where each starts."""
    depth, start = 0, 0
    for i, ch in enumerate(text):
        depth += ch in "（("
        depth -= ch in "）)" and depth > 0
        if depth == 0 and ch in "；;，,。\n":
            yield text[start:i], start
            start = i + 1
    yield text[start:], start


def _band_clauses(text: str) -> Iterator[tuple[str, int]]:
    """The parts of `text` that may state a band, with where each starts: each of its `_segments`, but points said alone
    ('得10分', '满分10分', '给予满分') after a comma that ends a clause with a range and no points, joined to that clause:
    '执行率≥90%的，得10分' (QA170 F5)."""
    before: int | None = None  # where the clause before starts, when it may take the points that follow
    for segment, start in _segments(text):
        joined = before is not None and _POINTS_ALONE.fullmatch(segment)
        yield (text[before: start + len(segment)], before) if joined and before is not None else (segment, start)
        ends = text[start + len(segment): start + len(segment) + 1]
        before = start if ends in ("，", ",") and not _POINTS_AT_END.search(segment) and _range(segment) else None


def _range(text: str) -> tuple[Decimal | None, Decimal | None, bool, int] | None:
    """The last range written in `text` (the one next to the points), as (low, high, percent, where it starts)."""
    best = None
    for pattern in _RANGES:
        for m in pattern.finditer(text):
            if best is None or m.end() > best.end() or (m.end() == best.end() and m.start() < best.start()):
                best = m
    if best is None:
        return None
    groups = best.groupdict()
    low = _number(groups["a"]) if groups.get("a") else None
    high = _number(groups["b"]) if groups.get("b") else None
    return low, high, bool(groups.get("ap") or groups.get("bp")), best.start()

"""The Chinese of target rows' messages (target_rows, the 自评表's rows): a row's sign, units, weight and tier.

On a form a row's field is named by its column as printed (年度指标值, 实际完成值, 分值), so each message that
starts with a field also comes with the field as a placeholder, after the facts file's own wording.
"""

from __future__ import annotations

__all__ = ["ROWS"]

ROWS = (
    ("group {id} needs at least one row", "行组 {id} 至少要有一行"),
    ("row id {id} is used twice", "行 id {id} 用了两次"),
    ("give each row its own id", "每行用不同的 id"),
    ("some rows have a weight and some do not", "有的行写了分值，有的没写"),
    ("give every row a weight, or none for equal shares", "每行都写分值，或都不写（平均分配）"),
    ("rows' weights add up to {total}, not the weight {weight} of group {id}",
     "各行分值合计 {total}，不等于行组 {id} 的分值 {weight}"),
    ("comparison {sign} is not one of ≥, ≤, =", "指标性质 {sign} 不是 ≥、≤、= 之一"),
    ("write ≥, ≤ or = (full-width ＞＝ and ≧ are read as ≥)", "写 ≥、≤ 或 =（全角 ＞＝ 和 ≧ 按 ≥ 读）"),
    ("comparison {sign} is strict", "指标性质 {sign} 是严格不等号"),
    ("comparison must be ≥, ≤ or =", "指标性质应为 ≥、≤ 或 ="),
    ("comparison {sign} disagrees with the target {target}", "指标性质 {sign} 与指标值 {target} 不一致"),
    ("write the sign once", "符号只写一次"),
    ("{text} is not a number with a unit", "{text} 不是带单位的数字"),
    ("write the {key} alone, e.g. 10", "只写 {key} 本身，例如 10"),
    ("{key} must not be negative, got {value}", "{key} 不能为负数，实际是 {value}"),
    ("units disagree: {units}", "单位不一致：{units}"),
    ("write the target and the actual in the same unit", "指标值和实际值用同一单位"),
    ("actual {value} has a comparison sign", "实际值 {value} 带有比较符号"),
    ("write the value reached, without ≥, ≤ or =", "只写达到的值，不带 ≥、≤ 或 ="),
    ("write the value reached, e.g. 18", "写达到的值，例如 18"),
    ("actual {value} and tier {tier} disagree", "实际值 {value} 与档次 {tier} 不一致"),
    ("give the tier once", "档次只写一次"),
    ("weight must be above 0", "分值应大于 0"),
    ("leave weight out of every row for equal shares", "平均分配时每行都不写 weight"),
    # the same, on a form: the field is named by its column (年度指标值, 实际完成值, 分值)
    ("{field:s} {sign} is strict", "{field}不能用 {sign}"),
    ("the 指标性质 are ≥, ≤ and =: write {sign}", "指标性质只有 ≥、≤、=：改写为 {sign}"),
    ("{field:s} {sign} is not one of ≥, ≤, =", "{field} {sign} 不是 ≥、≤、= 之一"),
    ("{field:s} must be ≥, ≤ or =", "{field}应为 ≥、≤ 或 ="),
    ("{field:s} {sign} disagrees with the target {target}", "{field} {sign} 与指标值 {target} 不一致"),
    ("{field:s} 定性 is for a target in words, but the target {target} is a number",
     "{field}“定性”用于文字表述的指标值，而指标值 {target} 是数字"),
    ("write ≥, ≤ or = for a numeric target", "数值型指标值的指标性质写 ≥、≤ 或 ="),
    ("{field:s} {value} has a comparison sign", "{field} {value} 带有比较符号"),
    ("{field:s} {value} and tier {tier} disagree", "{field} {value} 与档次 {tier} 不一致"),
    ("{field:s} must be above 0", "{field}应大于 0"),
    # a number without a unit beside a percentage
    ("{field:s} {value} has no unit, beside the percentage {percent}",
     "{field!t} {value} 没有单位，而对应的值是百分数 {percent}"),
    ("write {a}% if it is {b} percent, or {c}% for the ratio {d}", "百分之{b}写成 {a}%；比率 {d} 写成 {c}%"),
    ("{field:s} {value} is read as the ratio {same} ({percent}%) in a row whose unit is %",
     "{field!t} {value} 在单位为 % 的行中按比率读，即 {percent}%"),
    ("write \"{a}%\", or the ratio {ratio}", "百分数写成 \"{a}%\"，或写比率 {ratio}"),
    ("write {a}% for a percentage; a number without a unit is read as a ratio ({ratio} is {b}%)",
     "百分数应写成 {a}%；不带单位的数字按比率读（{ratio} 即 {b}%）"),
    ("write the value reached, or for a row judged in words its tier (达成年度指标…)",
     "填写实际完成的数值；定性指标填写档次（达成年度指标…）"),
    ("a row judged by a date (按期完成) is written as its tier (达成年度指标…), or the date as text",
     "按日期判断的指标（按期完成）填写档次（达成年度指标…），或把日期写成文字"),
    ("missing name", "缺少 name"),
    ("give the 三级指标 its name", "写出三级指标的名称"),
    ("a target row may have: {keys}", "绩效目标行可以有：{keys}"),
    ("has no type, and the group scores no row with {said}", "没有写 type，行组也不为{said!t}的行评分"),
    ("give type: one of {kinds}; comparisons the group maps: {ways}", "写 type：{kinds} 之一；行组对应的指标性质：{ways!t}"),
    ("category {name} is not a 二级指标 of the group", "{name} 不是该行组的二级指标"),
    ("type {kind} is not one that the group scores", "行组不为类型 {kind} 评分"),
    ("type {kind} disagrees with comparison {sign}, which the group scores as {other}",
     "类型 {kind} 与指标性质 {sign} 不一致，行组按 {other} 评分"),
    ("give the type or the comparison, not both", "type 和 comparison 只写一个"),
)

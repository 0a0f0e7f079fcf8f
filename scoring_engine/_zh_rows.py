"""The Chinese of target rows' messages (target_rows, the 自评表's rows): a row's sign, units, weight and tier.

On a form a row's field is named by its column as printed (年度指标值, 实际完成值, 分值), so each message that
starts with a field also comes with the field as a placeholder, after the facts file's own wording.
"""

from __future__ import annotations

__all__ = ["ROWS"]

ROWS = (
    # a rescaled row's 得分 that no judgement read back scores again, the whole form scored (forms/rescaled.py: QA342 F1)
    ("no judgement of {options} scores the form back to the 得分 and 总分 it shows; read as {judgement}",
     "评分取 {options} 中任一个，本表都不能按体系算回表上的得分和总分；按 {judgement} 读取"),
    ("type the row's judgement on its declared 分值 in the facts file, and score that",
     "请在事实文件中按该行原分值填写评分，再据此评分"),
    # a number format that scales its number in a way not read (forms/number_formats.py: QA200 1)
    ("the cell holds {value} and its number format {format} does not show it as held ({why}), so it is not read",
     "单元格存的是 {value}，其数字格式 {format} 显示的不是所存的数（{why!t}），未读取"),
    ("a comma neither between its digits nor right after them", "格式中的逗号既不在数字各位之间，也不紧跟数字之后"),
    ("a point typed as text beside its decimal point", "格式中作为文字的小数点与数字本身的小数点并存"),
    ("a percentage, fraction or exponent format that also scales", "百分比、分数或科学计数格式又带缩放"),
    ("a condition in square brackets choosing the section", "由方括号中的条件决定用哪一节格式显示"),
    ("set the cell's format to General (常规) and type the figure as it is meant", "把单元格格式设为常规，再按本意填写数字"),
    # a funds label giving its amounts in another unit than 万元 (forms/funds.py labelled_units: QA200 2, 3)
    ("the label {text} gives the amounts in {unit}, and the form's amounts are read in 万元",
     "标签 {text} 表明金额以 {unit} 计，而表上的金额按万元读取"),
    ("type the amounts in 万元 (1 {unit} is {factor} 万元), and write 万元 in the label",
     "金额请以万元填写（1 {unit} 为 {factor} 万元），并把标签中的单位改为万元"),
    # an amount typed in another unit of money where 万元 is read (forms/reading.py _in_wan: QA308 5)
    ("write the amount in 万元: {amount} {unit} is {converted} 万元", "请按万元填写：{amount} {unit} 为 {converted} 万元"),
    ("the cell's number format shows {unit}: {amount} {unit2} is {converted} 万元; write that in a cell formatted as a number",
     "单元格的数字格式显示为 {unit}：{amount} {unit2} 为 {converted} 万元，请在常规或数值格式的单元格中按万元填写"),
    # a date fact given a spreadsheet's day number, its cell's date format lost (fact_values._date_fix: QA308 6)
    ("{number} is a spreadsheet's day number of {day}: write the date as {day2}",
     "{number} 是电子表格中日期 {day} 的序号：请写成日期 {day2}"),
    # a typed 评价结论 stating another 总分 than the set's (forms/cells._conclusion_total: QA314 2)
    ("the 评价结论 gives the 总分 {typed} where the set scores {computed}; the set's score counts",
     "评价结论写的总分 {typed} 与按体系计算的 {computed} 不同，以计算结果为准"),
    # a number or a date in a reason cell (forms/label_cells.py reason_words: QA165 F6)
    ("{label} holds {got}; expected the reason in words", "{label}填的是{got!t}，应为文字说明的原因"),
    ("write the reason in words, or leave the cell empty", "用文字写明原因，或让该单元格留空"),
    # a 三级 row above the indicator block's first 一级 (forms/indicators.py: QA165 F2)
    ("the row has no 一级指标 (it is above the first 一级 of the block)", "这一行没有一级指标（它在指标表第一个一级指标之上）"),
    ("write its 一级指标 ({labels}) in the cell, or move the row under its 一级",
     "在该单元格填写它的一级指标（{labels}），或把这一行移到它所属的一级指标之下"),
    # a row's field named alone, as {field!t} fills it in
    ("target", "指标值"),
    ("actual", "实际完成值"),
    ("group {id} needs at least one row", "行组 {id} 至少要有一行"),
    ("row id {id} is used twice", "行 id {id} 用了两次"),
    ("give each row its own id", "每行用不同的 id"),
    # a weight finer than the set's precision: rounded to it (_row_fit.round_weight, _build/tree.py: QA200 4)
    ("round the weight to a whole number, the group's rows' weights still adding up to {total:n}",
     "把分值取整，且本组各行分值之和仍为 {total}"),  # QA204 9
    ("round the weight to {precision:n} decimal {places:w}, the group's rows' weights still adding up to {total:n}",
     "把分值四舍五入到 {precision} 位小数，且本组各行分值之和仍为 {total}"),
    ("round the weight to a whole number", "把分值取整"),
    ("round the weight to {precision:n} decimal {places:w}", "把分值四舍五入到 {precision} 位小数"),
    ("round the weight to a whole number, or set precision: to at least {places}",
     "把分值取整，或把 precision: 设为至少 {places}"),
    ("round the weight to {precision:n} decimal {word:w}, or set precision: to at least {places}",
     "把分值四舍五入到 {precision} 位小数，或把 precision: 设为至少 {places}"),
    ("some rows have a weight and some do not", "有的行写了分值，有的没写"),
    ("give every row a weight, or none for equal shares", "每行都写分值，或都不写（平均分配）"),
    ("{count} rows without a weight share the weight {weight} of group {id} equally, and at the set's precision "
     "{precision} some would get 0",
     "{count} 行都没有写分值，平分行组 {id} 的分值 {weight}，按指标体系的精度 {precision} 有的行将得 0 分"),
    ("merge rows: at most {count} rows share {weight} points at this precision",
     "请合并部分行：按此精度，{weight} 分最多由 {count} 行平分"),
    ("rows' weights add up to {total}, not the weight {weight} of group {id}",
     "各行分值合计 {total}，不等于行组 {id} 的分值 {weight}"),
    ("give the rows weights that add up to {weight}, or none for equal shares of it",
     "使各行分值合计为 {weight}，或各行都不写分值，平分 {weight} 分"),  # QA167 F3
    # a row of a group marked 不适用 on its own (_not_applicable: QA45 F9, QA167 F3)
    ("a target row cannot be marked on its own: leave it out of the rows, and give the other rows weights that add up to "
     "{weight}, the weight of group {id}, or none for equal shares; or mark the group {id}",
     "绩效目标表的行不能单独标为不适用：从表中删去这一行，并使其余各行分值合计为 {weight}（行组 {id} 的分值），"
     "或其余各行都不写分值（平均分配）；或把整个行组 {id} 标为不适用"),
    ("the rows are weighted for {other}, where {id} weighs {weight}: to compare them under both sets, give the rows without "
     "weights (equal shares); weighted for {this}, they score under that set alone",
     "各行分值是按 {other} 填写的（其中 {id} 的分值为 {weight}）：要在两个体系下比较，各行不写分值（平均分配）；"
     "按 {this} 填写各行分值的，只能在该体系下评分"),
    ("the rows are weighted for {other}, where {id} weighs {weight}: to compare them under both sets, the {scores:w} in "
     "points in {word:w} {cells} ({names}) must be given again for the weights of {this} too, which no one facts file or "
     "form can hold for both: score the project under each set with facts or a form of its own",
     # QA217 6: on a form, the cells the scores were typed in (its row 3 was the sheet's row 3)
     "各行分值是按 {other} 填写的（其中 {id} 的分值为 {weight}）：要在两个体系下比较，{cells!l} 单元格（{names!l}）按分数"
     "给出的得分也须按 {this} 的分值重新评定，一份事实文件或自评表无法同时满足两个体系：请为每个体系各填一份，分别评分"),
    ("the rows are weighted for {other}, where {id} weighs {weight}: to compare them under both sets, the {scores:w} "
     "that {word:w} {rows} ({names}) {give:w} in points must be given again for the weights of {this} too, which no one "
     "facts file or form can hold for both: score the project under each set with facts or a form of its own",
     # QA214 1: rows without weights moved every 定性 row's tier range, and failed under both sets
     "各行分值是按 {other} 填写的（其中 {id} 的分值为 {weight}）：要在两个体系下比较，第 {rows!l} 行（{names!l}）按分数"
     "给出的得分也须按 {this} 的分值重新评定，一份事实文件或自评表无法同时满足两个体系：请为每个体系各填一份，分别评分"),
    # a judged score of a tier or a judgement, on an indicator the other set weighs otherwise (QA283 F1)
    ("the score is in points of the weight {old} that {id} has in {other}, where {this} weighs it {new}: to compare them "
     "under both sets, score the project under each set with facts or a form of its own",
     "得分是按 {other} 中 {id} 的分值 {old} 评定的，{this} 中它的分值为 {new}：一份事实文件或自评表无法同时满足两个体系，"
     "要在两个体系下比较，请为每个体系各填一份，分别评分"),
    ("comparison {sign} is not one of ≥, ≤, =", "指标性质 {sign} 不是 ≥、≤、= 之一"),
    ("write ≥, ≤ or =, or 定性 for a target in words (full-width ＞＝ and ≧ are read as ≥)",
     "写 ≥、≤ 或 =，指标值为文字的写“定性”（全角 ＞＝ 和 ≧ 按 ≥ 读）"),
    ("comparison {sign} is strict", "指标性质 {sign} 是严格不等号"),
    ("comparison must be ≥, ≤ or =", "指标性质应为 ≥、≤ 或 ="),
    ("comparison {sign} disagrees with the target {target}", "指标性质 {sign} 与指标值 {target} 不一致"),
    ("write the sign once", "符号只写一次"),
    ("{text} is not a number with a unit", "{text} 不是带单位的数字"),
    ("write e.g. ≥50个, ≤90万元, 100%", "写成如 ≥50个、≤90万元、100% 的形式"),  # QA38 F8
    ("write the {key} alone, e.g. 10", "只写 {key} 本身，例如 10"),
    ("{key} must not be negative, got {value}", "{key!t} 不能为负数，实际是 {value}"),
    ("write the amount as 0 or more; a fall or a saving is written as its size, with ≤ for a ceiling",
     "填写不小于 0 的数；下降或节约的量写它的大小，上限用 ≤"),
    ("units disagree: {units}", "单位不一致：{units}"),
    ("write the target and the actual in the same unit", "指标值和实际值用同一单位"),
    ("actual {value} has a comparison sign", "实际值 {value} 带有比较符号"),
    ("write the value reached, without ≥, ≤ or =", "只写达到的值，不带 ≥、≤ 或 ="),
    ("write the value reached, e.g. {example}", "写达到的值，例如 {example}"),
    # a row's two units, by how they differ (_unit_slips: QA331 F8)
    ("{other} is {one} with {word}, a figure not exact: write the figure reached in {one}, without {word}",
     "{other} 是 {one} 加上“{word}”，不是确数：按 {one} 写达到的确数，不带“{word}”"),
    ("write the unit alone, {one}, and {rest} in the row’s name", "单位只写 {one}，“{rest}”写进指标名称"),
    ("write the target and the actual in the same unit (1 {unit} is {rate} {other})",
     "指标值和实际值用同一单位（1 {unit} 为 {rate} {other}）"),
    ("actual {value} and tier {tier} disagree", "实际值 {value} 与档次 {tier} 不一致"),
    ("give the tier once", "档次只写一次"),
    ("gives both a tier and an actual value, and only one of them is read", "同时填写了档次和实际值，只有其中一个会被读取"),
    ("gives both a score and a numeric actual value, and only one of them is read",
     "同时填写了得分和数值型实际值，只有其中一个会被读取"),
    ("a row judged by its tier gives its tier (档次) and score, a row scored from its actual value no score: leave out the other",
     "按档次评判的行填写档次和得分，按实际完成值计分的行不填得分：删去另一个"),
    ("a qualitative row gives its tier (档次), a quantitative row its actual value: leave out the other",
     "定性指标填写档次，定量指标填写实际值：删去另一个"),
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
    # 定量, 正向, 反向 in a 指标性质 column added to the national form (QA168 F5)
    ("{field:s} {sign} is for a numeric target, but the target {target} is in words",
     "{field}“{sign}”用于数值型指标值，而指标值 {target} 是文字"),
    ("write 定性 for a target in words", "指标值为文字的，指标性质写“定性”"),
    ("{field:s} {sign} is for a numeric target, but the target is empty and the actual {tier:q} is a tier",
     "{field}“{sign}”用于数值型指标值，而指标值为空，实际完成值 {tier} 是档次"),
    ("{field:s} {sign} is for a numeric target, but the target is empty and the actual {tier:q} is text",
     "{field}“{sign}”用于数值型指标值，而指标值为空，实际完成值 {tier} 是文字"),
    ("a row judged by its tier (达成年度指标) writes 定性 in 指标性质, or leaves it empty; a row measured writes its 年度指标值 "
     "(≥10公里)", "按档次评判的行（达成年度指标）指标性质写“定性”或留空；按数值计分的行填写年度指标值（≥10公里）"),
    ("{field:s} {sign} gives no sign, and the target {target} has none", "{field}“{sign}”没有给出符号，指标值 {target} 也没有"),
    ("write ≥, ≤ or = in 指标性质, or the sign in the target (≥10)", "在指标性质中写 ≥、≤ 或 =，或在指标值中写符号（≥10）"),
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
    # a row's target named as a facts file names it (target: 指标值) or as the form prints it (年度指标值)
    ("{field:s} {t} and actual {a} are on two scales in a row whose unit is % (as ratios, {tp}% and {ap}%)",
     "单位为 % 的行中，{field!t} {t} 与实际完成值 {a} 不是同一种写法（都按比率读是 {tp}% 与 {ap}%）"),
    ("write both as percentages ({both}, or {alone}), or both as ratios", "两者都写成百分数（{both}，或 {alone}），或都写成比率"),
    ("{field:s} {t} and actual {a} have no unit and are on two scales ({times} times apart)",
     "{field!t} {t} 与实际完成值 {a} 都没有单位，又相差约 {times} 倍，不像同一种写法"),
    ("{field:s} {t} and actual {a} of a row in {unit} are {times} times apart, as if on two scales",
     "单位为 {unit} 的行中，{field!t} {t} 与实际完成值 {a} 相差约 {times} 倍，不像同一种写法"),
    ("check the digits, and write both in {unit}", "请核对数字，两者都按 {unit} 填写"),
    ("{field:s} {text}: the unit {unit} is typed twice", "{field!t} {text}：单位 {unit} 写了两次"),
    ("write it once, e.g. {example}", "只写一次，例如 {example}"),
    # digits split by a space otherwise than into thousands (_digit_groups.split_digits: QA200 6)
    ("{field:s} {text}: the digits of {number} are split by a space", "{field!t} {text}：数字 {number} 中间隔着空格"),
    ("{text}: the digits of {number} are split by a space", "{text}：数字 {number} 中间隔着空格"),
    ("write the number without spaces, e.g. {example} (a space is read only between groups of three digits: 5 000 is 5000)",
     "数字中间不加空格，例如 {example}（只有三位一组之间的空格才按千位分隔读：5 000 即 5000）"),
    ("{field:s} {text}: a percentage is written with % alone, not {unit}", "{field!t} {text}：百分数只写 %，不写 {unit}"),
    ("write e.g. {example}; a word such as 左右 goes in the reason", "写成例如 {example}；“左右”之类的词写在说明中"),
    ("if they are percentages write {tp} and {ap}; else give the row its unit",
     "如果是百分数，写成 {tp} 和 {ap}；否则请写明这一行的单位"),
    ("write {a}% for a percentage; a number without a unit is read as a ratio ({ratio} is {b}%)",
     "百分数应写成 {a}%；不带单位的数字按比率读（{ratio} 即 {b}%）"),
    ("write the value reached, or for a row judged in words its tier (达成年度指标…)",
     "填写实际完成的数值；定性指标填写档次（达成年度指标…）"),
    ("write the target as a number (≥10公里), or for a row judged in words as words (通过验收)",
     "指标值填写年度目标的数值（≥10公里）；定性指标的指标值填写文字（通过验收）"),
    ("a row judged by a date (按期完成) is written as its tier (达成年度指标…), or by the time taken (≤6个月)",
     "按日期判断的指标（按期完成）填写档次（达成年度指标…），或填写所用时间（≤6个月）"),
    ("{key:s} {value:q} of a 时效指标 row is a date that lost its format (Excel's day number of {day}), neither an "
     "amount nor a tier",
     "时效指标行的{key!t} {value} 是失去日期格式的日期（Excel 中 {day} 的日序数），既不是可计分的数量，也不是档次"),
    # a time limit ending in 内 written with ≥ (≥3个月内, 不少于3个月内, >3个月内: QA172 F3)
    ("{field:s} {text} is a time to reach ({reach}), but a time ending in 内 is a limit (within {time})",
     "{field!t} {text} 写的是要达到的时间（{reach}），但以“内”结尾的时间是时限（{time}之内），不是要达到的目标"),
    ("{text} is a time to reach ({reach}), but a time ending in 内 is a limit (within {time})",
     "{text} 写的是要达到的时间（{reach}），但以“内”结尾的时间是时限（{time}之内），不是要达到的目标"),
    ("write ≤{limit} for a time limit, or ≥{reach} if reaching {time} was meant",
     "时限写 ≤{limit}；如本意是至少达到 {time}，写 ≥{reach}"),
    # a time limit in words (3个月内, 1年之内) in a row whose own type scores a target to reach (_row_fit: QA189 F1)
    # a target in words in a row whose type scores a number reached (_row_fit: QA203 8)
    ("target {target} is no number, so the row is judged by its tier, but type {kind} scores a number reached",
     "指标值 {target} 不是数字，这一行应按档次评价，但 type {kind} 按实际完成的数值评分"),
    ("write the target as a number (≥19栋, 不少于19栋) with the actual reached, or give type {kind} with the row's tier "
     "(达成年度指标…), score and reason",
     "把指标值写成数字（≥19栋、不少于19栋）并填写实际完成值，或写 type {kind}，并填写这一行的档次（达成年度指标…）、得分和理由"),
    ("write the target as a number (≥19栋, 不少于19栋) with the actual reached",
     "把指标值写成数字（≥19栋、不少于19栋）并填写实际完成值"),
    ("target {text} is a time limit (within {time}), but type {kind} scores a target to reach (≥)",
     "指标值 {text} 是时限（{time}之内），但类型 {kind} 按要达到的目标（≥）计分"),
    ("give type {lower} (a limit, ≤) or no type; write ≥{time} if reaching {time} was meant",
     "时限把 type 写为 {lower}（按 ≤ 计分）或不写 type；如本意是至少达到 {time}，写 ≥{time}"),
    ("give type {lower} (a limit, ≤); write ≥{time} if reaching {time} was meant",
     "时限把 type 写为 {lower}（按 ≤ 计分）；如本意是至少达到 {time}，写 ≥{time}"),
    ("give a type the group scores as a limit (≤), or write ≥{time} if reaching {time} was meant",
     "时限写行组按 ≤ 计分的 type；如本意是至少达到 {time}，写 ≥{time}"),
    # a calendar year as a limit (2024年内完成, ≤2024年) in a measured row: a deadline (_time_units.year_limit, QA194 F1)
    ("{field:s} {text} with comparison {sign} is a deadline (by the end of {year}), not a number of years to score the "
     "actual against", "{field!t} {text}（指标性质 {sign}）是期限（{year}年底前），不是可与实际完成值比较计分的年数"),  # QA196 G2
    # a year with ≥ in a row named for a date (竣工日期 ≥2024): no number to reach either (QA204 5)
    ("{field:s} {text} with comparison {sign} is a year of a date, not a number to reach",
     "{field!t} {text}（指标性质 {sign}）是日期中的年份，不是要达到的数量"),
    ("{field:s} {text} is a year of a date, not a number to reach", "{field!t} {text} 是日期中的年份，不是要达到的数量"),
    ("{field:s} {text} is a deadline (by the end of {year}), not a number of years to score the actual against",
     "{field!t} {text} 是期限（{year}年底前），不是可与实际完成值比较计分的年数"),
    # the fix naming what the row's group needs (_row_fit.deadline_fix, QA196 G3): a type for the time taken as an amount,
    # and for a row of a type scored by tier, its tier, score and reason in place of the actual
    ("write the row as a tier: target {date} with its tier (达成年度指标…) and score{extra}; or the time taken as an amount "
     "(≤6个月) with type {limit}",
     "把这一行写成定性指标：指标值写 {date}，填写档次（达成年度指标…）及得分{extra!t}；或把所用时间写成数量（≤6个月），"
     "type 写 {limit}"),
    ("write the row as a tier: target {date} with its tier (达成年度指标…) and score; or the time taken as an amount "
     "(≤6个月) with type {limit}",
     "把这一行写成定性指标：指标值写 {date}，填写档次（达成年度指标…）及得分；或把所用时间写成数量（≤6个月），type 写 {limit}"),
    ("type {kind} judges the row by its tier: target {date} with its tier (达成年度指标…), score and reason in place of the "
     "actual{extra}", "type {kind} 按档次评分：指标值写 {date}，把实际完成值换成档次（达成年度指标…）、得分和理由{extra!t}"),
    ("type {kind} judges the row by its tier: target {date} with its tier (达成年度指标…), score and reason in place of the "
     "actual", "type {kind} 按档次评分：指标值写 {date}，把实际完成值换成档次（达成年度指标…）、得分和理由"),
    ("write the row as a tier: target {date} with its tier (达成年度指标…) and score{extra}; or the time taken as an amount "
     "(≤6个月)",
     "把这一行写成定性指标：指标值写 {date}，填写档次（达成年度指标…）及得分{extra!t}；或把所用时间写成数量（≤6个月）"),
    # what else the row needs (_time_units.year_fix): its 指标性质 cleared (QA196 G2), a type scored by tier (G3)
    (", with comparison {sign} cleared (指标性质 left empty or 定性; no comparison in a facts file){typed}",
     "，并清除指标性质 {sign}（表中留空或写 定性；事实文件去掉 comparison）{typed!t}"),
    (", with comparison {sign} cleared (指标性质 left empty or 定性; no comparison in a facts file)",
     "，并清除指标性质 {sign}（表中留空或写 定性；事实文件去掉 comparison）"),
    (", and a type scored by its tier", "，type 写行组按档次评分的类型"),
    (", and type {kind}", "，type 写 {kind}"),
    ("write the row as a tier: target {date} with its tier (达成年度指标…) and score; or the time taken as an amount (≤6个月)",
     "把这一行写成定性指标：指标值写 {date}，填写档次（达成年度指标…）及得分；"
     "或把所用时间写成数量（≤6个月）"),
    ("{key:s} {value:q} of a 时效指标 row is a date, neither an amount nor a tier",
     "时效指标行的{key!t} {value} 是日期，既不是可计分的数量，也不是档次"),
    ("write the row as a tier (定性: 达成年度指标… with its score), or the time taken as an amount (≤6个月)",
     "把这一行写成定性指标（填写档次“达成年度指标…”及得分），或把所用时间写成数量（≤6个月）"),
    ("{field:s} {value} beside % has two readings in this row", "{field} {value} 在度量单位为 % 的这一行中有两种读法"),
    ("missing name", "缺少 name"),
    ("give the 三级指标 its name", "写出三级指标的名称"),
    ("a target row may have: {keys}", "绩效目标行可以有：{keys!l}"),
    ("has no type, and the group scores no row with {said}", "没有写 type，行组也不为{said!t}的行评分"),
    ("give type: one of {kinds}; comparisons the group maps: {ways}", "写 type：{kinds!l} 之一；行组对应的指标性质：{ways!t}"),
    ("category {name} is not a 二级指标 of the group", "{name} 不是该行组的二级指标"),
    ("type {kind} is not one that the group scores", "行组不为类型 {kind} 评分"),
    ("type {kind} disagrees with comparison {sign}, which the group scores as {other}",
     "类型 {kind} 与指标性质 {sign} 不一致，行组按 {other} 评分"),
    ("give the type or the comparison, not both", "type 和 comparison 只写一个"),
    # what a row's field or a fact holds instead of what it should (_numpy_values.kind_of, and facts' Python type names)
    ("a value of another kind", "其他类型的值"),
    ("list", "列表"),
    ("tuple", "列表"),
    ("dict", "映射"),
    ("str", "文字"),
    ("bool", "是/否值"),
    ("int", "数字"),
    ("float", "数字"),
    ("Decimal", "数字"),
    ("NoneType", "空值"),
    ("an object", "一组“名称: 值”"),  # fact_values.type_name's words (the others are given in _zh_commands)
    ("this folder holds only the reports an earlier batch --reports wrote, which are not projects",
     "这个文件夹只有此前 batch --reports 写出的报告，它们不是项目"),
    ("give the facts files or forms they were made from, or a report by its file name to score it again",
     "请给出生成这些报告的事实文件或自评表；要重新评分某份报告，请给出它的文件名"),
    ("the reason {indicator} does not apply is empty", "没有写明 {indicator} 不适用的原因"),
    # a second batch into a reports folder a batch is writing in (batch/reports_mark.reports_held: QA216 2)
    ("another batch is writing its reports into this folder now", "另一个批量评分正在向这个报告文件夹写出报告，本次没有运行"),
    ("wait until it ends, or give this run another reports folder (--reports)",
     "等它结束后再运行，或用 --reports 给本次运行另一个报告文件夹"),
    # a report that would replace one of a document no longer there (batch/reports_mark.py: QA184 F5)
    ("the report {name} of {source} would replace the report of {earlier}, which an earlier run wrote under the same name "
     "and is no longer there (its folder renamed or moved?)", "本次 {source} 的报告 {name} 会替换之前一次运行以同一文件名"
     "写出的 {earlier} 的报告，而之前的来源 {earlier} 已不存在（文件夹改名或移走了？），已停止，没有写出任何报告"),
    ("if it is the same project, delete the earlier reports and run again; else write this batch's reports in another "
     "folder (--reports)", "如果是同一个项目，删除之前的报告后再运行；否则把本批次的报告写入另一个文件夹（--reports）"),
    # a report that would replace a file in the reports folder of which nothing is known (batch/reports_mark.py: QA184 F4)
    ("the report {name} of {source} would replace the file of that name in the reports folder, whose project is not known "
     "(written by an earlier version, or not by batch)", "本次 {source} 的报告 {name} 会替换报告文件夹中已有的同名文件，"
     "而该文件是哪个项目的报告无从得知（由早先的版本写出，或不是 batch 写出的），已停止，没有写出任何报告"),
    ("write this batch's reports in another folder (--reports), or delete the earlier reports",
     "把本批次的报告写入另一个文件夹（--reports），或删除之前的报告"),
    # a file a folder search found whose name ends in spaces or dots after its suffix (batch/inputs.py: QA186 F4)
    ("the file name has {tail} after {suffix}, so it is not read as a {kind} file",
     "文件名在 {suffix} 之后还有 {tail}（空格或句点），因此没有作为 {kind} 文件读取"),
    ("rename it to end in {suffix}, then {save}", "把文件名改为以 {suffix} 结尾，然后{save!t}"),
    ("rename it to end in {suffix}", "把文件名改为以 {suffix} 结尾"),
    # a JSONL line's report that would replace the same line's report of another project (batch/reports_mark.py: QA185 F5)
    ("the report {name} of {source} would replace the report an earlier run wrote of the same line, whose project is not "
     "known (written by an earlier version, which knew a JSONL line by its place only)", "本次 {source} 的报告 {name} "
     "会替换之前一次运行为同一行写出的报告，而该报告是哪个项目的无从得知（由早先的版本写出，只按行号记录JSONL文件的行），"
     "已停止，没有写出任何报告"),
    ("the report {name} of {source} would replace the report an earlier run wrote of the same line, whose project is not "
     "known (its record in the reports folder's {mark} cannot be read)", "本次 {source} 的报告 {name} "
     "会替换之前一次运行为同一行写出的报告，而该报告是哪个项目的无从得知（报告文件夹中 {mark} 里的记录无法读取），"
     "已停止，没有写出任何报告"),
    ("the report {name} of {source} ({project}) would replace the report an earlier run wrote of the same line, whose "
     "project is not the one it held then ({was}): the project's name, unit or id changed, or lines before it were added "
     "or removed", "本次 {source}（{project}）的报告 {name} 会替换之前一次运行为同一行写出的报告，而该行的项目与当时"
     "（{was}）不同（项目名称、实施单位或编号改了，或其前的行有增减），已停止，没有写出任何报告"),
    # a re-check given as an input of the batch too (QA117 F1, F2)
    ("--compare-with {path} is also an input of the batch: each of its projects would be compared with itself as its "
     "own re-check", "--compare-with {path} 也是本批次的输入：每个项目都会与它自己作为复核对比"),
    ("--compare-with {path} holds the input {input}: its projects would be compared with themselves as their own "
     "re-check", "--compare-with {path} 包含本批次的输入 {input}：其中的项目都会与它们自己作为复核对比"),
    ("nothing to score below this folder: its projects were taken as the re-check (--compare-with {paths})",
     "此文件夹下没有可评分的项目：其中的项目都作为复核读取（--compare-with {paths}）"),
    ("give the folder of the projects to score as the input, and the re-check's with --compare-with",
     "请把要评分的项目所在的文件夹作为输入，把复核的文件夹用 --compare-with 给出"),
    # a folder holding only an earlier batch's summaries (batch/inputs.py: QA163 F5)
    ("nothing to score below this folder: no facts file, filled form or JSONL file, only the summaries an earlier batch "
     "wrote, which are left out",
     "此文件夹下没有可评分的项目：没有事实文件、填好的自评表或 JSONL 文件，只有之前批量评分写出的汇总文件（已跳过）"),
    ("give the facts files or forms they summarised", "请给出这些汇总所依据的事实文件或自评表"),
    # two row groups under one 一级 of the form (_build/form: QA129 F4)
    ("form targets give {id:s} the 一级 label {label}, which {other:s} has too: a filled form's rows under it could not be "
     "told apart", "form.targets 把 {id} 也放在一级指标“{label}”下，而 {other} 已用这一栏："
                   "填好的表上这一栏的行无法分回各自的行组"),
    ("give each group its own label; to print {id:s}'s rows under {label}, make them a 二级 category of {other:s} with one "
     "fact list, as hubei-self-evaluation does", "每个行组用各自的一级指标；要把 {id} 的行印在“{label}”下，"
                                                "应像 hubei-self-evaluation 那样把它们作为 {other} 的二级指标，共用一个事实列表"),
    # a form layout file (forms/layout_file) and a set naming a broken one (QA129 F1)
    ("form layout {id:s} has {n:n} problem(s), listed after this file's", "表格版式 {id} 有 {n} 处问题，列在本文件的问题之后"),
    ("fix the layout file at the lines given", "按所示行号修改该版式文件"),
    ("a form layout must be a mapping with id, name, title, subtitle, header, funds, goals, indicators and total",
     "表格版式文件应是一个映射，含 id、name、title、subtitle、header、funds、goals、indicators 和 total"),
    ("see docs/reports.md (Form layouts)", "见 docs/reports.md（Form layouts 一节）"),
    ("the layout's id {id:s} is not its file's name {stem:s}", "版式的 id {id} 与文件名 {stem} 不一致"),
    ("write id: {stem:s}, or name the file {file:s}: a set names a layout by its file's name",
     "写 id: {stem}，或把文件改名为 {file}：指标体系按文件名引用版式"),
    ("the indicator block has no {keys} column", "绩效指标栏没有 {keys!o} 列"),
    ("add the column {key:s} with its label as the form prints it: a form is not written or read back without it",
     "按表格原样加上 {key} 列及其标题：缺了它，表格既写不出，也读不回"),
    ("columns {a:s} and {b:s} both hold the row's {field:s}", "{a} 列和 {b} 列都填写该行的 {field}"),
    ("keep one of them: {b:s} is the number alone, {a:s} the number with its sign and unit",
     "只保留其中一列：{b} 只写数值，{a} 连同符号和单位一起写"),
    ("the project field {field:s} is shown twice on the form", "项目字段 {field} 在表上出现了两次"),
    ("key {key:s} is used twice in {where:s}", "{where} 中的 key {key} 用了两次"),
    ("give each its own, or delete one", "各用各的，或删去其中一个"),
    ("label {label} is used twice in {where}", "{where} 中的标题 {label} 用了两次"),
    ("give each column or row its own label: a filled form is read back by its labels",
     "每列（行）用不同的标题：填好的表格按标题读回"),
    ("the label is only spaces", "标题只有空格"),
    ("write the label as the form prints it", "按表格原样写出标题"),
    ("subtitle {text} has a placeholder other than {year}", "副标题 {text} 含有 {year} 以外的占位符"),
    ("write {year} where the project's year goes, and no other braces", "在写年度的地方写 {year}，不要用其他花括号"),
    ("column {key:s} has no unit column beside it: the form would print each number without its unit",
     "{key} 列旁没有 unit（计量单位）列：表上每个数值都不带单位"),
    ("add the column unit (计量单位), or write the numbers with their units in the columns target and actual",
     "加上 unit（计量单位）列，或在 target 和 actual 列中连同单位写出数值"),
    ("column target_value has no comparison column beside it: the form would print each target without its ≥ or ≤",
     "target_value 列旁没有 comparison（指标性质）列：表上每个指标值都会丢掉 ≥ 或 ≤"),
    ("add the column comparison (指标性质), or write the targets in one column target (≥19栋)",
     "加上 comparison（指标性质）列，或把指标值写成一列 target（≥19栋）"),
    ("subtitle {text} does not print the year as the form reader finds it", "副标题 {text} 印出的年度，表格读取时认不出"),
    ("write it as （{year}年度）, or begin it with {year}年度: a filled form's year is read from those",
     "写成（{year}年度），或以 {year}年度 开头：填好的表格从这两种写法读出年度"),
    ("block {where:s} needs {need:n} columns, and the form is {width:n} wide", "{where} 需要 {need} 列，而表格只有 {width} 列宽"),
    ("the form is as wide as its indicator columns and their label and cuts what lies past: put fewer items in the block "
     "(split a header line in two), or add an indicator column",
     "表格的宽度是绩效指标各列加上其标题一列，超出的部分印不出来：减少该栏的项目（表头一行可拆成两行），或加一个指标列"),
    ("the label holds the invisible character U+{code:s}", "标题含有看不见的字符 U+{code}"),
    ("delete it and write the label as the form prints it", "删去该字符，按表格原样写出标题"),
    ("form targets give {id:s} the 一级 label {label}, which the form's total row is read by",
     "form.targets 给 {id} 的一级指标“{label}”是表上总分行的标题：读表时会当作总分行"),
    ("give the group a label of its own, as its 一级指标", "给该行组一个自己的一级指标标题"),
    # explain_when's per-row forms (_build/sections.py, row_flags: QA339 F3)
    ("a 需说明 condition gives exactly one of when (a formula), rows_below (a share of a row's weight) or rows_above (a "
     "multiple of a row's target)",
     "需说明条件只能写 when（公式）、rows_below（占行分值的比例）或 rows_above（指标值的倍数）之一"),
)

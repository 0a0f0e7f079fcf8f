"""The Chinese of the places a message is said of, tried before every other pattern of the catalog.

A problem placed on a form's cell (``项目支出绩效自评表!F13: …``), on a target
row (``row 2 (管网): …``) or said with the indicators that read a fact
(``… (read by output)``) wraps the message it places. These patterns take the
place first and translate what they wrap in turn; a more general pattern of
the catalog would otherwise take the place into its own fields.
"""

from __future__ import annotations

__all__ = ["PLACES"]

PLACES = (
    # a problem placed on a form's cell (forms/): the cell first, whatever the message it places
    ("{sheet:sheet}!{cell:cell}: {message}", "{sheet}!{cell}：{message!t}"),
    ("{message} (read by {readers})", "{message!t}（读取它的指标：{readers}）"),
    ("{message}; the form gives {values}", "{message!t}；表上填写的是 {values}"),
    ("check what these cells hold", "核对这些单元格填写的值"),
    ("the form gives {typed} points where the set scores {computed}; the set's score counts",
     "表上填写的得分 {typed} 与按体系计算的 {computed} 不同，以计算结果为准"),
    ("the form gives the 执行率 {typed}% where its amounts give {paid} ÷ {budget} = {computed}%; the computed one counts",
     "表上填写的执行率 {typed}% 与表上金额算得的 {paid} ÷ {budget} = {computed}% 不同，以计算结果为准"),
    ("the form gives the 执行率 {typed} where its amounts give {paid} ÷ {budget} = {computed}%; the computed one counts",
     "表上填写的执行率 {typed} 与表上金额算得的 {paid} ÷ {budget} = {computed}% 不同，以计算结果为准"),
    ("the rows of {name} are filled ({count:n} cells), but {cell} marks {marked} not applicable, so they are not scored",
     "{name}的各行已填写（{count} 个单元格），但 {cell} 把 {marked} 标为不适用，这些行不计分"),
    ("delete the 不适用 row of {marked} on {sheet}, or clear these rows", "删去{sheet}中 {marked} 的“不适用”行，或清空这些行"),
    ("fill the blank form of {id} (scoring-engine template {id}), which has the 一级 of that set, or score with the set "
     "whose form this is (--set)",
     "改用 {id} 的空白表（scoring-engine template {id}）填写，它的一级指标与该体系一致；或按这张表所属的指标体系评分（--set）"),
    ("write the id of one of: {ids}", "写下列指标之一的编号：{ids}"),
    ("the score typed here ({written}) is no number, so it is not compared with the set's",
     "此处填写的得分（{written}）不是数字，不与按体系计算的得分比较"),
    ("write the score as a number, such as 8", "按数字填写得分，如 8"),
    ("the score typed here ({written}) is a formula, which is not worked out, so it is not compared with the set's",
     "此处填写的得分（{written}）是公式，不会计算，不与按体系计算的得分比较"),
    ("type the score's value as a number, such as 8", "直接填写得分的数值，如 8"),
    ("the 执行率 typed here ({written}) is no rate, so it is not compared with the amounts",
     "此处填写的执行率（{written}）不是比率，不与金额核对"),
    ("write the rate as 84%, or leave the cell empty", "按 84% 这样填写执行率，或留空"),
    ("the 执行率 typed here is on a row without both its {budget} and {paid}, so it is not read",
     "此处填写的执行率所在行没有同时填写{budget}和{paid}，不会被读取"),
    ("type the row's amounts, or leave the 执行率 empty", "填写该行的金额，或把执行率留空"),
    ("the {column} of the 其中 rows add up to {added} ({cells}), not {total}",
     "“其中”各行的{column}合计 {added}（{cells}），不等于 {total}"),
    ("check the amounts: a 其中 row left empty counts for nothing", "请核对金额：“其中”中空着的行按 0 计"),
    ("{title} ({fact}): row {number:n} ({name}): {message}", "{title}（{fact}）：第 {number} 行（{name}）：{message!t}"),
    ("row {number:n} ({name}): {message}", "第 {number} 行（{name}）：{message!t}"),
    ("row {number:n}: {message}", "第 {number} 行：{message!t}"),
    ("row {name}: {message} (cells {first}–{last})", "行 {name}：{message!t}（单元格 {first}–{last}）"),
    ("row {name}: {what} is empty", "行 {name}：{what}未填写"),
    ("row {name}: {label} is empty, and the target {target} has no sign",
     "行 {name}：{label}未填写，而指标值 {target} 没有写 ≥、≤ 或 ="),
    ("row {name}: {label} {target} has no sign, and a {category} row without one is scored as a target to reach (≥)",
     "行 {name}：{label} {target} 没有写 ≥ 或 ≤，{category}不写符号会按“越高越好”（≥）计分"),
    ("the row gives no actual", "这一行没有填写实际完成值"),
    ("the row gives no target", "这一行没有填写年度指标值"),
    ("the row gives no weight", "这一行没有填写分值"),
    ("the row gives no unit", "这一行没有填写单位"),
    ("the row gives no tier, score or reason", "这一行没有填写档次、得分和理由（缺其中一项或几项）"),
    ("the row gives no tier", "这一行没有填写档次"),
    ("the row gives no score", "这一行没有填写得分"),
    ("the row gives no reason", "这一行没有填写理由"),
    ("write it in the row", "在这一行填写"),
    ("the cell's number is {value}, which no workbook holds (NaN or infinity)",
     "单元格中的数是 {value}，工作簿不会存这样的数（非数或无穷大）"),
    ("type the number again", "重新输入这个数"),
    ("target {target} has no sign, and a {category} row without one is scored as a target to reach (≥)",
     "指标值 {target} 没有写 ≥ 或 ≤，{category}不写符号会按“越高越好”（≥）计分"),
    ("write ≤{target} for a ceiling (the usual 成本指标), ={target} for an exact value, or ≥{target}",
     "上限写 ≤{target}（成本指标通常如此），须恰好相等写 ={target}，要达到的目标写 ≥{target}"),
    ("write ≤{target} for a time limit (完成时限), ={target} for an exact value, or ≥{target}",
     "时限写 ≤{target}（完成时限通常如此），须恰好相等写 ={target}，要达到的目标写 ≥{target}"),
    ("row {name}: {message}", "行 {name}：{message!t}"),
    ("{label} {target} is no number, so the row is qualitative, but actual is a number",
     "{label!t} {target} 不是数字，所以这是定性指标，但实际完成值是数字"),
    ("write the target as a number (≥19栋, 不少于19栋), or the actual as a tier (达成年度指标)",
     "把指标值写成数字（≥19栋、不少于19栋），或把实际完成值写成档次（达成年度指标）"),
    ("write ≥ for a target to reach, ≤ for a ceiling, = for an exact value", "要达到的目标写 ≥，上限写 ≤，须恰好相等写 ="),
    ("actual must be a number for a numeric target, got text {value}", "数值型指标的实际值应为数字，实际是文字 {value}"),
    ("{field} must be a number for a numeric target, got text {value}", "{field}应为数字（数值型指标），实际是文字 {value}"),
    ("the {columns} typed here ({cells}) are not read: the 预算执行率 is scored once, on the row of the whole budget",
     "此处填写的{columns}（{cells}）不会被读取：预算执行率只在资金总额一行计一次分"),
    ("leave them empty: the 分值 and 得分 of the budget's execution go on its first row",
     "请留空：预算执行率的分值和得分填在资金总额一行"),
    # the side sheet (forms/side.py)
    ("{name} is given twice, {one} at {first} and {other} here", "{name} 填写了两次：{first} 为 {one}，此处为 {other}"),
    ("{name} is given twice, {one} and {other} here", "{name} 填写了两次：先为 {one}，此处为 {other}"),
    ("keep the right one and delete the other", "保留正确的一处，删去另一处"),
    ("the 不适用 row names no indicator", "这一“不适用”行没有写指标"),
    ("the 不适用 row names {value}, not an indicator", "这一“不适用”行写的是 {value}，不是指标"),
    ("write the id of the indicator that does not apply (satisfaction), or its label on the form (满意度指标)",
     "写不适用指标的编号（如 satisfaction）或它在表上的名称（如 满意度指标）"),
    ("the 不适用 row of {name} gives no reason", "{name} 的“不适用”行没有写原因"),
    ("the reason of the 不适用 row of {name} is {value}, not words", "{name} 的“不适用”行所写原因是 {value}，不是文字说明"),
    ("write why the indicator does not apply", "写明该指标不适用的原因"),
    ("make them add up to {weight} (the 分值 the blank form prints), or to {rescaled}, the group's weight with the "
     "indicators marked 不适用 rescaled away",
     "使各行分值合计为 {weight}（空白表上的分值），或合计为 {rescaled}（标为不适用的指标剔除后本组按比例调整的分值）"),
    # where a batch writes its outputs (batch/run.py)
    ("cannot write the outputs' temporary files: {why}", "无法写入输出文件的临时文件：{why!t}"),
    ("free some space in the folder of the outputs", "请在输出文件所在的文件夹腾出空间"),
)

"""The Chinese of `scoring-engine lint`'s messages: (English pattern, Chinese template) pairs, for the catalog.

Each English pattern is a message template of `scoring_engine.lint` (or a
fragment of one), with the same named fields as the template that makes it;
the Chinese template puts the fields back, ``{name!t}`` translated in turn.
Add ``LINT`` to ``_zh_catalog.CATALOG`` (a more particular pattern before a more
general one: the "no warnings" line before the count of warnings).
"""

from __future__ import annotations

__all__ = ["LINT"]

LINT = (
    # a 自评表 printing another 执行率 than its indicator is scored from (lint/funds_rate.py)
    ("the 自评表 prints the 执行率 beside {indicator} as {paid} ÷ {budget}, but its rule is scored from {rate}, which reads "
     "{reads}: a project whose amounts differ shows a rate and a score that do not agree",
     "自评表在 {indicator} 旁印出的执行率是 {paid} ÷ {budget}，但它的评分规则按 {rate} 计分（读取 {reads}）：金额不一致的项目，"
     "表上的执行率与得分会对不上"),
    ("score {indicator} from {paid} ÷ {budget}, the rate the form prints", "让 {indicator} 按表上印出的 {paid} ÷ {budget} 计分"),
    # unused facts (lint/__init__.py; validate words the same warning)
    ("fact {label} ({name:id}) is declared but read by no rule, derived value, check, cap or form",
     "事实 {label}（{name}）已声明，但没有任何规则、派生值、核对、封顶规则或表格读取它"),
    ("fact {fact} is declared but read by no rule, derived value, check, cap or form",
     "事实 {fact} 已声明，但没有任何规则、派生值、核对、封顶规则或表格读取它"),
    ("remove it, or read it where it was meant to count", "删去它，或在本应计入的地方读取它"),
    ("the set it extends declares it: remove it in this profile with facts: {{{name}: null}}, or read it",
     "它由所扩展的指标体系声明：在本方案中写 facts: {{{name}: null}} 删去它，或读取它"),
    ("derived value {name} is read by no rule, other derived value, check, cap or 需说明 condition: it is only shown, "
     "and of the facts only it reads, {needed} is still required",
     "派生值 {name} 没有被任何规则、其他派生值、核对、封顶规则或需说明条件读取：只用于显示，而只有它读取的事实中，{needed} "
     "仍是必填的"),
    ("derived value {name} is read by no rule, other derived value, check, cap or 需说明 condition: it is only shown, "
     "and of the facts only it reads, {needed} are still required",
     "派生值 {name} 没有被任何规则、其他派生值、核对、封顶规则或需说明条件读取：只用于显示，而只有它读取的事实中，{needed!l} "
     "仍是必填的"),
    ("derived value {name} is read by no rule, other derived value, check, cap or 需说明 condition: it is only shown",
     "派生值 {name} 没有被任何规则、其他派生值、核对、封顶规则或需说明条件读取：只用于显示"),
    ("remove it in this profile with derived: {{{name}: null}} and facts: {{{nulls}}}, or read it",
     "在本方案中写 derived: {{{name}: null}} 和 facts: {{{nulls}}} 删去它，或读取它"),
    ("remove it in this profile with derived: {{{name}: null}}, or read it",
     "在本方案中写 derived: {{{name}: null}} 删去它，或读取它"),
    ("delete it from derived, and the facts only it reads ({reads}) from facts, or read it",
     "从 derived 中删去它，并从 facts 中删去只有它读取的事实（{reads!l}），或读取它"),
    ("delete it from derived, or read it", "从 derived 中删去它，或读取它"),
    # a base's reason wording on a profile's rule (lint/reasons.py)
    ("the {kind} rule takes the reason wording {key} that {base} writes for its own indicators: '{text}'",
     "这条 {kind} 规则用的是 {base} 为自己的指标写的理由模板 {key}：“{text}”"),
    ("write reasons: in this profile (it replaces the base's whole section): leave {key} out for the default wording, "
     "or word it to fit every {kind} rule",
     "在本方案中写 reasons:（它整段替换基础指标体系的 reasons）：不写 {key} 即用默认说明，或改写成适合每条 {kind} 规则的说明"),
    # a set wording rescaled but not the templates of a rescaled leaf that lost points (lint/reasons.py: QA342 F3)
    ("reasons: words rescaled but not {missing}: its wording is read only for a rescaled leaf at full marks or scoring 0, "
     "and one that lost points is told by the default wording",
     "reasons: 改写了 rescaled，但没有改写 {missing!l}：rescaled 的措辞只用于折算后得满分或得0分的指标，失分的指标仍用默认说明"),
    ("word {missing} too (their placeholders: {fields})", "一并改写 {missing!l}（可用的占位符：{fields}）"),
    ("the label of fact {fact} says \"{quote}\" ({stated}), but the rule of {indicator} reading it deducts {points} points: "
     "its {param} is {actual} of {whole}",
     "事实 {fact} 的说明写的是“{quote}”（{stated}），而读取它的指标 {indicator} 的规则扣 {points} 分："
     "它的 {param} 是 {whole} 分的 {actual}"),
    ("the label of fact {fact} says \"{quote}\" ({stated}), but the rule of {indicator} reading it deducts {share} of "
     "{whole}: its {param} is {actual}",
     "事实 {fact} 的说明写的是“{quote}”（{stated}），而读取它的指标 {indicator} 的规则扣 {whole} 分的 {share}："
     "它的 {param} 是 {actual}"),
    ("the label of fact {fact} says \"{quote}\" ({stated}), but the rule of {indicator} reading it has {param} {actual}",
     "事实 {fact} 的说明写的是“{quote}”（{stated}），而读取它的指标 {indicator} 的规则中 {param} 是 {actual!t}"),
    ("make the label say what the rule deducts, or leave the points out of it: the blank 自评表 prints it for the unit",
     "把说明改成规则实际扣的分，或不在说明中写分数：空白自评表会把它印给填表单位"),
    ("the label is the base set's: declare {fact} in this profile with a label saying what the rule deducts (facts: "
     "{fact2}: {{type: list, label: …}}), or leave the points out of it",
     "说明来自基础指标体系：在本方案的 facts 中重新声明 {fact}，写上与规则一致的说明"
     "（facts: {fact2}: {{type: list, label: …}}），或不在说明中写分数"),
    # a base's reason wording a profile's own reasons: drops (lint/reasons.py: QA277 F6)
    ("this profile's reasons: replaces the whole section of {base}, whose wording {key} its {kind} rules read goes with "
     "it: '{text}'", "本方案的 reasons: 整段替换了 {base} 的 reasons，{kind} 规则所用的理由模板 {key} 随之去掉：“{text}”"),
    ("copy {key} into this profile's reasons: to keep the base's wording, or word it anew",
     "要保留基础指标体系的说明，把 {key} 抄到本方案的 reasons: 中，或重新撰写"),
    # parts of rules no project reaches (lint/reach.py)
    ("band {band} can never be reached: {value} always lies in {range}",
     "分档 {band} 永远不会命中：{value} 的取值总在 {range} 之内"),
    ("by the declared min and max of the facts it reads; remove the band, or correct the bounds",
     "这是它所读事实声明的 min 和 max 决定的；删去该档，或改正取值范围"),
    ("variant {variant} can never be chosen: {fact} takes only {values}",
     "算法 {variant} 永远不会被选用：{fact} 只能取 {values}"),
    ("remove the variant, or add {variant} to the values of {fact}", "删去该算法，或把 {variant} 加入 {fact} 的 values"),
    ("{variant} is an alias of {value}, read as that value before the switch chooses: key the rule {key}",
     "{variant} 是 {value} 的别名，选择算法前已读作该值：请把该算法的键写成 {key}"),
    ("{fact} may be {value}, for which the switch has no rule (it has {names}): such a project cannot be scored",
     "{fact} 可能取 {value}，而 switch 没有为它写规则（只有 {names}）：这样的项目无法评分"),
    ("add a rule for {value} under rules, or remove it from the values of {fact}",
     "在 rules 下为 {value} 写一条规则，或从 {fact} 的 values 中删去它"),
    # a band edge the standard puts on the other side (lint/edges.py)
    ("the 评分标准 puts {bound} in the band {side} it ('{quote}'), but boundary: {boundary} puts it in the band {other} it",
     "评分标准把 {bound} 归入{side!t}它的一档（“{quote}”），而 boundary: {boundary} 把它归入{other!t}它的一档"),
    ("write boundary: {wanted} in the rule", "在规则中写 boundary: {wanted}"),
    # grades out of order (lint/grades.py)
    ("grade {grade} (min {min}) is written after {other} (min {other_min}), out of the order of the others: "
     "a total of {high} is graded {top}",
     "等级 {grade}（min {min}）写在 {other}（min {other_min}）之后，与其他等级的顺序不符：总分 {high} 评为 {top}"),
    ("check the min of {grade} and {other}: grades are ordered by their min, not by where they are written",
     "核对 {grade} 和 {other} 的 min：等级按 min 排序，与书写顺序无关"),
    ("{value} may lie {side} {bound}, where no band is (it lies in {range}): such a project cannot be scored",
     "{value} 可能{side!t} {bound}，那里没有任何分档（其取值在 {range} 之内）：这样的项目无法评分"),
    ("add a lowest band without min, e.g. {{max: {written}, points: 0}}",
     "加一个不写 min 的最低档，例如 {{max: {written}, points: 0}}"),
    ("add a highest band without max", "加一个不写 max 的最高档"),
    ("below", "低于"),
    ("above", "高于"),
    # bounds written as percentages (lint/percents.py)
    ("band bound {bound} is {shown} with display: percent, which no rate reaches: every project falls in the lowest band, "
     "in silence; a bound is a ratio",
     "display: percent 时分档界限 {bound} 即 {shown}，任何比率都达不到：所有项目都落进最低一档而不报错；界限应写比率"),
    ("band bound {bound} is shown as {shown}: with display: percent a bound is a ratio",
     "分档界限 {bound} 会显示为 {shown}：display: percent 时界限应写比率"),
    ("{key} {bound} is shown as {shown}: with display: percent it is a ratio",
     "{key} {bound} 会显示为 {shown}：display: percent 时应写比率"),
    ("write {ratio} for {bound}%", "{bound}% 应写成 {ratio}"),
    # percentages written as whole numbers against a ratio (lint/ratios.py)
    ("{key} {bound} is a share of the target: it reads as {shown}", "{key} {bound} 是目标值的比例：相当于 {shown}"),
    ("{key} {bound} is set for {value}, a ratio ({why}): it reads as {shown}",
     "{key} {bound} 用于比率 {value}（{why!t}）：相当于 {shown}"),
    ("{value} is compared with {bound}, but it is a ratio ({why}): the number reads as {shown}",
     "{value} 与 {bound} 比较，但它是比率（{why!t}）：该数相当于 {shown}"),
    ("it lies in {range}", "取值在 {range} 之内"),
    ("{indicator} reads it as a rate, 1 being 100%", "{indicator} 把它当作比率读取，1 即 100%"),
    ("the bands of {indicator} read it as a ratio: their bounds lie between {low} and {high}",
     "{indicator} 的分档把它当作比率读取：分档界限在 {low} 与 {high} 之间"),
    # texts cut at ' #' (lint/comments.py)
    ("the text of {key} stops before '{comment}': YAML reads a # after a space as the start of a comment",
     "{key} 的文字在 '{comment}' 之前就结束了：YAML 把空格后的 # 当作注释的开始"),
    ("put the whole text in quotes if it goes on; move a comment to a line of its own",
     "文字若要继续，给整段文字加上引号；注释请另起一行"),
    # formulas that read nothing and fail (lint/constants.py)
    ("formula {formula} reads no facts and fails for every project: {why}",
     "公式 {formula} 不读任何事实，对每个项目都会出错：{why!t}"),
    ("formula {formula} fails for every project: {why}", "公式 {formula} 对每个项目都会出错：{why!t}"),
    ("correct the formula", "请改正公式"),
    ("a condition must give true or false, and it gives {value}", "条件必须得出是或否，它得出的是 {value!t}"),
    # checks (lint/checks.py)
    ("check {number} can never fail: it compares {side} with itself", "第 {number} 条核对永远不会不通过：它拿 {side} 与自身比较"),
    ("check {number} can never fail: the declared bounds already guarantee it ({bounds})",
     "第 {number} 条核对永远不会不通过：事实声明的取值范围已保证它成立（{bounds}）"),
    ("check {number} can never fail: what it compares can only take values that make it true ({bounds})",
     "第 {number} 条核对永远不会不通过：它比较的值只能取使它成立的值（{bounds}）"),
    ("check {number} can never fail: it is true for every project", "第 {number} 条核对永远不会不通过：它对每个项目都成立"),
    ("check {number} can never fail: it reads no facts and is always true",
     "第 {number} 条核对永远不会不通过：它不读取任何事实，总是成立"),
    ("correct the condition, or remove the check: it warns about nothing", "改正条件，或删去这条核对：它不会提示任何问题"),
    ("check {number} fails for every project: it can never be true", "第 {number} 条核对对每个项目都不通过：它永远不成立"),
    ("correct the condition: as written every project gets its message ({message})",
     "改正条件：按现在的写法，每个项目都会收到这条提示（{message}）"),
    # 评分标准 text against the rule (lint/standards.py)
    ("the 评分标准 says \"{quote}\" ({stated} points at most), but the indicator weighs {weight}",
     "评分标准写的是“{quote}”（最高 {stated} 分），而该指标的分值是 {weight}"),
    ("the 评分标准 says \"{quote}\" ({stated}), but the rule deducts {points} points: its {param} is {actual} of {whole}",
     "评分标准写的是“{quote}”（{stated}），而规则扣 {points} 分：它的 {param} 是 {whole} 分的 {actual}"),
    ("the 评分标准 says \"{quote}\" ({stated}), but the rule deducts {share} of {whole}: its {param} is {actual}",
     "评分标准写的是“{quote}”（{stated}），而规则扣 {whole} 分的 {share}：它的 {param} 是 {actual}"),
    ("the 评分标准 says \"{quote}\" ({stated}), but the rule has no zero_at: deducting {each} points per {per}, it uses up "
     "the weight {weight} only at {actual}",
     "评分标准写的是“{quote}”（{stated}），而规则没有设 zero_at：每 {per} 扣 {each} 分，要到 {actual} 才扣完分值 {weight}"),
    ("write zero_at: {zero} in the rule, or make the standard text say {actual}",
     "在规则中写 zero_at: {zero}，或把评分标准改为 {actual}"),
    ("the 评分标准 says \"{quote}\" ({stated} points at most), but the rule deducts up to the whole weight {weight} (扣完为止)",
     "评分标准写的是“{quote}”（最多扣 {stated} 分），而规则扣完为止，最多扣完分值 {weight}"),
    ("the 评分标准 says \"{quote}\" ({stated} points at most), but at zero_at_count {count} findings the rule deducts the "
     "whole weight {weight}",
     "评分标准写的是“{quote}”（最多扣 {stated} 分），而规则发现 {count} 处（zero_at_count）即扣完分值 {weight}"),
    ("a deduction rule deducts until the weight is used up: restate the 评分标准, or score a cap of {stated} points with "
     "kind: formula",
     "按问题扣分规则一直扣到分值扣完为止：请改写评分标准；若要最多扣 {stated} 分，改用 kind: formula 计分"),
    ("the 评分标准 says \"{quote}\" ({stated} points at most), but the linear rule can deduct the whole weight {weight}",
     "评分标准写的是“{quote}”（最多扣 {stated} 分），而按差距扣分规则可以扣完分值 {weight}"),
    ("a linear rule deducts until the weight is used up (or scores 0 at its zero_at): restate the 评分标准, or score a cap of "
     "{stated} points with kind: formula",
     "按差距扣分规则一直扣到分值扣完为止（或到 zero_at 得 0 分）：请改写评分标准；"
     "若要最多扣 {stated} 分，改用 kind: formula 计分"),
    ("the 评分标准 says \"{quote}\" ({stated}), but the rule's {param} is not set",
     "评分标准写的是“{quote}”（{stated}），而规则没有设 {param}"),
    ("the 评分标准 says \"{quote}\" ({stated}), but the rule's {param} is {actual}",
     "评分标准写的是“{quote}”（{stated}），而规则的 {param} 是 {actual!t}"),
    ("the profile's rescale (line {line}) scaled the points of the rule with the weight, {old} to {new}: give {indicator} "
     "its weight under change: to keep the rule as written, or restate its 评分标准",
     "方案第 {line} 行的按比例调整把规则中的分数随分值由 {old} 调整为 {new}：要保留规则原写的分数，在 change: 下给 {indicator} "
     "写明分值；否则重写它的评分标准"),
    ("the profile changed this indicator's weight: restate its 评分标准 under change: {indicator}",
     "方案改了这个指标的分值：在 change: {indicator} 下重写它的评分标准"),
    ("the profile changed this indicator's rule: restate its 评分标准 under change: {indicator}",
     "方案改了这个指标的计分规则：在 change: {indicator} 下重写它的评分标准"),
    ("make the standard text and the rule say the same", "请让评分标准的文字与规则一致"),
    ("the switch's other variants, {others}, do what the 评分标准 says: make {variant} do the same, or say in the 评分标准 "
     "how it differs",
     "switch 的其他算法 {others} 与评分标准一致：请让 {variant} 也一致，或在评分标准中写明它有何不同"),
    ("not set", "未设置"),
    # a base's warning about a fact a profile declares anew, said at the profile's line (lint_set)
    ("the profile {by} declares {name} anew, and {file} line {line} reads it; {hint}",
     "方案 {by} 重新声明了 {name}，而 {file} 第 {line} 行读取它；{hint!t}"),
    ("this profile declares {name} anew, and {file} line {line} reads it; {hint}",
     "本方案重新声明了 {name}，而 {file} 第 {line} 行读取它；{hint!t}"),
    ("this profile declares {name} anew, and {file} line {line} reads it",
     "本方案重新声明了 {name}，而 {file} 第 {line} 行读取它"),
    # weights (lint/weights.py)
    ("may score {high}, above its weight {weight}: the set declares no bonus points (weight rule {rule}), "
     "so such a project is refused",
     "得分可能达到 {high}，超过分值 {weight}：本体系声明不设加分项（分值规则 {rule!t}），这样的项目评分时会被拒绝"),
    ("nothing keeps its score at or below its weight {weight}: the set declares no bonus points (weight rule {rule}), "
     "so a project scoring more is refused",
     "没有任何条件使其得分不超过分值 {weight}：本体系声明不设加分项（分值规则 {rule!t}），得分超过分值的项目评分时会被拒绝"),
    ("{number:n} ({source})", "{number}（{source}）"),  # a weight rule with its source, as lint says it: 1（不设置加分项）
    ("cap the score, e.g. min(…, {weight})", "给得分封顶，例如 min(…, {weight})"),
    ("cap the rate (a share of the weight), e.g. min(…, 1)", "给得分率（占分值的比例）封顶，例如 min(…, 1)"),
    ("weight rule {rule} is about the indicators at level {level}, but the set's deepest level is {depth}",
     "分值规则 {rule!t} 针对第 {level} 级指标，但本体系最深只有 {depth} 级"),
    ("correct the level, or remove the rule: it checks nothing", "改正级别，或删去该规则：它什么也不检查"),
    ("its name {name} says {stated} points, but it weighs {weight}", "名称 {name} 写的是 {stated} 分，但其分值是 {weight}"),
    ("the 评分标准 puts {above} in the band above it ('{quote_above}') and {below} in the band below it ('{quote_below}'): "
     "one boundary cannot say both",
     "评分标准把 {above} 归入高于它的一档（“{quote_above}”），又把 {below} 归入低于它的一档（“{quote_below}”）：一个 boundary "
     "无法同时表达"),
    ('score it with a formula that says each bound: kind: formula, score: "{formula}"',
     '改用公式逐个写明各界限：kind: formula, score: "{formula}"'),
    # rules that never give the whole weight, a zero line past its target (lint/ceilings.py: QA55 F4)
    ("its rule gives at most {most} of its weight {weight}: no project scores full marks on it",
     "其规则最多给 {most} 分，低于分值 {weight}：没有项目能在该指标上得满分"),
    ("its rule gives a row at most {most} of the row's weight: no row scores full marks",
     "其规则最多给一行该行分值的 {most}：没有一行能得满分"),
    ("make the best band (or tier) give the whole weight (share: 1, or points: {weight})",
     "让最高一档给满分（share: 1，或 points: {weight}）"),
    ("no project can be graded {grade} (min {min}): the rules of {ids} give at most {best} of the total {total}",
     "没有项目能评为 {grade}（不低于 {min} 分）：{ids} 的规则使总分最多为 {best}（满分 {total}）"),
    ("make each of those rules give its whole weight, or lower the grade's min",
     "让这些规则的最高档给满分，或降低该等级的分数线"),
    ("zero_at {zero} is not {side} the target {target}: every project up to the zero line scores 0, one at its target too",
     "zero_at {zero} 不{side!t}目标值 {target}：直到零分线的项目都得 0 分，达到目标值的也是"),
    ("write zero_at {side} {target}: the value at which the score reaches 0, on the worse side of the target",
     "把 zero_at 写成{side!t} {target} 的值：得分降为 0 之处，在目标值较差的一侧"),
    # points finer than the precision (lint/precision.py: QA293 F3)
    ("its rule's points {points} have more decimals than the set prints ({places:n}): scores and reasons show them "
     "rounded ({example})",
     "其规则的分数 {points!l} 的小数位多于体系的精度（{places} 位小数）：得分和理由按精度四舍五入显示（{example}）"),
    ("write precision: {needed:n}, or points the set prints as they are",
     "改为 precision: {needed}，或改用按精度能原样显示的分数"),
    ("make the label and the weight agree", "请让标注与分值一致"),
    # the command's last lines: how many warnings more than it lists, and the summary (lint/command.py)
    ("{ref}: {count:n} more warnings not shown", "{ref}：另有 {count} 条提示未列出"),
    ("{ref}: {id} {version}, no warnings", "{ref}：{id} {version}，没有提示"),
    ("{ref}: {id} {version}, 1 warning", "{ref}：{id} {version}，1 条提示"),
    ("{ref}: {id} {version}, {count:n} warnings", "{ref}：{id} {version}，{count} 条提示"),
    ("floor: {cut:n} scores (rate − floor) ÷ (1 − floor) of the weight, 0 at the floor; if the rate above the cut-off "
     "is scored as it is, write a formula: 0 if rate < {below:n} else min(rate, 1) × the weight",
     "floor: {cut} 表示按 (比率 − floor) ÷ (1 − floor) 折算分值，恰好等于 floor 得 0 分；若高于界限时按比率本身计分，"
     "请写成公式：0 if 比率 < {below} else min(比率, 1) × 分值"),
)

"""The Chinese of the messages about profiles (`extends:`; _profiles, loader, reports/profile), read by `_zh_catalog`."""

from __future__ import annotations

__all__ = ["PROFILES"]

PROFILES = (
    # an id a profile writes that its base already has (_build/tree)
    ("indicator id {id:s} is used twice (also in {file}, line {line:n})",
     "指标 id {id} 用了两次（另一处在 {file} 第 {line} 行）"),
    ("give each indicator its own id: this one is the base set's", "每个指标用不同的 id：这个 id 是所依据体系中的指标"),
    # children a profile wrote under its base's weight, adding up to another (_build/tree)
    ("make the children's weights add up to {weight:n}, or give the weight they add up to",
     "使下级指标分值合计为 {weight}，或改写为它们合计的分值"),
    # weight rules naming an indicator twice (_build/weight_rules)
    ("{rule}: {id:s} is named twice, and its weight would count twice", "{rule!t}：{id} 写了两次，其分值会重复计入"),
    ("name each indicator once", "每个指标只写一次"),
    ("{rule}: {id:s} is under {parent:s}, also named, whose weight holds its own",
     "{rule!t}：{id} 是同时写出的 {parent} 的下级，其分值已含在 {parent} 的分值中"),
    ("name the indicator or the one above it, not both", "只写该指标或其上级之一，不要都写"),
    ("{id} is removed twice (remove[{at}])", "{id} 删去了两次（remove[{at}]）"),
    ("list it once", "只写一次"),
    ("add rescale: true under change: {id}, so that its children follow the new weight, or set their weights under change:",
     "在 change: {id} 下加 rescale: true，下级指标按比例随之调整；或在 change: 中逐个写出下级指标的分值"),
    # a profile's own rule given to a base's indicator with children (_profile_blame, QA326 F3)
    ("a profile cannot take away the base's children of {id}: write the rule under change: for one of them, or "
     "remove: [{id}] and add: an indicator scored by the rule in its place",
     "方案不能删去基础体系中 {id} 的下级指标：请在 change: 下把规则写给其中一个下级指标，"
     "或在 remove: 中删去 {id}，再用 add: 加一个按该规则评分的指标代替它"),
    # a profile's own rule, scaled by a rescale from the base's weight (_profile_blame, QA326 F1)
    ("the rescale (line {line}) takes this rule as written for the base's weight {old} and scales it to the weight {new}: "
     "if its points were written for {new}, write weight: {new} under change: {id} to keep them as written; else correct "
     "them for the weight {new}",
     "第 {line} 行的按比例调整把这条规则视为按基础体系的分值 {old} 分写的，并随分值按比例调整到 {new} 分：如果规则中的分数"
     "本是按 {new} 分写的，在 change: {id} 下写 weight: {new} 即可保留原写的分数；否则请按 {new} 分改正这些分数"),
    ("{id} is added twice (add[{at}])", "{id} 添加了两次（add[{at}]）"),
    ("add it once", "只添加一次"),
    ("{id} is removed by this profile with {gone} (remove:, line {line})",
     "本方案已删除 {id}（随 {gone!l} 一并删除，remove: 第 {line} 行）"),
    ("{id} is removed by this profile (remove:, line {line})", "本方案已删除 {id}（remove: 第 {line} 行）"),
    ("leave it out of remove:, or leave this entry out", "把它从 remove: 中去掉，或去掉这一项"),
    ("the base set has no fact {name} to remove", "基础体系中没有事实 {name}，无从删除"),
    ("the base set has no derived value {name} to remove", "基础体系中没有派生值 {name}，无从删除"),
    ("leave this entry out", "去掉这一项"),
    ("{owner} is rescaled to {total} by {id}'s rescale, but this profile sets all its children's weights, which make {sum} "
     "({parts})", "{owner} 随 {id} 的 rescale 调整为 {total}，但本方案写明了它全部下级指标的分值，合计 {sum}（{parts}）"),
    ("{owner} is rescaled to {total} by {id}'s rescale, but this profile sets all its children's weights, which make {sum}",
     "{owner} 随 {id} 的 rescale 调整为 {total}，但本方案写明了它全部下级指标的分值，合计 {sum}"),
    ("{owner}'s rescale cannot scale its children to {total}: this profile sets all their weights, which make {sum} "
     "({parts})", "{owner} 的 rescale 无法把下级指标按比例调整到 {total}：本方案写明了它们全部的分值，合计 {sum}（{parts}）"),
    ("{owner}'s rescale cannot scale its children to {total}: this profile sets all their weights, which make {sum}",
     "{owner} 的 rescale 无法把下级指标按比例调整到 {total}：本方案写明了它们全部的分值，合计 {sum}"),
    ("set {owner}'s weight under change: to {sum}, or leave one of its children's weights to the rescale",
     "在 change: 中把 {owner} 的分值写为 {sum}，或留一个下级指标的分值由 rescale 调整"),
    # the same, a child the profile adds among them (QA338 M1)
    ("give {id} (add[{at}]) the weight {new} in place of {old} and its children's to match, or set {owner}'s weight under "
     "change: to {sum}", "把 {id}（add[{at}]）的分值由 {old} 改为 {new}，其下级指标的分值随之改写，合计为 {new}；"
     "或在 change: 中把 {owner} 的分值写为 {sum}"),
    ("give {id} (add[{at}]) the weight {new} in place of {old}, or set {owner}'s weight under change: to {sum}",
     "把 {id}（add[{at}]）的分值由 {old} 改为 {new}，或在 change: 中把 {owner} 的分值写为 {sum}"),
    ("set {owner}'s weight under change: to {sum}", "在 change: 中把 {owner} 的分值写为 {sum}"),
    ("the profile {by} removes {name} ({file}, line {line}): declare it again under facts:, or read another name",
     "方案 {by} 已删除 {name}（{file} 第 {line} 行）：在 facts: 中重新声明它，或改为读取别的名称"),
    ("this profile removes {name} (line {line}): keep it, or read another name",
     "本方案已删除 {name}（第 {line} 行）：保留它，或改为读取别的名称"),
    ("the profile {by} declares {name} anew, and {file} line {line} reads it as the base declares it: declare it as the "
     "base does, or change what reads it too",
     "方案 {by} 重新声明了 {name}，而 {file} 第 {line} 行仍按基础体系的声明读取它：按基础体系的声明写它，或一并修改读取它的内容"),
    ("this profile declares {name} anew, and {file} line {line} reads it as the base declares it: declare it as the base "
     "does, or change what reads it too",
     "本方案重新声明了 {name}，而 {file} 第 {line} 行仍按基础体系的声明读取它：按基础体系的声明写它，或一并修改读取它的内容"),
    ("{id} is already an indicator of the set", "{id} 已经是体系中的指标"),
    ("change it under change: {id}, or give the new indicator an id of its own",
     "要修改它，写在 change: {id} 下；要新增指标，另起一个 id"),
    ("{key}: is for a profile, a set that says extends: <base set>",
     "{key}: 只能用于方案（写了 extends: <基础指标体系> 的指标体系）"),
    ("add extends: with the set this one builds on, or write the indicators out in full",
     "加上 extends: 写明所基于的指标体系，或写出完整的指标"),
    ("extends {ref} makes a loop: {chain}", "extends {ref} 形成了循环：{chain}"),
    ("a profile extends one set: write a bundled set id or a set file in its folder; to build on two, extend one and write "
     "what the other changes under change:, add: or remove:",
     "一个方案只基于一个指标体系：写内置指标体系的编号，或本文件夹内的指标体系文件；要结合两个，基于其中一个，"
     "另一个所作的改动写在 change:、add: 或 remove: 下"),
    ("copy {name} into the profile's folder and write extends: {name}, or extend a bundled set id",
     "把 {name} 复制到本方案所在的文件夹，写 extends: {name}；或基于内置指标体系的编号"),
    ("write extends: {id:id} to extend the bundled set, or copy {name} into the profile's folder and write extends: {name}",
     "写 extends: {id}，即基于内置指标体系；或把 {name} 复制到本方案所在的文件夹，写 extends: {name}"),
    ("name a set's YAML file in the profile's folder, or a bundled set id",
     "写本方案所在文件夹内的指标体系 YAML 文件，或内置指标体系的编号"),
    ("write it without the brackets: extends: {ref}", "去掉方括号，写作 extends: {ref}"),
    ("extends {ref} names this set's own file: a set cannot extend itself",
     "extends {ref} 写的是本指标体系自己的文件：指标体系不能基于自身"),  # QA214 13
    ("extend the set this one builds on: a bundled set's id ({ids}) or another set's file",
     "改为基于本体系所依据的指标体系：写内置指标体系的编号（{ids!l}），或另一个指标体系的文件"),
    ("more than {limit} profiles on top of one another (MAX_EXTENDS_DEPTH), in {chain}",
     "方案层层基于其他方案，超过 {limit} 层（MAX_EXTENDS_DEPTH）：{chain}"),
    # a profile within the YAML reader's bounds whose resolved set is past them (_profiles, QA203 2)
    ("the set this profile makes with {base}: {message}", "本方案与 {base} 合成的指标体系：{message!t}"),
    ("{base}'s values count too: write fewer in this profile", "{base} 中的值也计算在内：请减少本方案中的值"),
    ("extend the set the loop started from, or the bundled set itself", "改为基于循环开始处的指标体系，或直接基于内置指标体系"),
    ("no bundled indicator set {ref:q}", "没有内置指标体系 {ref}"),
    ("extends: a file is read from the folder given as parse_indicator_set(text, folder=…); without it use a bundled set "
     "id: {ids}",
     "extends 的文件从 parse_indicator_set(text, folder=…) 给出的文件夹读取；未给出文件夹时请写内置指标体系的编号：{ids}"),
    ("no indicator {id} in the base set", "基础指标体系中没有指标 {id}"),
    ("the base profile {by} removes {id:id} with {gone:id} ({file}, line {line:n})",
     "基础方案 {by} 已删除 {id}（随 {gone} 一并删除，{file} 第 {line} 行）"),
    ("the base profile {by} removes {id:id} ({file}, line {line:n})", "基础方案 {by} 已删除 {id}（{file} 第 {line} 行）"),
    ("leave this entry out, or name an indicator the base still has", "去掉这一项，或改写为基础指标体系仍有的指标"),
    ("make one of these profiles extend a set nearer the bundled set", "请让其中某个方案改为基于更接近内置指标体系的方案"),
    ("{field:id} is a field of an indicator: indent it under the id of the indicator it changes (two spaces more)",
     "{field} 是指标的字段，不是指标编号：请把它写在所修改指标的编号之下，多缩进两个空格"),
    ("write it as a list: [{value}]", "写成列表：[{value}]"),
    ("write it as a list of mappings, each item on its own line starting with '- ', e.g. {item}",
     "写成映射的列表：每一项另起一行，以 '- ' 开头，如 {item}"),  # QA214 4: grades: [优] is no grade either
    ("each item is a mapping, e.g. {item}", "每一项应为映射，如 {item}"),
    ("a list: start each item with '- ' on its own line, e.g. {item}", "应为列表：每一项另起一行，以 '- ' 开头，如 {item}"),
    ("an indicator is a mapping: - id: {id}, with its name, weight and rule below it",
     "指标应写成映射：- id: {id}，其下再写 name、weight 和 rule"),
    ("give it the points it counts for, above 0; an indicator that counts for nothing is left out",
     "写它所占的分值（大于 0）；不计分的指标不要写进指标体系"),
    ("give it the points it counts for, above 0; to leave it out, write remove: [{id:id}] in place of this change",
     "写它所占的分值（大于 0）；要去掉这个指标，把这条修改换成 remove: [{id}]"),  # QA341 6: change: {x: {weight: 0}}
    ("the decimals scores are kept to: a whole number from 0 to 6, 2 for 0.01",
     "得分保留的小数位数：0 到 6 的整数，保留到 0.01 写 2"),
    ("write what it holds below it, indented two spaces more", "在它下面写出其内容，并多缩进两个空格"),
    ("removing {id:id} leaves its parent without indicators", "删除 {id} 后，其上级指标下没有任何指标了"),
    ("removing {id:id} leaves the set without indicators", "删除 {id} 后，本体系没有任何指标了"),
    ("add an indicator in its place", "添加一个指标代替它"),
    ("remove the parent instead, or add an indicator in its place", "改为删除上级指标，或添加一个指标代替它"),
    ("{id:id} is not under {parent}", "{id} 不在 {parent} 之下"),
    ("{id:id} is not a top-level indicator", "{id} 不是一级指标"),
    ("name a sibling of the new indicator, or leave after: out", "请写新指标的同级指标，或去掉 after:"),
    ("{id:id} has no children to add to (it is scored by a rule)", "{id} 没有下级指标，无法添加（它按自己的规则评分）"),
    ("remove: [{id:id}], then add: under {parent:id} an indicator with children: [...] in its place, its rule moved to one "
     "of them", "请在 remove: 中删去 {id}，再用 add:（under: {parent}）加一个带 children: [...] 的指标代替它，原来的 rule "
     "写在其中一个下级指标里"),
    ("remove: [{id:id}], then add: an indicator with children: [...] in its place, its rule moved to one of them",
     "请在 remove: 中删去 {id}，再用 add: 加一个带 children: [...] 的指标代替它，原来的 rule 写在其中一个下级指标里"),
    ("{id} has no sibling under {owner} whose weight this profile leaves free to take up the difference ({fixed} of {total})",
     "{owner!t} 下与 {id} 同级的指标，分值都由本方案写明，没有哪个能随之调整来补足差额（合计 {fixed}，应为 {total}）"),
    ("change {owner}'s weight instead, with rescale: true", "改为调整 {owner} 的分值，并写 rescale: true"),
    ("set the weights of the indicators beside it", "自己设定它旁边各指标的分值"),
    ("{id:id} has nothing below it to rescale", "{id} 下面没有可按比例调整的内容"),
    ("leave rescale out for an indicator scored by target rows", "按绩效目标表逐行评分的指标，请去掉 rescale"),
    ("the weights this profile sets under {owner} already make {fixed:n} of {total:n}: nothing is left to rescale the others to",
     "本方案在 {owner!t} 下写明的分值已达 {fixed}（共 {total}），其余指标没有分值可分"),
    ("the set", "整个指标体系"),
    ("lower those weights, or remove indicators", "请降低这些分值，或删除部分指标"),
    ("rescaling the indicators under {owner} to {left:n} leaves {kid:id} with 0 points",
     "把 {owner} 下的指标按比例调整为 {left} 分后，{kid} 只剩 0 分"),
    ("remove {kid:id} (remove: [{kid}]), or set the weights under {owner} yourself",
     "删除 {kid}（remove: [{kid}]），或自行写明 {owner} 下各指标的分值"),
    ("the weight of {id:id} is changed from {old:n} to {new:n} here; its rule ({file} line {line:n}) was written for {old}: "
     "write rescale: true under change: {id2}, so that its points follow the new weight, or give it a rule for {new} under "
     "change:", "{id} 的分值在这里由 {old} 改为 {new}，而它的评分规则（{file} 第 {line} 行）是按 {old} 分写的："
     "请在 change: {id2} 下加 rescale: true，规则中的分数随新分值按比例调整；或在 change: 中为它写按 {new} 分评分的规则"),
    ("the weight of {id:id} is {how} from {old:n} to {new:n} here; its rule ({file} line {line:n}) was written for {old}: "
     "give it a rule for {new} under change:, or set its weight yourself",
     "{id} 的分值在这里由 {old} {how!t}为 {new}，而它的评分规则（{file} 第 {line} 行）是按 {old} 分写的："
     "请在 change: 中为它写按 {new} 分评分的规则，或自行写明它的分值"),
    ("the weight of {id:id} is {how} from {old:n} to {new:n} here, which scales its points out of range: set its weight "
     "yourself", "{id} 的分值在这里由 {old} {how!t}为 {new}，其评分规则的分值随之按比例超出范围：请自行写明它的分值"),
    ("a profile cannot take the rule of {id} ({file} line {line:n}) away: remove: {id} and add: an indicator with its "
     "children in its place",
     "方案不能去掉 {id} 的 rule（{file} 第 {line} 行）：请在 remove: 中删去 {id}，再用 add: 加一个带下级指标的指标代替它"),
    ("this profile removes {target}, to which {id} ({file} line {line:n}) gives its weight when it does not apply: set "
     "its not_applicable_to under change: {id} (null to rescale its weight over all)",
     "本方案删除了 {target}，而 {id}（{file} 第 {line} 行）不适用时把分值转给它：请在 change: {id} 下改写 not_applicable_to"
     "（写 null 则按比例分摊到全部指标）"),
    ("this profile removes {name}, which {file} line {line:n} still names in its {section}: give the profile its own "
     "{section}: (scoring-engine resolve prints the base's)",
     "本方案删除了 {name}，但 {file} 第 {line} 行的 {section} 仍指向它：请在方案中写出自己的 {section}:"
     "（scoring-engine resolve 会打印基础指标体系中的写法）"),
    ("this profile removes {name}, which {file} line {line:n} still reads: remove or change what reads it too, or keep the fact",
     "本方案删除了 {name}，但 {file} 第 {line} 行仍读取它：请一并删除或修改读取它的内容，或保留它"),
    ("did you mean {name}? the profile {set} removes it (line {line:n}): leave it out of not_applicable, since this set "
     "does not score it",
     "是否想写 {name}？方案 {set} 删除了这个指标（第 {line} 行）：本体系不评它，从 not_applicable 中删去这一项"),
    ("the profile removes it (line {line:n})", "方案删除了这个指标（第 {line} 行）"),
    ("did you mean {name}? the profile removes it (line {line:n})", "是否想写 {name}？方案删除了这个指标（第 {line} 行）"),
    ("did you mean {name}? the profile {set} removes it (line {line:n})",
     "是否想写 {name}？方案 {set} 删除了这个指标（第 {line} 行）"),
    ("did you mean {name}? the profile {set} removes it (line {line:n}): delete this 不适用 row, since this set does not "
     "score it", "是否想写 {name}？方案 {set} 删除了这个指标（第 {line} 行）：本体系不评它，删去这一不适用行"),
    ("the profile {set} removes it (line {line:n}): delete this 不适用 row, since this set does not score it",
     "方案 {set} 删除了这个指标（第 {line} 行）：本体系不评它，删去这一不适用行"),
    ("the profile {set} renames the grades, and {file} line {line:n} compares grade with a name they no longer have: "
     "give the profile its own explain_when (and caps), naming its grades",
     "方案 {set} 改了等级名称，而 {file} 第 {line} 行仍按原来的名称比较 grade："
     "请在方案中写出自己的 explain_when（及 caps），使用方案的等级名称"),
    ("this profile renames the grades, and {file} line {line:n} compares grade with a name they no longer have: give the "
     "profile its own explain_when (and caps), naming its grades",
     "本方案改了等级名称，而 {file} 第 {line} 行仍按原来的名称比较 grade："
     "请在方案中写出自己的 explain_when（及 caps），使用本方案的等级名称"),
    ("the profile {set} renames the grades, and {file} line {line:n} caps grade at a name they no longer have: give the "
     "profile its own caps, naming its grades",
     "方案 {set} 改了等级名称，而 {file} 第 {line} 行的封顶仍用原来的等级名称：请在方案中写出自己的 caps，使用方案的等级名称"),
    ("this profile renames the grades, and {file} line {line:n} caps grade at a name they no longer have: give the "
     "profile its own caps, naming its grades",
     "本方案改了等级名称，而 {file} 第 {line} 行的封顶仍用原来的等级名称：请在方案中写出自己的 caps，使用本方案的等级名称"),
    ("the profile {set} removes it (line {line:n})", "方案 {set} 删除了这个指标（第 {line} 行）"),
    ("not_applicable has an entry without an indicator id", "not_applicable 中有一项没有写指标编号"),
    ("write the id of the indicator that does not apply", "写明不适用的指标的编号"),
    ("{count:n} more not_applicable entries are refused as these are", "另有 {count} 个 not_applicable 条目因同样的原因不被接受"),
    ("the profile {set} removes it (line {line:n}): leave it out of not_applicable, since this set does not score it",
     "方案 {set} 删除了这个指标（第 {line} 行）：本体系不评它，从 not_applicable 中删去这一项"),
    ("rescaled", "按比例调整"),
    ("changed", "改"),
    # validate and resolve
    ("extends {bases}; the resolved tree, with what {file} changes:", "基于 {bases}；展开后的指标树及 {file} 所作的改动："),
    ("was {old} (line {line:n})", "原为 {old}（第 {line} 行）"),
    ("kept at {old} (line {line:n})", "保持 {old} 不变（第 {line} 行）"),
    ("rescaled from {old} (line {line:n})", "由 {old} 按比例调整（第 {line} 行）"),
    ("added (line {line:n})", "新增（第 {line} 行）"),
    ("this profile writes its own indicators:, without one that {file} line {line:n} names in its {section}: give the "
     "profile its own {section}: too", "此方案自己写了 indicators:，其中没有 {file} 第 {line} 行的 {section} 中写到的指标："
     "请同时为方案写出自己的 {section}:"),
    ("the profile {by} writes its own indicators:, without one that {file} line {line:n} names in its {section}: give the "
     "profile its own {section}: too", "方案 {by} 自己写了 indicators:，其中没有 {file} 第 {line} 行的 {section} 中写到的指标："
     "请同时为该方案写出自己的 {section}:"),
    ("its formula gives points written for {old}, kept as they are: write them for {new}, and weight: {new} beside the "
     "rule under change: (line {line:n})",
     "其公式给出的分数是按 {old} 分写的，未随分值调整：请把公式改为按 {new} 分给分，并在 change: 下规则旁写上 weight: {new}"
     "（第 {line} 行）"),
    ("its formula gives points written for {old}, kept as they are: give it a rule for {new} under change: (a rate: "
     "follows the weight) (line {line:n})",
     "其公式给出的分数是按 {old} 分写的，未随分值调整：请在 change: 下为它写按 {new} 分评分的规则"
     "（rate: 会随分值调整）（第 {line} 行）"),
    ("its formula reads the weight, now {new} (was {old}): check that it gives each project the same share of it as "
     "before, or give it a rule for {new} under change: (line {line:n})",
     "其公式读取分值（现为 {new}，原为 {old}）：请核对它给各项目的得分占分值的比例与调整前相同，或在 change: 下为它写按 {new} 分"
     "评分的规则（第 {line} 行）"),
    ("the profile {set} removes this fact (line {line:n})", "方案 {set} 删除了这个事实（第 {line} 行）"),
    ("{id:id} is added further down, at add[{j:n}]", "{id} 在本方案后面的 add[{j}] 才新增"),
    ("put add[{j:n}] before add[{i:n}]", "把 add[{j}] 移到 add[{i}] 之前"),
    ("moved here: removed at line {old:n}, added with the indicator above it", "移到此处：第 {old} 行删去原处，随上级指标新增"),
    ("moved here: removed at line {old:n}, added at line {line:n}", "移到此处：第 {old} 行删去原处，第 {line} 行在此新增"),
    ("its rule's points scaled from {old} to {new}: restate its standard (line {line:n})",
     "评分规则中的分数已按 {old} 分到 {new} 分的比例调整，请重写其评分标准（第 {line} 行）"),
    ("its rule's points scaled from {old} to {new} (line {line:n})",
     "评分规则中的分数已按 {old} 分到 {new} 分的比例调整（第 {line} 行）"),
    ("standard changed (line {line:n})", "评分标准已修改（第 {line} 行）"),
    ("rule changed (line {line:n})", "评分规则已修改（第 {line} 行）"),
    ("name changed (line {line:n})", "名称已修改（第 {line} 行）"),
    ("children_from under change: replaces the base's whole block: write it whole, with its fact, categories, "
     "comparisons, standards and rules (scoring-engine resolve prints the base's)",
     "change: 下的 children_from 会整段替换基础指标体系中的这一段：请完整写出 fact、categories、comparisons、standards 和 rules"
     "（scoring-engine resolve 会打印基础指标体系中的写法）"),
    ("children_from replaced whole: the base's {gone} are gone (line {line:n})",
     "children_from 已整段替换：基础指标体系中的 {gone!l} 已不再保留（第 {line} 行）"),
    ("{what:id} changed (line {line:n})", "{what} 已修改（第 {line} 行）"),
    ("removed {id:id} (line {line:n})", "已删除 {id}（第 {line} 行）"),
    ("sections it replaces: {names}", "整段替换的部分：{names!l}"),
    ("sections it merges by name: {names}", "按名称合并的部分：{names!l}"),
    # the header of `resolve`: the pattern with (extends …) first, or the other would take it all as the name
    ("{id} {version}, resolved by scoring-engine resolve from {name} (extends {bases})",
     "{id} {version}，由 scoring-engine resolve 从 {name} 展开（基于 {bases}）"),
    ("{id} {version}, resolved by scoring-engine resolve from {name}",
     "{id} {version}，由 scoring-engine resolve 从 {name} 展开"),
    # a profile keeping its base's id and version while it or a base profile changes that set (_base_id: validate, lint
    # base-id; no form written from it by template, score or batch: QA152 F1, QA155 F1, QA156 F1); a bundled set's id
    # whatever its version (QA156 F4)
    ("this profile keeps the id and version of a set it is built on, {id} {version}, while changing that set: its results "
     "name {id} {version}, and no blank form or 自评表 workbook can be written from it (template; score and batch --reports "
     "as xlsx in the selfeval layout)",
     "本方案沿用了所依据指标体系的编号和版本 {id} {version}，却改动了那个体系：按本方案评分的结果注明 {id} {version}，"
     "也不能按本方案生成空白表或自评表工作簿（template；score、batch --reports 以自评表格式输出 xlsx）"),
    ("give the profile its own id: (or version:), so that its results and forms name it",
     "在本方案中写上它自己的 id:（或 version:），它的结果和表就会注明它自己"),
    ("this profile keeps the id of the bundled set {id} while changing it: its results name {id} {version}, and no blank "
     "form or 自评表 workbook can be written from it (template; score and batch --reports as xlsx in the selfeval layout), "
     "since a form naming {id} is read back without --set as the bundled set, whatever version it names",
     "本方案沿用了内置指标体系的编号 {id}，却改动了它：按本方案评分的结果注明 {id} {version}，也不能按本方案生成空白表或"
     "自评表工作簿（template；score、batch --reports 以自评表格式输出 xlsx），因为注明 {id} 的表不加 --set 读回时，"
     "不论注明哪个版本，都会被当作内置体系的表"),
    ("give the profile an id: of its own, so that its results and forms name it; a version: of its own is not enough",
     "在本方案中写上它自己的 id:，它的结果和表就会注明它自己；只写它自己的 version: 不够"),
    ("no form is written from this profile: it keeps the id and version of a set it is built on, {id} {version}, while "
     "changing that set, and a form naming {id} {version} is read back as {id}'s",
     "不能按本方案生成表：它沿用了所依据指标体系的编号和版本 {id} {version}，却改动了那个体系，注明 {id} {version} 的表"
     "读回时会被当作 {id} 的表"),
    ("give it its own id: (or version:)", "在本方案中写上它自己的 id:（或 version:）"),
    ("no form is written from this profile: it keeps the id of the bundled set {id} while changing it, and a form naming "
     "{id} is read back without --set as the bundled set, whatever version it names",
     "不能按本方案生成表：它沿用了内置指标体系的编号 {id}，却改动了它，注明 {id} 的表不加 --set 读回时，不论注明哪个版本，"
     "都会被当作内置体系的表"),
    ("give it an id: of its own; a version: of its own is not enough",
     "在本方案中写上它自己的 id:（只写它自己的 version: 不够）"),
    ("the set written names itself {id} {version} too, and nothing refuses its forms, which are read back as {id}'s: give "
     "the profile an id: of its own before resolving it, or write one in the file written",
     "展开写出的体系同样注明 {id} {version}，按它生成表时不会报错，表读回时会被当作 {id} 的表：展开前在方案中写上它自己的 "
     "id:，或在写出的文件中改写 id:"),
    # a base that is no mapping (a string, a list): QA58
    ("extends {ref}, which is not an indicator set: {message}", "extends 的 {ref} 不是指标体系：{message!t}"),
    ("extend a bundled set id or a set's file", "extends 应写内置指标体系的编号，或一个指标体系文件"),
    # a form, or facts imported from one, read with another version of its set or the set's file edited since
    # (forms/bases: QA205 3, 5)
    ("the file of the set {id:id} {version:s} has changed since the form was written, keeping its id and version: the "
     "form records the set's sha256 {recorded}, the set read here has {current}",
     "指标体系 {id} 的 {version} 版在这张表填写之后改过（id 和版本号未变）：表上记录的体系 sha256 为 {recorded}，"
     "这里读取的体系为 {current}"),
    ("the file of the set {id:id} {version:s} has changed since the form these facts were imported from was written, "
     "keeping its id and version: the form records the set's sha256 {recorded}, the set read here has {current}",
     "导入这些事实所用的表填写之后，指标体系 {id} 的 {version} 版改过（id 和版本号未变）：表上记录的体系 sha256 为 "
     "{recorded}，这里读取的体系为 {current}"),
    ("use the set's file as it was when the form was written (a copy differing only in its comments, as sets --copy "
     "writes one, scores alike); if the set was changed on purpose, give it a new version and fill its blank "
     "form ({template})",
     "用填表时的体系文件（只有注释不同的副本，如 sets --copy 写出的，评分相同）；体系是有意修改的，请给它一个新的版本号，"
     "并改填它的空白表（{template}）"),
    ("the facts were imported from a form written for version {version} of the set {named}, and are scored here with "
     "its version {current}", "这些事实导入自按指标体系 {named} 的 {version} 版填写的表，这里却用它的 {current} 版评分"),
    # a facts file's written_for.sha256 that is not a set's sha256 (_schema: QA206 5)
    ("{field:s} {value} is not the set's sha256, which has 64 hexadecimal digits",
     "{field} {value} 不是指标体系的 sha256：它应为 64 位十六进制数字"),
    ("write all 64, as the 表外事实 sheet of the form records them (a warning shows only the first 16), or leave sha256 "
     "out", "按表的“表外事实”工作表记录的 sha256 写全 64 位（提示中只显示前 16 位），或删去 sha256"),
)

"""The Chinese of the messages about profiles (`extends:`; _profiles, loader, reports/profile), read by `_zh_catalog`."""

from __future__ import annotations

__all__ = ["PROFILES"]

PROFILES = (
    ("{key}: is for a profile, a set that says extends: <base set>",
     "{key}: 只能用于方案（写了 extends: <基础指标体系> 的指标体系）"),
    ("add extends: with the set this one builds on, or write the indicators out in full",
     "加上 extends: 写明所基于的指标体系，或写出完整的指标"),
    ("extends {ref} makes a loop: {chain}", "extends {ref} 形成了循环：{chain}"),
    ("more than {limit} profiles on top of one another (MAX_EXTENDS_DEPTH)",
     "方案层层基于其他方案，超过 {limit} 层（MAX_EXTENDS_DEPTH）"),
    ("extend the set the loop started from, or the bundled set itself", "改为基于循环开始处的指标体系，或直接基于内置指标体系"),
    ("no bundled indicator set {ref:q}", "没有内置指标体系 {ref}"),
    ("extends: a file works for a set read from a file; here use a bundled set id: {ids}",
     "只有从文件读取的指标体系才能 extends 一个文件；这里请写内置指标体系的编号：{ids}"),
    ("no indicator {id:id} in the base set", "基础指标体系中没有指标 {id}"),
    ("removing {id:id} leaves its parent without indicators", "删除 {id} 后，其上级指标下没有任何指标了"),
    ("remove the parent instead, or add an indicator in its place", "改为删除上级指标，或添加一个指标代替它"),
    ("{id:id} is not under {parent}", "{id} 不在 {parent} 之下"),
    ("the top level", "一级指标"),
    ("name a sibling of the new indicator, or leave after: out", "请写新指标的同级指标，或去掉 after:"),
    ("{id:id} has no children to add to (it is scored by a rule)", "{id} 没有下级指标，无法添加（它按自己的规则评分）"),
    ("change it with children: [...] instead", "请改为在 change: 中给它写 children: [...]"),
    ("{id:id} has nothing below it to rescale", "{id} 下面没有可按比例调整的内容"),
    ("leave rescale out for an indicator scored by target rows", "按绩效目标表逐行评分的指标，请去掉 rescale"),
    ("the weights this profile sets under {owner} already make {fixed:n} of {total:n}: nothing is left to rescale the others to",
     "本方案在 {owner} 下写明的分值已达 {fixed}（共 {total}），其余指标没有分值可分"),
    ("the set", "整个指标体系"),
    ("lower those weights, or remove indicators", "请降低这些分值，或删除部分指标"),
    ("rescaling the indicators under {owner} to {left:n} leaves {kid:id} with 0 points",
     "把 {owner} 下的指标按比例调整为 {left} 分后，{kid} 只剩 0 分"),
    ("remove {kid:id} (remove: [{kid}]), or set the weights under {owner} yourself",
     "删除 {kid}（remove: [{kid}]），或自行写明 {owner} 下各指标的分值"),
    ("the weight of {id:id} is {how} from {old:n} to {new:n} here; its rule ({file} line {line:n}) was written for {old}: "
     "give it a rule for {new} under change:, or set its weight yourself",
     "{id} 的分值在这里由 {old} {how!t}为 {new}，而它的评分规则（{file} 第 {line} 行）是按 {old} 分写的："
     "请在 change: 中为它写按 {new} 分评分的规则，或自行写明它的分值"),
    ("this profile removes {name}, which {file} line {line:n} still reads: remove or change what reads it too, or keep the fact",
     "本方案删除了 {name}，但 {file} 第 {line} 行仍读取它：请一并删除或修改读取它的内容，或保留它"),
    ("rescaled", "按比例调整"),
    ("changed", "改"),
    # validate and resolve
    ("extends {bases}; the resolved tree, with what {file} changes:", "基于 {bases}；展开后的指标树及 {file} 所作的改动："),
    ("was {old} (line {line:n})", "原为 {old}（第 {line} 行）"),
    ("rescaled from {old} (line {line:n})", "由 {old} 按比例调整（第 {line} 行）"),
    ("added (line {line:n})", "新增（第 {line} 行）"),
    ("its rule's points scaled from {old} to {new}: restate its standard (line {line:n})",
     "评分规则中的分数已按 {old} 分到 {new} 分的比例调整，请重写其评分标准（第 {line} 行）"),
    ("{what:id} changed (line {line:n})", "{what} 已修改（第 {line} 行）"),
    ("removed {id:id} (line {line:n})", "已删除 {id}（第 {line} 行）"),
    ("sections it replaces: {names}", "整段替换的部分：{names}"),
    ("sections it merges by name: {names}", "按名称合并的部分：{names}"),
    # the header of `resolve`: the pattern with (extends …) first, or the other would take it all as the name
    ("{id} {version}, resolved by scoring-engine resolve from {name} (extends {bases})",
     "{id} {version}，由 scoring-engine resolve 从 {name} 展开（基于 {bases}）"),
    ("{id} {version}, resolved by scoring-engine resolve from {name}",
     "{id} {version}，由 scoring-engine resolve 从 {name} 展开"),
)

"""Indicator sets the tests share, as the docs show them."""

#: The example-rows set of docs/indicator-sets.md, without its standards: row groups of its own (no `comparisons`).
EXAMPLE_ROWS = """id: example-rows
name: 示例：按绩效目标表评分
version: "1"
total: 50
grades:
  - {label: 合格, min: 30}
  - {label: 不合格, min: 0}
facts:
  targets: {type: list, items: target, label: 绩效目标表（产出指标）}
indicators:
  - id: output
    name: 产出指标
    weight: 50
    standard: 按项目绩效目标表逐项评分。
    children_from:
      fact: targets
      rules:
        quantity: {kind: proportional, value: row.actual, target: row.target}
        timeliness: {kind: linear, value: row.actual, target: row.target, direction: lower_is_better, share_each: 0.2, units: started}
        qualitative: {kind: tiers, fact: row}
"""

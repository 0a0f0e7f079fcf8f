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


def one_row_group(precision: int, weight: int) -> str:
    """A set of one indicator of `weight` points whose rows are the fact `rows` (target rows, each scored in
    proportion), at `precision`: where a row's weight meets the set's precision."""
    return (f"id: t\nname: t\nversion: '1'\nprecision: {precision}\nfacts:\n  rows: {{type: list, items: target}}\n"
            f"grades: [{{label: 优, min: 0}}]\ntotal: {weight}\n"
            f"indicators:\n  - id: a\n    name: 甲\n    weight: {weight}\n    children_from:\n      fact: rows\n"
            "      rules:\n        number: {kind: proportional, value: row.actual, target: row.target}\n")


def number_rows(*weights: float) -> list[dict[str, object]]:
    """Rows of `one_row_group`, named 甲, 乙…, each of its weight and met in full."""
    return [{"name": name, "type": "number", "weight": weight, "target": 1, "actual": 1}
            for name, weight in zip("甲乙丙丁"[:len(weights)], weights, strict=True)]

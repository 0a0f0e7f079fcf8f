"""The Chinese of the messages about test cases (`cases`): part of the catalog (`_zh_catalog`), in its place there,
before the command line's own."""

from __future__ import annotations

__all__ = ["CASES"]

CASES = (
    ("no case files (*.cases.yaml) in {paths}", "{paths} 中没有测试用例文件（*.cases.yaml）"),
    ("write the cases of a set in a file NAME.cases.yaml beside it",
     "把体系的测试用例写在它旁边的文件中，文件名为 名称.cases.yaml"),
    ("move the case file into the set's folder or the set into the case file's, or name a bundled set id",
     "把测试用例文件移到指标体系所在的文件夹，或把指标体系移到测试用例文件所在的文件夹；也可写内置指标体系的编号"),
    ("a case file needs indicator_set and a non-empty list of cases", "用例文件需要 indicator_set 和非空的 cases 列表"),
    ("expect is empty: a case must expect something", "expect 为空：用例必须写出预期结果"),
    ("the case has no expect: write expect: {{total: …}}, {{scores: {{…}}}} or {{error: …}}",
     "这个用例没有 expect：写 expect: {{total: …}}、{{scores: {{…}}}} 或 {{error: …}}"),
    ("case {number} needs a name of its own: case {other} is named {name}",
     "第 {number} 个用例需要自己的名称：第 {other} 个用例已叫 {name}"),
    ("give each case a different name", "每个用例用不同的名称"),
    ("case {number} needs a name of its own", "第 {number} 个用例需要自己的名称"),
    ("grade is empty: it names no grade", "grade 为空：没有写出等级"),
    ("write the grade the case expects, such as 优, or leave grade out", "写出用例预期的等级（例如 优），或不写 grade"),
    ("warnings holds an empty text, which every warning contains", "warnings 中有空文字：任何提示都含有它"),
    ("flags holds an empty text, which every flag contains", "flags 中有空文字：任何需说明都含有它"),
    ("copy a part of the warning the case expects, or write warnings: [] for none",
     "复制用例预期的提示的一部分；预期没有提示时写 warnings: []"),
    ("copy a part of the flag the case expects, or write flags: [] for none",
     "复制用例预期的需说明的一部分；预期没有需说明时写 flags: []"),
    # a facts file a case file names that is there but cannot be read: its own problems follow this line (QA128 F5)
    ("facts_file {ref} cannot be read:", "facts_file {ref} 无法读取："),
    # its fix when it is a set or a result (_case_texts.facts_file_fixes, QA184 F11)
    ("name the set with indicator_set: at the top of the case file, and the project's facts file with facts_file:",
     "在测试用例文件开头用 indicator_set: 指明指标体系，用 facts_file: 指明项目的事实文件"),
    ("name the facts file it was made from with facts_file:", "用 facts_file: 指明生成它的事实文件"),
    ("overrides must map fact names to values", "overrides 应为“事实名称: 值”的映射"),
    # a fact of a case's own facts or facts_file the set does not declare (`_case_undeclared`, QA181 F1)
    ("fact {name} in the case's {what} is not a fact of the set", "用例 {what} 中的事实 {name} 不是体系中的事实"),
    ("{count} more facts in the case's {what} are not facts of the set", "用例 {what} 中另有 {count} 个事实不是体系中的事实"),
    ("give the facts the set declares, or expect the warning that the fact is ignored",
     "只给出体系中声明的事实；若用例正是要测试它被忽略，在 expect 的 warnings 中写出这条提示"),
    ("check that the facts are meant for this set", "确认这些事实是为这个体系写的"),
    ("expected an error containing {words}, but it scored {total} {grade}",
     "预期报错且错误中含 {words}，实际评分为 {total} {grade}"),
    ("expected an error containing {words}, got", "预期错误中含 {words}，实际错误为"),
    ("scoring failed", "评分失败"),
    ("give the cases facts written for {set:s}, or test these facts in a case file of {named}",
     "改用为 {set} 写的事实，或在 {named} 的测试用例文件中测试这些事实"),
    ("{what} expected {wanted}, got {got} (difference {difference}); scores are printed to {places:n} decimals, so none is "
     "{same}: write it to {places:n} decimals, or give a tolerance",
     "{what!t} 预期 {wanted}，实际 {got}（相差 {difference}）；得分保留 {places} 位小数，不会等于 {same}："
     "请按 {places} 位小数填写，或给出 tolerance"),  # (QA337 7)
    ("{what} expected {wanted}, got {got} (difference {difference})", "{what!t} 预期 {wanted}，实际 {got}（相差 {difference}）"),
    ("grade {grade} is not a grade of the set ({known}); got {got}", "等级 {grade} 不是本体系的等级（{known!t}）；实际 {got}"),
    ("grade expected {wanted}, got {got} (total {total:n})", "等级预期 {wanted}，实际 {got}（总分 {total}）"),
    ("grade expected {wanted}, got {got}", "等级预期 {wanted}，实际 {got}"),
    ("override a fact the set declares, or expect the warning that the fact is ignored",
     "只覆盖体系中声明的事实；若用例正是要测试它被忽略，在 expect 的 warnings 中写出这条提示"),  # (QA337 3)
    ("the warning expected is that of several facts: expect for each of them a warning naming it, "
     "fact {name:id} is not declared by the set and is ignored",
     "期望的提示文字是几个事实共有的：请在 expect 的 warnings 中为每个这样的事实各写一条点名它的提示，"
     "如“事实 {name} 没有在体系中声明，已忽略”"),  # (QA341 7)
    ("scores name {name}, which {count:n} indicators are named: {shown}; give the id, e.g. {id}",
     "scores 中的 {name} 是 {count} 个指标共用的名称：{shown}；请写指标编号，例如 {id}"),  # (QA337 2)
    ("no indicator {id} in the result ({close})", "结果中没有指标 {id}（{close!t}）"),
    ("no indicator {id} in the result", "结果中没有指标 {id}"),
    # the texts a difference lists are put in already in Chinese (`_case_texts`)
    ("expected no warnings, got: {texts}", "预期没有提示，实际有：{texts}"),
    ("expected no flags, got: {texts}", "预期没有需说明，实际有：{texts}"),
    ("no warning contains {words} (warnings: {texts})", "没有提示含有 {words}（提示：{texts}）"),
    ("no flag contains {words} (flags: {texts})", "没有需说明含有 {words}（需说明：{texts}）"),
    # a file given to test that is another kind (_case_texts.not_a_case_file, QA148 F1)
    ("this is a result written by scoring-engine score (it has engine: and total:), not a test cases file",
     "这是 scoring-engine score 写出的结果（含 engine: 和 total:），不是测试用例文件"),
    ("a case file says what each case expects under expect:", "测试用例文件在 expect: 下写明每个用例的预期结果"),
    ("this is an indicator set (it has indicators: or extends:), not a test cases file",
     "这是指标体系（含 indicators: 或 extends:），不是测试用例文件"),
    ("write its cases in a file of their own (NAME.cases.yaml, indicator_set: naming it); check the set itself with "
     "scoring-engine validate", "把它的测试用例写在单独的文件中（名称.cases.yaml，用 indicator_set: 指明它）；"
     "检查指标体系本身请用 scoring-engine validate"),
    ("this is a facts file (it has facts:), not a test cases file", "这是事实文件（含 facts:），不是测试用例文件"),
    ("a case file names it with facts_file:; score it with scoring-engine score; in Python, score it with "
     "score(indicator_set, load_facts(path))",
     "测试用例文件用 facts_file: 指明它；为它评分请用 scoring-engine score；在 Python 中请用 "
     "score(indicator_set, load_facts(path)) 为它评分"),
    ("a case file names it with facts_file:; score it with scoring-engine score",  # the command line's (QA180 F1)
     "测试用例文件用 facts_file: 指明它；为它评分请用 scoring-engine score"),
)

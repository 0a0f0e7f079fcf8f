"""The Chinese of the command line's messages about its options: --output (a file, the format its extension names, given
twice), an option that takes one value given twice, `-` given where standard input is not read; and a path the
locale's encoding cannot hold (`_path_encoding`), what to do when standard output cannot take the output, and the
system's reasons a file cannot be written or read (os.strerror). Part of
the catalog (`_zh_catalog`), in its place among the command line's messages (`_zh_commands.COMMANDS`)."""

from __future__ import annotations

__all__ = ["OPTIONS"]

#: The system's reasons (os.strerror) a file written, a folder made or a file read may meet, besides those among the
#: catalog's fragments (Permission denied, No space left on device, …): never said in English inside a Chinese line
#: (QA340 F2: 无法写出文件：Operation not permitted, a share's immutable folder)
_SYSTEM_REASONS = (
    ("Operation not permitted", "系统不允许这一操作"),
    ("Invalid cross-device link", "不能跨磁盘移动文件"),
    ("Device or resource busy", "设备或资源正忙"),
    ("Text file busy", "文件正被程序使用"),
    ("File too large", "文件太大"),
    ("Too many links", "链接数过多"),
    ("No such device or address", "没有这个设备或地址"),
    ("No such device", "没有这个设备"),
    ("Invalid argument", "参数无效（文件名中可能有该磁盘不允许的字符）"),
    ("Resource temporarily unavailable", "资源暂时不可用"),
    ("Interrupted system call", "系统调用被中断"),
    ("Too many open files", "打开的文件过多"),
    ("Too many open files in system", "系统打开的文件过多"),
    ("Stale file handle", "文件句柄已失效（网络共享上的文件已被移走或替换）"),
    ("Directory not empty", "文件夹不是空的"),
    ("Value too large for defined data type", "数值超出数据类型的范围"),
    ("Transport endpoint is not connected", "连接已断开（网络共享或挂载的磁盘已断开）"),
    ("Operation not supported", "该磁盘不支持这一操作"),
    ("Connection timed out", "连接超时"),
    ("Connection reset by peer", "连接被对方重置"),
    ("Host is down", "主机已关闭"),
    ("No route to host", "无法连到主机"),
    ("Network is down", "网络已断开"),
    ("Network is unreachable", "网络不可达"),
    ("Cannot allocate memory", "内存不足"),
    ("No locks available", "没有可用的文件锁"),
    ("Function not implemented", "系统不支持这一功能"),
    ("Operation canceled", "操作已取消"),
    ("Bad file descriptor", "文件描述符无效"),
    ("Invalid or incomplete multibyte or wide character", "文件名含有无效的多字节字符"),
    ("No medium found", "没有找到存储介质"),
    ("Remote I/O error", "远程输入/输出错误"),
    ("Structure needs cleaning", "文件系统需要修复"),
    ("Required key not available", "缺少所需的密钥（加密文件夹未解锁）"),
    ("no free temporary name beside it", "旁边找不到可用的临时文件名"),
    ("the system gave error {code} ({why})", "系统报告错误 {code}（{why}）"),
)

OPTIONS = (*_SYSTEM_REASONS,
    # batch's last error line where no output written lists the projects that could not be scored (QA325 F4)
    ("… the other lines are not shown: run again with --output NAME.xlsx to see every project that could not be scored, "
     "on its sheet 问题", "……其余的错误未列出：加 --output 文件名.xlsx 再次运行，可在“问题”表中看到所有未能评分的项目"),
    ("--output {path} is given twice", "--output {path} 给了两次"),
    ("the extension {ext} names the format {named}; written as --format {fmt} says",
     "扩展名 {ext} 表示 {named} 格式；已按 --format {fmt} 写出"),
    ("--output {name}: the name ends in a space or a dot after its extension {ext}; write it without them",
     "--output {name}：文件名在扩展名 {ext} 之后还有空格或句点；请去掉它们"),
    ("--output {path}: this command does not write {named} (the extension {ext}); give one of {known} or --format",
     "--output {path}：这个命令不写出 {named} 格式（扩展名 {ext}）；可用的扩展名：{known!l}，或用 --format 指定格式"),
    ("--output {path}: this command does not write {named} (the extension {ext}); give one of {known}",
     "--output {path}：这个命令不写出 {named} 格式（扩展名 {ext}）；可用的扩展名：{known!l}"),
    ("a name ending in / names a folder ({path}): give the name of a file", "以 / 结尾的名字是文件夹（{path}）：请给出文件名"),
    # `-` where standard input is not read (_cli_stdin.refuse_stdin, QA179 F5); batch's own is among the commands'
    ("{who:s} does not read standard input: give the indicator set by its id or its file",
     "{who} 不读取标准输入：请给出指标体系的编号或文件"),
    ("{who:s} does not read standard input: give the id of a bundled set", "{who} 不读取标准输入：请给出内置指标体系的编号"),
    ("{who:s} does not read standard input: give the filled form (.xlsx) by its path",
     "{who} 不读取标准输入：请给出填好的自评表（.xlsx）的路径"),
    ("{who:s} does not read standard input: give each facts file by its path", "{who} 不读取标准输入：请给出各事实文件的路径"),
    ("{who:s} does not read standard input: give the case files (*.cases.yaml) or their folders by path",
     "{who} 不读取标准输入：请给出用例文件（*.cases.yaml）或其所在文件夹的路径"),
    ("given {count} times ({values}): it takes one value, give it once",
     "给了 {count} 次（{values!l}）：只能给一个值，请只写一次"),
    ("given {count} times ({values}): this command writes one file", "给了 {count} 次（{values!l}）：这个命令只写出一个文件"),
    ("'-' is standard output: leave --output out to print on the screen", "'-' 表示标准输出：要显示在屏幕上，不写 --output 即可"),
    # a UTF-8 name typed on a GBK locale's server, read as GBK (汇总 as 姹囨€, QA224 2)
    ("the file name cannot be written in the encoding of the locale ({encoding:s})",
     "文件名无法用当前区域设置的编码（{encoding}）表示"),
    ("use a UTF-8 locale, e.g. LANG=zh_CN.UTF-8", "改用 UTF-8 区域设置，如 LANG=zh_CN.UTF-8"),
    # a command without --output is not told to give it (_command_line.stdout_fix, QA224 5)
    ("redirect it to a file", "重定向到文件"),
    ("set PYTHONIOENCODING=utf-8 and redirect it to a file: > FILE", "设置 PYTHONIOENCODING=utf-8 并重定向到文件：> FILE"),
    # outputs put in place together, or none (_commit, QA320 F2, F3)
    ("already replaced, and could not be put back: {why}; the earlier file is kept as {aside}",
     "已被替换，且无法恢复：{why!t}；原来的文件保存为 {aside}"),
    ("already written, and could not be removed: {why}", "已写出，且无法删除：{why!t}"),
    ("a temporary file could not be removed: remove it", "无法删除临时文件：请删去它"),
    ("cannot write the report: its temporary file {name} is gone", "无法写出文件：它的临时文件 {name} 已不存在"),
    ("run it again", "再运行一次"),
    # a link that leads to no file (_links, QA320 F7)
    ("it is a link to {target}, which does not exist", "它是指向 {target} 的链接，而那里没有文件"),
    ("make the file it names, or remove the link", "先建好链接所指的文件，或删去这个链接"),
    ("remove the link, or make it name the file", "删去这个链接，或让它指向要读取的文件"),
    ("cannot create the reports folder: it is a symbolic link in a loop of links",
     "无法创建报告文件夹：它是符号链接，而这些链接形成了循环"),
    # a device given as the folder to write into (_cli_params.FolderToWrite, QA320 F8)
    ("not a folder: {path} is a device, a pipe or a socket", "{path} 不是文件夹，而是设备、管道或套接字。"),
    # an output that is the reports folder too (batch.run.outputs_clash, QA320 F8)
    ("--output {path} is also the --reports folder: give the summary file and the reports folder different names",
     "--output {path} 也是 --reports 给出的报告文件夹：请给汇总文件和报告文件夹不同的名字"),
    # --compare-set naming the set --set scores every project under (_cli_batch, QA332 F5)
    ("--compare-set {other} is the set every project is scored under (--set {fixed}, the same content): each project "
     "would be compared with itself", "--compare-set {other} 就是所有项目评分所用的指标体系（--set {fixed}，内容相同）："
     "每个项目都会与它自己对比"),
    # a set named by a path in facts piped in, which have no folder (_cli_stdin.set_named_on_stdin, QA337)
    ("{said} (the facts come from standard input, which has no folder: a path they name is read from the current folder; "
     "--set gives the set wherever it is)", "{said!t}（事实来自标准输入，没有所在文件夹：其中写的路径从当前文件夹读取；"
     "也可用 --set 给出指标体系）"),
    ("no indicator set {ref:q}: neither a file in the current folder nor a bundled set id",
     "没有指标体系 {ref}：既不是当前文件夹内的文件，也不是内置指标体系的编号"),
    ("{what} {ref:q} is not inside the current folder", "{what} {ref} 不在当前文件夹内"),
)

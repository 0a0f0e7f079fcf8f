"""The words that name a fault in a finding's text (未, 超, 挪用, 坐支, 白条, 以拨代支…), one list for every reader.

A heading names no fault (一、资金管理), a count after a fault is its own (以拨代支，共2处), a part of a line naming one
may be a finding of its own (未附发票。坐支现金。): each reader asks this list. Words missing from a list of each reader's
let a finding be read as a heading and dropped (QA297 F1: A.公款私存问题 over a none took 0 points).
"""

from __future__ import annotations

from ._patterns import compile_later

__all__ = ["FAULT"]

FAULT = compile_later(r"未|不|无|没有|缺|超|违|挪|挤占|截留|虚|套取|骗取|冒领|坐支|白条|私|重复|滞后|滞留|延迟|推迟|逾期|延期|"
                      r"擅自|挂账|闲置|偏低|缓慢|仅为|错误|混|兼任|一人|提前|以拨代支|代替|以现金|福利|个人账户|账外|漏|乱")

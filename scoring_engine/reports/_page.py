"""What every HTML page the engine writes shares: the head with its Content Security Policy, and the house style.

A page has no script and loads nothing: the policy forbids everything but its
own stylesheet, named by the hash of the exact text in its <style>.
"""

from __future__ import annotations

import base64
import hashlib

from .._text import html_escape as escape  # titles hold a project's name: hidden characters shown, not kept

__all__ = ["BASE_CSS", "head"]

#: The colours, fonts and page frame of the report and the batch summary (the form page has its own, as on paper); long
#: text without spaces (a URL, an id) wraps inside its cell, so that every column fits the page's width (QA176 F3, QA316 F1).
BASE_CSS = """
:root { --ink: #1d2733; --muted: #5b6675; --line: #c9d0d9; --shade: #eef1f5; --accent: #1f4e79; --warn: #9a5b00; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f6f8; color: var(--ink); line-height: 1.55;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "WenQuanYi Micro Hei", "SimHei", sans-serif; font-size: 14px; }
main { max-width: 1120px; margin: 24px auto; padding: 28px 36px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
h1 { font-size: 22px; margin: 0 0 8px; }
h2 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
main { overflow-wrap: anywhere; }"""

_CSP = "default-src 'none'; style-src 'sha256-{}'; img-src data:; base-uri 'none'; form-action 'none'"


def head(title: str, css: str, generator: str) -> str:
    """'<!DOCTYPE html>…</head>': the page's title, its stylesheet and the policy that allows only that stylesheet."""
    csp = _CSP.format(base64.b64encode(hashlib.sha256(css.encode()).digest()).decode())
    return ('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="{escape(generator)}">\n'
            f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n")

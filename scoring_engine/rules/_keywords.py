"""The words of a ladder's keyword_points, found in a finding's text in one pass over it (Aho–Corasick).

A finding deducts the points of the first keyword_points entry one of whose words its text holds, and names the first
such word of that entry (docs/indicator-sets.md#deduction). Trying each word against each finding cost findings ×
words: 20,000 findings against 45,000 words took 39 s (QA203 5). The words are put in a trie once, each ranked by
(entry, place in the entry); a text is read once, and at each character the best rank of every word ending there is
known from the trie, so a finding costs the length of its text, whatever the number of words.
"""

from __future__ import annotations

from collections import deque

__all__ = ["Keywords"]

_NONE = 1 << 62  # a rank no word has


class Keywords:
    """The words of keyword_points entries, in order: `first(text)` is (entry, word) of the first entry with a word the
    text holds and that entry's first such word, as trying them in order gives.

    >>> Keywords((("挪用", "截留"), ("超支",))).first("发现截留资金，且超支")
    (0, '截留')
    >>> Keywords((("挪用",), ("超支",))).first("未发现问题") is None
    True
    """

    __slots__ = ("_best", "_empty", "_fail", "_goto", "_groups", "_words")

    def __init__(self, groups: tuple[tuple[str, ...], ...]):
        self._groups = groups
        rank: dict[str, int] = {}
        self._words: list[tuple[int, str]] = []
        for g, words in enumerate(groups):
            for word in words:
                if word not in rank:  # a word given again ranks where it was first given
                    rank[word] = len(self._words)
                    self._words.append((g, word))
        self._empty = rank.pop("", _NONE)  # every text holds the empty word
        self._goto: list[dict[str, int]] = [{}]
        self._best: list[int] = [_NONE]  # the best rank of a word ending at each node, by itself or a suffix of it
        for word, r in rank.items():
            node = 0
            for ch in word:
                nxt = self._goto[node].get(ch)
                if nxt is None:
                    nxt = self._goto[node][ch] = len(self._goto)
                    self._goto.append({})
                    self._best.append(_NONE)
                node = nxt
            self._best[node] = min(self._best[node], r)
        self._fail = self._links()

    def _links(self) -> list[int]:
        """Each node's longest proper suffix in the trie, breadth first; each node's best rank taken over its suffixes."""
        goto, best = self._goto, self._best
        fail = [0] * len(goto)
        queue = deque(goto[0].values())
        while queue:
            node = queue.popleft()
            for ch, nxt in goto[node].items():
                f = fail[node]
                while f and ch not in goto[f]:
                    f = fail[f]
                fail[nxt] = goto[f].get(ch, 0)
                best[nxt] = min(best[nxt], best[fail[nxt]])
                queue.append(nxt)
        return fail

    def first(self, text: str) -> tuple[int, str] | None:
        """(entry, word) of the best-ranked word `text` holds, or None when it holds none."""
        goto, fail, best = self._goto, self._fail, self._best
        found, node = self._empty, 0
        for ch in text:
            if not found:
                break  # the first word of the first entry: none ranks better
            while node and ch not in goto[node]:
                node = fail[node]
            node = goto[node].get(ch, 0)
            found = min(found, best[node])
        return self._words[found] if found != _NONE else None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Keywords) and other._groups == self._groups

    def __hash__(self) -> int:
        return hash(self._groups)

    def __repr__(self) -> str:
        return f"Keywords({self._groups!r})"

"""QA317: the Python API as an embedding developer uses it."""

from __future__ import annotations

import pytest

from conftest import ROOT
from scoring_engine import load_indicator_set, parse_indicator_set, score_many, summarise
from scoring_engine.batch import Document

SMALL = ROOT / "examples" / "small"


@pytest.fixture(scope="module")
def small():
    return load_indicator_set(SMALL / "set.yaml")


def test_a_documents_text_given_as_bytes_is_read_as_utf8_and_another_kind_is_the_callers_mistake(small) -> None:
    """QA317 1: Document(text=<bytes>) given to score_many (a JSONL line read in binary) came back as the engine's
    'internal error: TypeError …', and Document(text=5) too. Bytes are read as UTF-8, as parse_facts reads them; bytes
    that are not UTF-8 and a text of another kind are a plain problem of that document."""
    line = (SMALL / "facts.json").read_bytes().replace(b"\n", b" ")
    as_text = next(iter(score_many(small, [Document(source="p.jsonl:1", text=line.decode("utf-8"))])))
    as_bytes = next(iter(score_many(small, [Document(source="p.jsonl:1", text=line)])))
    assert as_bytes.ok and as_bytes.result is not None and as_text.result is not None
    assert as_bytes.result.to_json() == as_text.result.to_json()
    not_text, not_utf8 = score_many(small, [Document(source="a", text=5), Document(source="b", text=b"\xff{}")])  # type: ignore[arg-type]
    assert "not int" in not_text.problems[0].message and "internal error" not in str(not_text.problems[0])
    assert not_utf8.problems[0].message == "the facts text is not UTF-8 (byte 0 cannot be read)"
    assert "Document 的 text 应是" in not_text.problems[0].text("zh") and "先按其编码解码" in not_utf8.problems[0].text("zh")
    assert summarise([not_text, not_utf8]).internal == 0


@pytest.mark.parametrize("sha256", [5, b"abc", "not-a-hash", "ab" * 31])
def test_a_sets_sha256_that_is_not_64_hex_digits_is_refused_at_the_call_naming_the_argument(sha256: object) -> None:
    """QA317 2: parse_indicator_set(text, sha256=5) loaded, wrote "sha256": 5 into the result's JSON and failed deep
    inside render ('int' object is not subscriptable); sha256=b"abc" failed in to_json, "not-a-hash" was printed as the
    set's sha256. Each is a TypeError at the call naming sha256, as folder= is; a right one is kept, in lower case."""
    text = (SMALL / "set.yaml").read_text(encoding="utf-8")
    with pytest.raises(TypeError, match=r"^sha256 is the set's SHA-256 as 64 hexadecimal digits"):
        parse_indicator_set(text, sha256=sha256)  # type: ignore[arg-type]
    assert parse_indicator_set(text, sha256="AB" * 32).sha256 == "ab" * 32

from __future__ import annotations

import pytest

from slant.errors import InputError
from slant.textio import read_text


def test_bom_and_carriage_returns_are_kept(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbfT\r\nx\xc2\xa0y\n")
    assert read_text(p) == "\ufeffT\r\nx\u00a0y\n"


@pytest.mark.parametrize("data,code", [
    (b"\x00\x00binary", "E102"),
    (b"caf\xe9\n", "E103"),
])
def test_refused_content(tmp_path, data, code):
    p = tmp_path / "a.txt"
    p.write_bytes(data)
    with pytest.raises(InputError) as info:
        read_text(p)
    assert info.value.code == code and str(p) in str(info.value)


def test_size_limit_missing_and_folder(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("x" * 50, encoding="utf-8")
    assert read_text(p, max_bytes=50) == "x" * 50
    with pytest.raises(InputError, match="E104"):
        read_text(p, max_bytes=49)
    with pytest.raises(InputError, match="E101"):
        read_text(tmp_path / "missing")
    with pytest.raises(InputError, match="E105"):
        read_text(tmp_path)

import pytest

from confmesh.errors import DuplicateOptionError, ParseError
from confmesh.parser import parse_ini


def test_sections_and_options():
    data = parse_ini("[server]\nhost = example.org\nPort: 8080\n")
    assert data == {"server": {"host": "example.org", "port": "8080"}}


def test_comments_are_ignored():
    text = "# top\n[a]\n; note\nx = 1 ; inline\ny = a#b\n"
    assert parse_ini(text) == {"a": {"x": "1", "y": "a#b"}}


def test_continuation_lines():
    text = "[a]\nhosts = one\n    two\n    three\nz = 1\n"
    assert parse_ini(text)["a"]["hosts"] == "one\ntwo\nthree"


def test_duplicate_option_is_an_error():
    with pytest.raises(DuplicateOptionError) as info:
        parse_ini("[a]\nx = 1\nX = 2\n")
    assert info.value.lineno == 3


def test_option_outside_section():
    with pytest.raises(ParseError):
        parse_ini("x = 1\n")

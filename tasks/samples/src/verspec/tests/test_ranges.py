import pytest

from verspec import InvalidRange, parse_range


def test_exact_version():
    r = parse_range("1.2.3")
    assert r.contains("1.2.3")
    assert not r.contains("1.2.4")


@pytest.mark.parametrize(
    "spec, inside, outside",
    [
        ("1.2.x", "1.2.9", "1.3.0"),
        ("1.x", "1.99.0", "2.0.0"),
        ("~1.2.3", "1.2.7", "1.3.0"),
        ("^1.2.3", "1.9.9", "2.0.0"),
        ("^0.2.3", "0.2.9", "0.3.0"),
        ("^0.0.3", "0.0.3", "0.0.4"),
    ],
    ids=["x-minor", "x-major", "tilde", "caret", "caret-zero-major", "caret-zero-minor"],
)
def test_shorthand_ranges(spec, inside, outside):
    r = parse_range(spec)
    assert r.contains(inside)
    assert not r.contains(outside)


def test_comparator_set_intersection():
    r = parse_range(">=1.2.7 <1.3.0")
    assert r.contains("1.2.8")
    assert not r.contains("1.2.6")
    assert not r.contains("1.3.0")


def test_union_of_sets():
    r = parse_range("1.2.7 || >=1.2.9 <2.0.0")
    assert r.filter(["1.2.7", "1.2.8", "1.4.6", "2.0.0"]) == ["1.2.7", "1.4.6"]


def test_hyphen_range_with_full_versions_is_inclusive():
    r = parse_range("1.0.0 - 1.4.0")
    assert r.contains("1.0.0")
    assert r.contains("1.4.0")
    assert not r.contains("1.4.1")


def test_hyphen_range_partial_lower_bound():
    r = parse_range("1.2 - 2.3.4")
    assert r.contains("1.2.0")
    assert not r.contains("1.1.9")
    assert r.contains("2.3.4")


def test_prereleases_need_a_matching_comparator():
    r = parse_range(">=1.2.3-beta.1 <2.0.0")
    assert r.contains("1.2.3-beta.2")
    assert not r.contains("1.2.4-beta.1")
    assert r.contains("1.2.4-beta.1", include_prerelease=True)


def test_max_satisfying():
    r = parse_range("~1.4")
    assert str(r.max_satisfying(["1.3.9", "1.4.2", "1.4.10", "1.5.0"])) == "1.4.10"


def test_invalid_range():
    with pytest.raises(InvalidRange):
        parse_range(">=1.2.3 <abc")

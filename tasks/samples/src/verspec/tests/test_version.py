import pytest

from verspec import InvalidVersion, Version, parse_partial


def test_parse_full_version():
    v = Version.parse("1.12.3-rc.1+build.7")
    assert v.release == (1, 12, 3)
    assert v.prerelease == ("rc", 1)
    assert v.build == ("build", 7)
    assert str(v) == "1.12.3-rc.1+build.7"


def test_leading_v_is_accepted():
    assert Version.parse("v2.0.1") == Version(2, 0, 1)


@pytest.mark.parametrize("text", ["1.2", "01.2.3", "1.2.3-", "1.2.3.4", "a.b.c", ""])
def test_invalid_versions(text):
    with pytest.raises(InvalidVersion):
        Version.parse(text)


def test_ordering_follows_semver_precedence():
    ordered = [
        "1.0.0-alpha",
        "1.0.0-alpha.1",
        "1.0.0-alpha.beta",
        "1.0.0-beta",
        "1.0.0-beta.2",
        "1.0.0-beta.11",
        "1.0.0-rc.1",
        "1.0.0",
        "1.0.1",
        "1.10.0",
    ]
    versions = [Version.parse(v) for v in ordered]
    assert sorted(reversed(versions)) == versions


def test_build_metadata_is_ignored_in_comparisons():
    assert Version.parse("1.0.0+a") == Version.parse("1.0.0+b")


def test_parse_partial_precision():
    assert parse_partial("*").precision == 0
    assert parse_partial("2").precision == 1
    assert parse_partial("2.x").precision == 1
    assert parse_partial("2.4").precision == 2
    assert parse_partial("2.4.X").precision == 2
    assert parse_partial("2.4.1").precision == 3


def test_partial_floor_and_ceiling():
    p = parse_partial("1.4")
    assert p.floor() == Version(1, 4, 0)
    assert p.ceiling() == Version(1, 5, 0)
    assert parse_partial("3").ceiling() == Version(4, 0, 0)
    assert parse_partial("3.1.4").ceiling() is None

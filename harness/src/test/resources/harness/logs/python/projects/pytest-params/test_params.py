import enum
import os
import pytest


class MouseButton(enum.Enum):
    LEFT = 1
    RIGHT = 3


@pytest.mark.parametrize("path", [os.path.abspath(__file__), "/usr/lib/python3/dist-packages/pytest/__init__.py", "relative/x.py"])
def test_path_exists(path):
    assert os.path.exists(path)


@pytest.mark.parametrize("button", [MouseButton.LEFT, MouseButton.RIGHT])
def test_button(button):
    assert button.value in (1, 3)


@pytest.mark.parametrize("s", ["a - b", "x[1]", "with space"])
def test_odd_ids(s):
    assert s != "x[1]"


def test_fails():
    assert 1 + 1 == 3


@pytest.mark.skip(reason="not here")
def test_skipped():
    pass


@pytest.mark.xfail(reason="known")
def test_xfail():
    assert False


@pytest.fixture
def broken():
    raise RuntimeError("fixture broke")


def test_error(broken):
    pass

import datetime
from decimal import Decimal

import pytest

from tabulite import format_cell, is_number


@pytest.mark.parametrize(
    "value, expected",
    [
        (None, ""),
        (True, "yes"),
        (False, "no"),
        (7, "7"),
        (1234567, "1,234,567"),
        (-1500, "-1,500"),
        (2.5, "2.50"),
        (Decimal("1234.5"), "1,234.50"),
        (datetime.date(2024, 3, 9), "2024-03-09"),
        (datetime.datetime(2024, 3, 9, 14, 30, 59), "2024-03-09 14:30"),
        ("text", "text"),
    ],
)
def test_format_cell(value, expected):
    assert format_cell(value) == expected


def test_precision_and_thousands():
    assert format_cell(3.14159, precision=3) == "3.142"
    assert format_cell(Decimal("9876.5"), precision=0) == "9,876"
    assert format_cell(1234567, thousands=False) == "1234567"


def test_is_number():
    assert is_number(3) and is_number(2.0) and is_number(Decimal("1"))
    assert not is_number(True)
    assert not is_number("3")

"""Formatting of single cell values."""
import datetime
from decimal import Decimal

DEFAULT_PRECISION = 2


def is_number(value):
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def format_cell(value, precision=None, thousands=True):
    """Format one value for display.

    * ``None`` is an empty cell, booleans are ``yes``/``no``;
    * integers get thousands separators (unless ``thousands`` is false);
    * floats and decimals are shown with ``precision`` digits (default 2);
    * dates and datetimes use ISO format (datetimes to the minute).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    sep = "," if thousands else ""
    if isinstance(value, int):
        return format(value, f"{sep}d")
    if isinstance(value, (float, Decimal)):
        digits = DEFAULT_PRECISION if precision is None else precision
        return format(value, f"{sep}.{digits}f")
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)

"""verspec: semantic versions and version ranges."""
from .version import InvalidVersion, Partial, Version, parse_partial
from .ranges import Comparator, InvalidRange, Range, parse_range

__all__ = [
    "Comparator",
    "InvalidRange",
    "InvalidVersion",
    "Partial",
    "Range",
    "Version",
    "parse_partial",
    "parse_range",
]

__version__ = "0.4.1"

"""Version ranges in the syntax of npm's node-semver."""
from __future__ import annotations

import operator
import re
from dataclasses import dataclass
from typing import Callable, Dict, List, Union

from .version import InvalidVersion, Partial, Version, parse_partial


class InvalidRange(ValueError):
    """Raised for text that is not a valid range."""


_OPS: Dict[str, Callable[[Version, Version], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
    "=": operator.eq,
}

_HYPHEN_RE = re.compile(r"^\s*(?P<low>\S+)\s+-\s+(?P<high>\S+)\s*$")
_PRIMITIVE_RE = re.compile(r"^(?P<op><=|>=|<|>|=|~|\^)?\s*(?P<version>\S*)$")


@dataclass(frozen=True)
class Comparator:
    op: str
    version: Version

    def matches(self, version: Version) -> bool:
        return _OPS[self.op](version, self.version)

    def __str__(self) -> str:
        return f"{self.op}{self.version}"


ANY = Comparator(">=", Version(0, 0, 0))


class Range:
    """A union (``||``) of comparator sets; a set matches when all comparators match."""

    def __init__(self, sets: List[List[Comparator]], raw: str = ""):
        self.sets = sets
        self.raw = raw

    def contains(self, version: Union[str, Version], include_prerelease: bool = False) -> bool:
        version = Version.parse(version)
        return any(_set_matches(s, version, include_prerelease) for s in self.sets)

    __contains__ = contains

    def filter(self, versions):
        """The versions in ``versions`` that this range contains, in their order."""
        return [v for v in versions if self.contains(v)]

    def max_satisfying(self, versions):
        matching = [Version.parse(v) for v in self.filter(versions)]
        return max(matching) if matching else None

    def __str__(self) -> str:
        return " || ".join(" ".join(str(c) for c in s) for s in self.sets)

    def __repr__(self) -> str:
        return f"Range({str(self)!r})"


def _set_matches(comparators: List[Comparator], version: Version, include_prerelease: bool) -> bool:
    if not all(c.matches(version) for c in comparators):
        return False
    if not version.is_prerelease or include_prerelease:
        return True
    # A pre-release only matches if a comparator opts in to pre-releases of the
    # same major.minor.patch.
    return any(
        c.version.is_prerelease and c.version.release == version.release for c in comparators
    )


def parse_range(text: str) -> Range:
    """Parse a range such as ``^1.2.3``, ``>=1.0 <2`` or ``1.2 - 1.4 || 2.x``."""
    sets = []
    for part in text.split("||"):
        try:
            sets.append(_parse_set(part))
        except InvalidVersion as exc:
            raise InvalidRange(f"invalid range {text!r}: {exc}") from None
    return Range(sets, text)


def _parse_set(text: str) -> List[Comparator]:
    text = text.strip()
    if not text:
        return [ANY]
    hyphen = _HYPHEN_RE.match(text)
    if hyphen:
        return _expand_hyphen(hyphen["low"], hyphen["high"])
    comparators: List[Comparator] = []
    for token in _tokens(text):
        comparators.extend(_expand_primitive(token))
    return comparators


def _tokens(text: str) -> List[str]:
    # Allow a space between an operator and its version: ">= 1.2.3".
    return re.findall(r"(?:<=|>=|<|>|=|~|\^)?\s*[^\s<>=~^]+", text)


def _expand_hyphen(low: str, high: str) -> List[Comparator]:
    lower = parse_partial(low)
    upper = parse_partial(high)
    comparators = []
    if lower.precision > 0:
        comparators.append(Comparator(">=", lower.floor()))
    if upper.precision > 0:
        comparators.append(Comparator("<=", upper.floor()))
    return comparators or [ANY]


def _expand_primitive(token: str) -> List[Comparator]:
    match = _PRIMITIVE_RE.match(token.strip())
    if not match:
        raise InvalidRange(f"invalid comparator: {token!r}")
    op = match["op"] or "="
    partial = parse_partial(match["version"])
    if op == "~":
        return _expand_tilde(partial)
    if op == "^":
        return _expand_caret(partial)
    if partial.precision == 0:
        return [Comparator("<", Version(0, 0, 0))] if op in ("<", ">") else [ANY]
    if op == "=":
        return _expand_x_range(partial)
    return [Comparator(op, partial.floor())]


def _expand_x_range(partial: Partial) -> List[Comparator]:
    if partial.is_complete:
        return [Comparator("=", partial.floor())]
    return [Comparator(">=", partial.floor()), Comparator("<", partial.ceiling())]


def _expand_tilde(partial: Partial) -> List[Comparator]:
    if partial.precision == 0:
        return [ANY]
    floor = partial.floor()
    if partial.precision == 1:
        ceiling = floor.bump_major()
    else:
        ceiling = Version(floor.major, floor.minor + 1, 0)
    return [Comparator(">=", floor), Comparator("<", ceiling)]


def _expand_caret(partial: Partial) -> List[Comparator]:
    if partial.precision == 0:
        return [ANY]
    floor = partial.floor()
    if floor.major > 0 or partial.precision == 1:
        ceiling = Version(floor.major + 1, 0, 0)
    elif floor.minor > 0 or partial.precision == 2:
        ceiling = Version(0, floor.minor + 1, 0)
    else:
        ceiling = Version(0, 0, floor.patch + 1)
    return [Comparator(">=", floor), Comparator("<", ceiling)]

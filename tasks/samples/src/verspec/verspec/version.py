"""Semantic versions (semver 2.0.0) and partial versions such as ``1.2`` or ``1.x``."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import total_ordering
from typing import Optional, Tuple, Union

_IDENT = r"[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*"
_VERSION_RE = re.compile(
    r"^v?(?P<major>0|[1-9]\d*)\.(?P<minor>0|[1-9]\d*)\.(?P<patch>0|[1-9]\d*)"
    rf"(?:-(?P<pre>{_IDENT}))?(?:\+(?P<build>{_IDENT}))?$"
)
_PARTIAL_RE = re.compile(
    r"^v?(?P<major>\d+|[xX*])(?:\.(?P<minor>\d+|[xX*]))?(?:\.(?P<patch>\d+|[xX*]))?"
    rf"(?:-(?P<pre>{_IDENT}))?(?:\+(?P<build>{_IDENT}))?$"
)
_WILDCARDS = {"x", "X", "*"}


class InvalidVersion(ValueError):
    """Raised for text that is not a valid (partial) version."""


def _split_identifiers(text: Optional[str]) -> Tuple[Union[int, str], ...]:
    if not text:
        return ()
    out = []
    for ident in text.split("."):
        out.append(int(ident) if ident.isdigit() else ident)
    return tuple(out)


@total_ordering
@dataclass(frozen=True)
class Version:
    major: int
    minor: int
    patch: int
    prerelease: Tuple[Union[int, str], ...] = ()
    build: Tuple[Union[int, str], ...] = field(default=(), compare=False)

    @classmethod
    def parse(cls, text: Union[str, "Version"]) -> "Version":
        if isinstance(text, Version):
            return text
        match = _VERSION_RE.match(text.strip())
        if not match:
            raise InvalidVersion(f"invalid version: {text!r}")
        return cls(
            int(match["major"]),
            int(match["minor"]),
            int(match["patch"]),
            _split_identifiers(match["pre"]),
            _split_identifiers(match["build"]),
        )

    @property
    def is_prerelease(self) -> bool:
        return bool(self.prerelease)

    @property
    def release(self) -> Tuple[int, int, int]:
        return (self.major, self.minor, self.patch)

    def bump_major(self) -> "Version":
        return Version(self.major + 1, 0, 0)

    def bump_minor(self) -> "Version":
        return Version(self.major, self.minor + 1, 0)

    def bump_patch(self) -> "Version":
        if self.prerelease:
            return Version(self.major, self.minor, self.patch)
        return Version(self.major, self.minor, self.patch + 1)

    def _key(self):
        # A release sorts after all of its pre-releases; numeric identifiers sort
        # before alphanumeric ones and compare numerically.
        if not self.prerelease:
            pre = (1,)
        else:
            pre = (0,) + tuple(
                (0, ident, "") if isinstance(ident, int) else (1, 0, ident)
                for ident in self.prerelease
            )
        return (self.major, self.minor, self.patch, pre)

    def __lt__(self, other: "Version") -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        if self.prerelease:
            text += "-" + ".".join(str(i) for i in self.prerelease)
        if self.build:
            text += "+" + ".".join(str(i) for i in self.build)
        return text


@dataclass(frozen=True)
class Partial:
    """A version that may leave out trailing components (``1``, ``1.2``, ``1.2.x``)."""

    major: Optional[int]
    minor: Optional[int] = None
    patch: Optional[int] = None
    prerelease: Tuple[Union[int, str], ...] = ()

    @property
    def precision(self) -> int:
        """How many leading components are given: 0 for ``*``, 3 for ``1.2.3``."""
        if self.major is None:
            return 0
        if self.minor is None:
            return 1
        if self.patch is None:
            return 2
        return 3

    @property
    def is_complete(self) -> bool:
        return self.precision == 3

    def floor(self) -> Version:
        """The lowest version this partial version covers."""
        prerelease = self.prerelease if self.is_complete else ()
        return Version(self.major or 0, self.minor or 0, self.patch or 0, prerelease)

    def ceiling(self) -> Optional[Version]:
        """The first version above everything this partial covers (None if unbounded
        or if the version is complete)."""
        if self.precision == 1:
            return Version(self.major + 1, 0, 0)
        if self.precision == 2:
            return Version(self.major, self.minor + 1, 0)
        return None

    def __str__(self) -> str:
        parts = [self.major, self.minor, self.patch]
        text = ".".join("x" if p is None else str(p) for p in parts)
        if self.prerelease:
            text += "-" + ".".join(str(i) for i in self.prerelease)
        return text


def parse_partial(text: str) -> Partial:
    """Parse ``1``, ``1.2``, ``1.2.x``, ``*`` or a full version into a :class:`Partial`.

    Components after the first wildcard are ignored (``1.x.3`` is ``1.x``).
    """
    text = text.strip()
    if text in ("", "*", "x", "X"):
        return Partial(None)
    match = _PARTIAL_RE.match(text)
    if not match:
        raise InvalidVersion(f"invalid version: {text!r}")
    values = []
    for name in ("major", "minor", "patch"):
        raw = match[name]
        if raw is None or raw in _WILDCARDS:
            break
        values.append(int(raw))
    values += [None] * (3 - len(values))
    prerelease = _split_identifiers(match["pre"]) if values[2] is not None else ()
    return Partial(values[0], values[1], values[2], prerelease)

"""``${key}`` / ``${section:key}`` interpolation with ``$$`` as a literal dollar."""
import re

from .errors import InterpolationDepthError, InterpolationError, MissingOptionError

MAX_DEPTH = 10

_TOKEN_RE = re.compile(r"\$(?:\$|\{(?P<ref>[^}]*)\})")


class Interpolator:
    """Expands references in raw values.

    ``lookup(section, key)`` must return the raw (unexpanded) value of an option or
    raise :class:`MissingOptionError`. Expanded values are memoised per
    ``(section, key)``, since large configs read the same options over and over.
    """

    def __init__(self, lookup):
        self._lookup = lookup
        self._cache = {}

    def forget(self, section, key):
        """Drop the memoised value of one option."""
        self._cache.pop((section, key.lower()), None)

    def value(self, section, key):
        """The expanded value of ``section``/``key``."""
        return self._value(section, key.lower(), ())

    def _value(self, section, key, chain):
        cached = self._cache.get((section, key))
        if cached is not None:
            return cached
        if (section, key) in chain:
            path = " -> ".join(f"{s}:{k}" for s, k in chain + ((section, key),))
            raise InterpolationError(f"reference cycle: {path}")
        if len(chain) >= MAX_DEPTH:
            raise InterpolationDepthError(
                f"interpolation deeper than {MAX_DEPTH} levels at {section}:{key}"
            )
        raw = self._lookup(section, key)
        expanded = self._expand(section, raw, chain + ((section, key),))
        self._cache[(section, key)] = expanded
        return expanded

    def _expand(self, section, raw, chain):
        def replace(match):
            ref = match["ref"]
            if ref is None:
                return "$"
            if ":" in ref:
                ref_section, ref_key = ref.split(":", 1)
            else:
                ref_section, ref_key = section, ref
            ref_section, ref_key = ref_section.strip(), ref_key.strip().lower()
            if not ref_key:
                raise InterpolationError(f"empty reference in {raw!r}")
            try:
                return self._value(ref_section, ref_key, chain)
            except MissingOptionError as exc:
                raise InterpolationError(
                    f"bad reference ${{{ref}}} in {chain[-1][0]}:{chain[-1][1]}: {exc}"
                ) from None

        return _TOKEN_RE.sub(replace, raw)

"""Parse INI text into ``{section: {key: raw value}}``."""
import re

from .errors import DuplicateOptionError, ParseError

DEFAULT_SECTION = "DEFAULT"

_SECTION_RE = re.compile(r"^\[(?P<name>[^\]]+)\]\s*$")
_OPTION_RE = re.compile(r"^(?P<key>[^=:\s][^=:]*?)\s*[=:]\s*(?P<value>.*)$")
_INLINE_COMMENT_RE = re.compile(r"\s+[;#].*$")


def strip_inline_comment(value):
    return _INLINE_COMMENT_RE.sub("", value)


def parse_ini(text):
    """Return an ordered mapping of sections to ordered mappings of options.

    * ``#`` and ``;`` start comments (whole-line, or inline after whitespace);
    * lines indented deeper than their option continue its value (joined by ``\\n``);
    * keys are lower-cased, values are stripped;
    * an option repeated within one section of one text is an error.
    """
    sections = {}
    current = None
    last_key = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped[0] in "#;":
            continue
        if line[0].isspace() and last_key is not None:
            current[last_key] += "\n" + strip_inline_comment(stripped)
            continue
        section = _SECTION_RE.match(stripped)
        if section:
            current = sections.setdefault(section["name"].strip(), {})
            last_key = None
            continue
        option = _OPTION_RE.match(stripped)
        if not option:
            raise ParseError("not a section header or option", lineno, line)
        if current is None:
            raise ParseError("option outside of a section", lineno, line)
        key = option["key"].strip().lower()
        if key in current:
            raise DuplicateOptionError(f"duplicate option {key!r}", lineno, line)
        current[key] = strip_inline_comment(option["value"]).strip()
        last_key = key
    return sections

"""The :class:`Config` object: layered INI files, interpolation, typed getters."""
from .errors import ConfigError, MissingOptionError
from .interpolate import Interpolator
from .parser import DEFAULT_SECTION, parse_ini

_MISSING = object()
_BOOLEANS = {
    "1": True, "yes": True, "true": True, "on": True,
    "0": False, "no": False, "false": False, "off": False,
}


class Config:
    def __init__(self, defaults=None):
        self._sections = {DEFAULT_SECTION: {}}
        for key, value in (defaults or {}).items():
            self._sections[DEFAULT_SECTION][key.lower()] = str(value)
        self._interpolator = Interpolator(self._raw)

    # -- loading --------------------------------------------------------------

    def read_string(self, text):
        """Read INI text; options override those read earlier."""
        for section, options in parse_ini(text).items():
            self._sections.setdefault(section, {}).update(options)
        return self

    def read_dict(self, data):
        """Read ``{section: {key: value}}``; values are converted with ``str``."""
        text_sections = {}
        for section, options in data.items():
            text_sections[section] = {k.lower(): str(v) for k, v in options.items()}
        for section, options in text_sections.items():
            self._sections.setdefault(section, {}).update(options)
        return self

    # -- raw access -----------------------------------------------------------

    def _raw(self, section, key):
        options = self._sections.get(section)
        if options is None:
            raise MissingOptionError(section, key)
        if key in options:
            return options[key]
        defaults = self._sections[DEFAULT_SECTION]
        if key in defaults:
            return defaults[key]
        raise MissingOptionError(section, key)

    def sections(self):
        return [name for name in self._sections if name != DEFAULT_SECTION]

    def has_section(self, section):
        return section in self._sections

    def has_option(self, section, key):
        try:
            self._raw(section, key.lower())
        except MissingOptionError:
            return False
        return True

    def options(self, section):
        if section not in self._sections:
            raise ConfigError(f"no section {section!r}")
        keys = dict.fromkeys(self._sections[section])
        keys.update(dict.fromkeys(self._sections[DEFAULT_SECTION]))
        return list(keys)

    # -- reading values -------------------------------------------------------

    def get(self, section, key, fallback=_MISSING, raw=False):
        key = key.lower()
        try:
            if raw:
                return self._raw(section, key)
            return self._interpolator.value(section, key)
        except MissingOptionError:
            if fallback is _MISSING:
                raise
            return fallback

    def getint(self, section, key, fallback=_MISSING):
        value = self.get(section, key, fallback=None)
        if value is None:
            if fallback is _MISSING:
                raise MissingOptionError(section, key)
            return fallback
        try:
            return int(value)
        except ValueError:
            raise ConfigError(f"{section}:{key} is not an integer: {value!r}") from None

    def getboolean(self, section, key, fallback=_MISSING):
        value = self.get(section, key, fallback=None)
        if value is None:
            if fallback is _MISSING:
                raise MissingOptionError(section, key)
            return fallback
        try:
            return _BOOLEANS[value.lower()]
        except KeyError:
            raise ConfigError(f"{section}:{key} is not a boolean: {value!r}") from None

    def getlist(self, section, key, fallback=_MISSING, sep=","):
        value = self.get(section, key, fallback=None)
        if value is None:
            if fallback is _MISSING:
                raise MissingOptionError(section, key)
            return fallback
        items = value.replace("\n", sep).split(sep)
        return [item.strip() for item in items if item.strip()]

    def items(self, section):
        return [(key, self.get(section, key)) for key in self.options(section)]

    def to_dict(self):
        return {section: dict(self.items(section)) for section in self.sections()}

    # -- changing values ------------------------------------------------------

    def set(self, section, key, value):
        """Set an option; the value is stored verbatim (no comment stripping)."""
        if section not in self._sections:
            raise ConfigError(f"no section {section!r}")
        key = key.lower()
        self._sections[section][key] = str(value)
        self._interpolator.forget(section, key)

    def add_section(self, section):
        if section in self._sections:
            raise ConfigError(f"section {section!r} already exists")
        self._sections[section] = {}

    def remove_option(self, section, key):
        key = key.lower()
        options = self._sections.get(section)
        if options is None or key not in options:
            return False
        del options[key]
        self._interpolator.forget(section, key)
        return True

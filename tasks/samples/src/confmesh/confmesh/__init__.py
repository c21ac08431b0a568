"""confmesh: INI configuration with interpolation."""
from .config import Config
from .errors import (
    ConfigError,
    DuplicateOptionError,
    InterpolationDepthError,
    InterpolationError,
    MissingOptionError,
    ParseError,
)

__all__ = [
    "Config",
    "ConfigError",
    "DuplicateOptionError",
    "InterpolationDepthError",
    "InterpolationError",
    "MissingOptionError",
    "ParseError",
]

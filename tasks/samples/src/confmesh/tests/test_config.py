import pytest

from confmesh import Config, ConfigError, InterpolationError, MissingOptionError

APP_INI = """
[DEFAULT]
env = prod

[paths]
root = /var/app
logs = ${root}/logs
archive = ${logs}/archive

[server]
port = 8080
debug = off
workers = 4
hosts = a.example.org, b.example.org
cache = ${paths:root}/cache-${env}
price = 5$$
"""


@pytest.fixture
def cfg():
    return Config().read_string(APP_INI)


def test_interpolation_same_section(cfg):
    assert cfg.get("paths", "logs") == "/var/app/logs"
    assert cfg.get("paths", "archive") == "/var/app/logs/archive"


def test_interpolation_other_section_and_defaults(cfg):
    assert cfg.get("server", "cache") == "/var/app/cache-prod"


def test_escaped_dollar(cfg):
    assert cfg.get("server", "price") == "5$"
    assert cfg.get("server", "price", raw=True) == "5$$"


def test_typed_getters(cfg):
    assert cfg.getint("server", "port") == 8080
    assert cfg.getboolean("server", "debug") is False
    assert cfg.getlist("server", "hosts") == ["a.example.org", "b.example.org"]
    assert cfg.getint("server", "timeout", fallback=30) == 30


def test_missing_option(cfg):
    with pytest.raises(MissingOptionError):
        cfg.get("server", "nope")
    assert cfg.get("server", "nope", fallback=None) is None


def test_reference_cycle_is_reported():
    cfg = Config().read_string("[a]\nx = ${y}\ny = ${x}\n")
    with pytest.raises(InterpolationError, match="cycle"):
        cfg.get("a", "x")


def test_later_file_overrides_earlier(cfg):
    cfg.read_string("[server]\nport = 9090\n")
    assert cfg.getint("server", "port") == 9090
    assert cfg.getint("server", "workers") == 4


def test_set_and_get(cfg):
    cfg.set("server", "workers", 8)
    assert cfg.getint("server", "workers") == 8


def test_set_stores_value_verbatim(cfg):
    cfg.set("server", "motd", "hello ; world")
    assert cfg.get("server", "motd") == "hello ; world"


def test_set_unknown_section(cfg):
    with pytest.raises(ConfigError):
        cfg.set("nope", "x", "1")


def test_remove_option(cfg):
    assert cfg.remove_option("server", "debug")
    assert not cfg.has_option("server", "debug")
    assert not cfg.remove_option("server", "debug")


def test_to_dict_includes_defaults(cfg):
    data = cfg.to_dict()
    assert data["paths"]["env"] == "prod"
    assert data["paths"]["logs"] == "/var/app/logs"

"""The README a newcomer reads: the two commands first, then every environment variable
the settings read, the layout, and how to use PostgreSQL."""

import re
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
README = (BASE_DIR / "README.md").read_text()


def variables_read_by_the_settings():
    settings = (BASE_DIR / "scn_portal" / "settings.py").read_text()
    names = re.findall(r'env(?:_bool|_int|_list)?\(\s*"([A-Z][A-Z0-9_]+)"', settings)
    names += re.findall(r'os\.environ(?:\.get\(|\[)\s*"([A-Z][A-Z0-9_]+)"', settings)
    if "dj_database_url.config(" in settings:
        names.append("DATABASE_URL")  # read by dj-database-url itself
    return set(names)


def test_every_environment_variable_of_the_settings_is_documented():
    names = variables_read_by_the_settings()
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"} <= names
    assert sorted(name for name in names if f"`{name}`" not in README) == []


def test_the_two_commands_come_before_configuration_layout_and_postgresql():
    order = [
        README.index(text) for text in ("make run", "make test", "## Configuration", "## Layout")
    ]
    assert order == sorted(order)
    assert "DATABASE_URL=postgres://" in README

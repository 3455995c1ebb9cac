"""The open data tests use the site-wide tests' `site`: one of each public thing."""

from tests.scn_portal.conftest import site  # noqa: F401

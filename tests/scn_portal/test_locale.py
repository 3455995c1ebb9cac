"""The portal's own catalogues (locale/): each compiled .mo, which is committed so that no
gettext tools are needed to run the portal, says what its .po says."""

import ast
import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def po_entries(path):
    """{msgid: msgstr} of a .po file (single forms, the header left out)."""
    entries, key, current = {}, None, None
    for line in path.read_text().splitlines() + [""]:
        if match := re.match(r"(msgid|msgstr) (\".*\")$", line):
            key = match.group(1)
            current = {} if key == "msgid" else current
            current[key] = ast.literal_eval(match.group(2))
        elif line.startswith('"') and key:
            current[key] += ast.literal_eval(line)
        elif not line.strip() and current and "msgstr" in current:
            if current["msgid"]:
                entries[current["msgid"]] = current["msgstr"]
            current, key = None, None
    return entries


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda path: path.parts[-3])
def test_each_compiled_catalogue_matches_its_source(po):
    # After editing a .po: msgfmt --check -o <the .mo beside it> <the .po>
    with po.with_suffix(".mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)._catalog
    assert {key: value for key, value in catalog.items() if key} == po_entries(po)
    assert po_entries(po)

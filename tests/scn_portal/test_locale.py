"""The portal's own catalogues (locale/).

- Each compiled .mo, committed so that no gettext tools are needed to run the portal, says
  what its .po says.
- French, Arabic and Spanish are complete: every message the portal's code and templates
  ask for is in each catalogue, translated, not fuzzy, with the same placeholders. A
  language is never offered half done.

After changing wording: `make messages` (needs GNU gettext), translate, then `make messages`
again to compile.
"""

import ast
import gettext
import io
import re
from pathlib import Path

import polib
import pytest
from babel.messages.extract import extract_python
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "locale"
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))
# English is the source language: its catalogue only rewords some of allauth's English.
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != "en"]
# Where the portal's own messages are: the same places `make messages` reads (every app of
# the project's own, and the templates), so a new app cannot be forgotten.
SOURCES = [app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()] + ["templates"]
KEYWORDS = {
    "gettext": None,
    "gettext_lazy": None,
    "_": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|%[sd]|\{\w*\}")


def po(code):
    return polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))


def key(msgctxt, msgid):
    return f"{msgctxt}\x04{msgid}" if msgctxt else msgid


def messages_in_sources():
    """Every message the portal's code and templates ask to translate: (context, msgid)."""
    found = set()
    for folder in SOURCES:
        for path in sorted((ROOT / folder).rglob("*")):
            if "migrations" in path.parts or path.suffix not in (".py", ".html", ".txt"):
                continue
            text = path.read_text(encoding="utf-8")
            calls = _python_calls(text) if path.suffix == ".py" else _template_calls(text, path)
            for func, message in calls:
                context = None
                if func.startswith(("pgettext", "npgettext")):
                    context, *message = message
                msgid = message[0] if isinstance(message, (tuple, list)) else message
                if msgid:
                    found.add((context, msgid))
    return found


def _python_calls(text):
    for _line, func, message, _comments in extract_python(
        io.BytesIO(text.encode("utf-8")), KEYWORDS, [], {}
    ):
        yield func, message


CALL = re.compile(r"\b(n?p?gettext)\(")


def _template_calls(text, path):
    """The calls Django's templatize writes for a template's {% translate %} and
    {% blocktranslate %} (the code makemessages hands to xgettext): each call read up to
    the first closing parenthesis that makes it a whole expression."""
    code = templatize(text, origin=str(path))
    for match in CALL.finditer(code):
        end = match.end()
        while (end := code.find(")", end) + 1) > 0:
            try:
                call = ast.parse(code[match.start() : end], mode="eval").body
            except SyntaxError:
                continue
            strings = [arg.value for arg in call.args if isinstance(arg, ast.Constant)]
            yield match.group(1), strings
            break


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: path.parts[-3])
def test_each_compiled_catalogue_matches_its_source(path):
    with path.with_suffix(".mo").open("rb") as compiled:
        catalog = gettext.GNUTranslations(compiled)._catalog
    expected = {}
    for entry in polib.pofile(str(path)).translated_entries():
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                expected[(key(entry.msgctxt, entry.msgid), int(index))] = text
        else:
            expected[key(entry.msgctxt, entry.msgid)] = entry.msgstr
    compiled_entries = {name: text for name, text in catalog.items() if name != ""}
    assert compiled_entries == expected, f"compile {path} again: make messages"
    assert expected


def test_the_sources_ask_for_messages():
    """The extraction the next tests rely on finds the portal's wording."""
    found = {msgid for _context, msgid in messages_in_sources()}
    assert "Skip to main content" in found  # a template
    assert "We could not send you an acknowledgement by email just now. " in " ".join(found)
    assert "language of the case study" in found  # a model
    assert len(found) > 500


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_of_the_portal_is_in_each_catalogue(code):
    catalogue = {(entry.msgctxt, entry.msgid) for entry in po(code) if not entry.obsolete}
    missing = sorted(msgid for context, msgid in messages_in_sources() - catalogue)
    assert missing == [], f"locale/{code} lacks these messages: run make messages, translate"


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_message_is_translated_and_none_is_fuzzy(code):
    catalogue = po(code)
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert catalogue.percent_translated() == 100


@pytest.mark.parametrize("code", TRANSLATED)
def test_translations_keep_the_placeholders_of_their_message(code):
    wrong = []
    for entry in po(code).translated_entries():
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        if entry.msgid_plural:
            wanted_plural = sorted(PLACEHOLDER.findall(entry.msgid_plural))
            # A singular form may say "one" in words instead of the number.
            forms = entry.msgstr_plural.values()
            ok = all(
                set(PLACEHOLDER.findall(text)) <= set(wanted_plural) | set(wanted) for text in forms
            )
        else:
            ok = sorted(PLACEHOLDER.findall(entry.msgstr)) == wanted
        if not ok:
            wrong.append(entry.msgid)
    assert wrong == []


def test_a_missing_translation_is_caught(tmp_path):
    """The checks above fail when they should: an empty translation and a fuzzy one."""
    source = po("es")
    first, second = source.translated_entries()[:2]
    first.msgstr = ""
    second.flags.append("fuzzy")
    broken = tmp_path / "django.po"
    source.save(str(broken))
    again = polib.pofile(str(broken))
    assert first.msgid in [entry.msgid for entry in again.untranslated_entries()]
    assert second.msgid in [entry.msgid for entry in again.fuzzy_entries()]

"""The English catalogue translates every French UI string, is current, and is compiled.

The source strings are French; capacite/locale/en/LC_MESSAGES/django.po translates them and the
compiled django.mo is versioned so that `make run` needs no gettext. scripts/update-translations
refreshes both after a change to the French strings.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.utils import translation

import capacite

PACKAGE_DIR = Path(capacite.__file__).resolve().parent
CATALOGUE = Path("locale", "en", "LC_MESSAGES", "django.po")
PO_PATH = PACKAGE_DIR / CATALOGUE
MO_PATH = PO_PATH.with_suffix(".mo")
HOW_TO_UPDATE = "Run scripts/update-translations, translate the new entries, then run it again."


def active_entries(po: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in po if not entry.obsolete]


def msgids_of(po: polib.POFile) -> set[str]:
    """Every source string of the catalogue: singulars and plurals, with their context if any."""
    ids = set()
    for entry in active_entries(po):
        prefix = f"{entry.msgctxt}\x04" if entry.msgctxt else ""
        ids.add(prefix + entry.msgid)
        if entry.msgid_plural:
            ids.add(prefix + entry.msgid_plural)
    return ids


def translations_of(catalogue: polib._BaseFile) -> dict:
    """msgid → msgstr, or (msgid, msgid_plural) → plural forms, for what a .mo would hold."""
    result = {}
    for entry in catalogue:
        if not entry.msgid:  # the header
            continue
        if isinstance(entry, polib.POEntry) and not entry.translated():
            continue  # msgfmt leaves untranslated, fuzzy and obsolete entries out of the .mo
        if entry.msgid_plural:
            forms = tuple(entry.msgstr_plural[n] for n in sorted(entry.msgstr_plural))
            result[(entry.msgctxt, entry.msgid, entry.msgid_plural)] = forms
        else:
            result[(entry.msgctxt, entry.msgid)] = entry.msgstr
    return result


def test_every_english_entry_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(PO_PATH))
    assert po.metadata.get("Language") == "en"
    assert "charset=UTF-8" in po.metadata.get("Content-Type", "")
    assert po.metadata.get("Plural-Forms") == "nplurals=2; plural=(n != 1);"
    assert not po.metadata_is_fuzzy, "the header of the English catalogue is marked fuzzy"
    entries = active_entries(po)
    assert entries, f"{PO_PATH} has no entries"
    untranslated = [
        entry.msgid
        for entry in entries
        if not (all(entry.msgstr_plural.values()) if entry.msgid_plural else entry.msgstr)
    ]
    fuzzy = [entry.msgid for entry in entries if "fuzzy" in entry.flags]
    assert not untranslated and not fuzzy, (
        "Untranslated English entries:\n"
        + "\n".join(untranslated)
        + "\nFuzzy English entries (check them, then remove the flag):\n"
        + "\n".join(fuzzy)
    )


def test_english_entries_are_written_with_english_punctuation():
    """No « guillemets » and no space before « : ; ! ? » (French typography) in English: the
    pages drop such a space (`typography.english_spacing`), files and the command line do not."""
    french = re.compile(r"[«»]|\s[:;!?](?:\s|$)")
    found = [text for entry in active_entries(polib.pofile(str(PO_PATH)))
             for text in [entry.msgstr, *entry.msgstr_plural.values()] if french.search(text)]
    assert found == []


def test_the_english_catalogue_is_up_to_date_with_the_french_source(tmp_path):
    if shutil.which("xgettext") is None:
        pytest.fail(
            "xgettext is missing: install Debian's gettext package (apt-get install gettext) "
            "to check the English catalogue against the source."
        )
    copy = tmp_path / "capacite"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    committed_text = PO_PATH.read_bytes()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "capacite.settings",
        # The copy comes first, so its settings put LOCALE_PATHS inside the copy.
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
        "CAPACITE_VAR_DIR": str(tmp_path / "var"),
    }
    command = ["makemessages", "-l", "en", "--no-location", "--ignore=tests"]
    result = subprocess.run(
        [sys.executable, "-m", "capacite", *command],
        cwd=copy,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, f"makemessages failed:\n{result.stdout}\n{result.stderr}"
    assert PO_PATH.read_bytes() == committed_text, "makemessages wrote into the real tree"
    fresh_path = copy / CATALOGUE
    assert fresh_path.exists(), f"makemessages did not write {fresh_path}:\n{result.stderr}"

    fresh = msgids_of(polib.pofile(str(fresh_path)))
    committed = msgids_of(polib.pofile(str(PO_PATH)))
    missing = sorted(fresh - committed)
    stale = sorted(committed - fresh)
    assert not missing and not stale, (
        f"{CATALOGUE} is out of date with the source. {HOW_TO_UPDATE}\n"
        + "Missing msgids:\n"
        + "\n".join(missing)
        + "\nStale msgids:\n"
        + "\n".join(stale)
    )


def test_the_compiled_english_catalogue_matches_the_po_file():
    assert MO_PATH.exists(), f"{MO_PATH} is missing. {HOW_TO_UPDATE}"
    from_po = translations_of(polib.pofile(str(PO_PATH)))
    from_mo = translations_of(polib.mofile(str(MO_PATH)))
    differing = sorted(
        str(key) for key in from_po.keys() | from_mo.keys() if from_po.get(key) != from_mo.get(key)
    )
    assert not differing, "django.mo differs from django.po; recompile it:\n" + "\n".join(differing)


def test_django_translates_the_interface_into_english():
    with translation.override("en"):
        assert translation.gettext("Feuille de route") == "Roadmap"
        assert translation.gettext("Mes Cités des métiers") == "My Cités des métiers"
        assert (
            translation.ngettext("%(counter)s jour", "%(counter)s jours", 2) % {"counter": 2}
            == "2 days"
        )
    with translation.override("fr"):
        assert translation.gettext("Feuille de route") == "Feuille de route"


FRENCH_PO = PACKAGE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def plural_ids(po: polib.POFile) -> set:
    return {(e.msgctxt, e.msgid, e.msgid_plural) for e in active_entries(po) if e.msgid_plural}


def test_french_takes_the_singular_for_zero_and_one():
    """French says « 0 position ajoutée »: without a French catalogue Django applies n != 1."""
    french = polib.pofile(str(FRENCH_PO))
    assert french.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert plural_ids(french) == plural_ids(polib.pofile(str(PO_PATH))), HOW_TO_UPDATE
    compiled = polib.mofile(str(FRENCH_PO.with_suffix(".mo")))
    assert translations_of(compiled) == translations_of(french), HOW_TO_UPDATE
    singular = "Présences enregistrées ; %(count)d position ajoutée à l'historique des partenaires."
    plural = ("Présences enregistrées ; %(count)d positions ajoutées à l'historique des "
              "partenaires.")
    with translation.override("fr"):
        said = [translation.ngettext(singular, plural, n) % {"count": n} for n in (0, 1, 2)]
    assert said == [
        "Présences enregistrées ; 0 position ajoutée à l'historique des partenaires.",
        "Présences enregistrées ; 1 position ajoutée à l'historique des partenaires.",
        "Présences enregistrées ; 2 positions ajoutées à l'historique des partenaires."]

"""Rules every template keeps, read from the template files themselves (issue 13)."""

import re
from pathlib import Path

import capacite

TEMPLATES = sorted(Path(capacite.__file__).parent.glob("**/templates/**/*.html"))
TITLE_BLOCK = re.compile(r"{%\s*block title\s*%}(.*?){%\s*endblock", re.S)


def test_the_templates_are_found():
    assert len(TEMPLATES) > 100


def test_no_page_title_holds_markup():
    """Browser tabs, bookmarks and screen readers read the title as plain text: a `<section>`
    pasted into the title block reached them as `<section>…<table>` (issue 13, point 2)."""
    with_markup = [
        str(path.relative_to(Path(capacite.__file__).parent))
        for path in TEMPLATES
        for block in TITLE_BLOCK.findall(path.read_text())
        if "<" in block
    ]
    assert with_markup == []

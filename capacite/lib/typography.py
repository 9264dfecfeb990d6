"""French spacing before high punctuation, in HTML: the one place (issue 19, point 4).

French puts a space before « : », « ; », « ! », « ? » and inside « guillemets ». Typed as a plain
space, it lets a line start with « : » or « » »; it must not break. `french_spacing` turns the
plain space (a run of ASCII whitespace, which HTML shows as one space) into:

- U+00A0 (no-break space) before « : » and « » », and after « « »;
- U+202F (narrow no-break space, the « espace fine insécable » the Imprimerie nationale asks
  for) before « ; », « ! », « ? » — the same character the thousands of `capacite/lib/money.py`
  use, so every font that shows the figures shows it.

Only text is touched: tags and their attributes (an input's `value`, a `title`), comments,
`<script>`, `<style>`, `<textarea>` (what somebody typed goes back as typed), `<pre>` and
`<code>` keep their bytes. A colon with no space before it (« 10:00 », « https:// ») and an
entity (« &nbsp;: ») are left as they are; every other byte of the page is kept.

English puts no space there, and quotes with “ ”. The templates glue translated pieces with a
French « : » and quote names in guillemets (« {{ label }} : {{ value }} », « Modifier
« {{ name }} » »), and the Cités type their data in French: `english_spacing` takes the plain
space before « : ; ! ? » out of the text of a page in English and turns « guillemets » into
“quotes”, in the same texts `french_spacing` would space.

`capacite.core.middleware.TypographyMiddleware` applies one or the other to every HTML page
(`spacing_for` the page's language), `capacite.lib.pdf.render_document` to every PDF's HTML;
DOCX files are not HTML and are left alone. Cost: about 1.5 ms for the biggest demo page
(bench/README.md).
"""

import re
from collections.abc import Callable

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"

_WS = "[ \t\n\f\r]"  # HTML's spaces, which it shows as one space
_TAG_BODY = r"""(?:[^>"']++|"[^"]*+"|'[^']*+')*+>"""  # attribute values may hold « > »
_NAME_END = r"(?![^\s/>])"
# One pass of `re` over the page, in C. A token is either a run of markup and text that cannot
# change (text without « : ; ! ? « » » and without the spaces before them, ordinary tags), or one
# of the few pieces the loop looks at: a comment or an element whose content is raw text
# (script, style, textarea: taken whole up to its end tag), kept; a <pre> or <code> tag; a text
# that may change.
_TOKEN = re.compile(
    rf"""(?P<plain>(?:[^<:;!?«» \t\n\f\r]++|{_WS}++(?![:;!?»])
                     |<(?!!--|/?(?:script|style|textarea|pre|code){_NAME_END})[A-Za-z/!?]{_TAG_BODY}
                   )++)
      | (?P<kept><!--.*?(?:-->|\Z)
                |<(?P<raw>script|style|textarea){_NAME_END}{_TAG_BODY}.*?(?:</(?P=raw)\s*>|\Z))
      | (?P<verbatim><(?P<end>/?)(?:pre|code){_NAME_END}{_TAG_BODY})
      | (?P<text>[^<]++|<)""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE)
_TRIGGERS = re.compile(r"[:;!?«»]")
_SPACING = re.compile(rf"{_WS}++(?=([:;!?»]))|«{_WS}++")


def _space(match: re.Match) -> str:
    after = match.group(1)
    if after is None:  # « followed by spaces
        return "«" + NBSP
    return NBSP if after in ":»" else NARROW_NBSP


_TIGHT = re.compile(rf"{_WS}++(?=[:;!?])")
_GUILLEMETS = re.compile(r"«\s*|\s*»")  # \s: with the no-break spaces typed inside them


def _english(text: str) -> str:
    text = _TIGHT.sub("", text)
    return _GUILLEMETS.sub(lambda m: "“" if m.group().startswith("«") else "”", text)


def _in_text(html: str, change: Callable[[str], str]) -> str:
    """`html` with `change` applied to each of its texts that may hold « : ; ! ? « » »."""
    if not _TRIGGERS.search(html):
        return html
    pieces = []
    verbatim = 0  # how many <pre>/<code> are open
    for match in _TOKEN.finditer(html):
        kind = match.lastgroup
        token = match.group()
        if kind == "text" and not verbatim:
            token = change(token)
        elif kind == "verbatim":
            if match.group("end"):
                verbatim = max(verbatim - 1, 0)
            elif not token.endswith("/>"):
                verbatim += 1
        pieces.append(token)
    return "".join(pieces)


def french_spacing(html: str) -> str:
    """`html` with the spaces before « : ; ! ? » » and after « « » made non-breaking in its text;
    nothing else changes."""
    return _in_text(html, lambda text: _SPACING.sub(_space, text))


def english_spacing(html: str) -> str:
    """`html` with no space before « : ; ! ? » and “quotes” for « guillemets » in its text
    (« Total : 3 » reads « Total: 3 », « le « Modeste » » reads « le “Modeste” »); nothing else
    changes."""
    return _in_text(html, _english)


def spacing_for(language: str | None) -> Callable[[str], str]:
    """The spacing of a page in `language`: French, or English for any other."""
    return french_spacing if (language or "").startswith("fr") else english_spacing

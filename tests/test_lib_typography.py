"""French spacing before high punctuation, in one place (issue 19, point 4): the function on its
own, English spacing (no space there), then French and English pages, then an edit form
re-posted as shown."""

import io

import lxml.html
import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from capacite.lib.typography import english_spacing, french_spacing
from capacite.partners.models import Organisation
from capacite.partners.tests.helpers import organisation
from capacite.planning.tests.fixtures import build_modest
from capacite.testing import client_for

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize(("html", "spaced"), [
    ("Point bas : −147 550 €", "Point bas\u00a0: −147 550 €"),
    ("Intercommunalité(s) : EPCI", "Intercommunalité(s)\u00a0: EPCI"),
    ("12 mois ; 3 alertes", "12 mois\u202f; 3 alertes"),
    ("Enregistré ! Et ensuite ?", "Enregistré\u202f! Et ensuite\u202f?"),
    ("le scénario « Modeste »", "le scénario «\u00a0Modeste\u00a0»"),
    # a run of spaces, a line break from a template: HTML shows one space, now one that holds
    ("Total   :", "Total\u00a0:"),
    ("Total\n        : 3", "Total\u00a0: 3"),
    ("«  Oui  »", "«\u00a0Oui\u00a0»"),
    # no space, nothing to hold: left as typed
    ("Total: 3, «Oui», quoi?", "Total: 3, «Oui», quoi?"),
    ("ouvert de 10:00 à 12:30", "ouvert de 10:00 à 12:30"),
    ('<a href="https://example.org/?a=1">https://example.org/?a=1</a>',
     '<a href="https://example.org/?a=1">https://example.org/?a=1</a>'),
    # entities and no-break spaces already there stay as they are
    ("Total&nbsp;: 3 ; fin&#8239;!", "Total&nbsp;: 3\u202f; fin&#8239;!"),
    ("Total\u00a0: 3", "Total\u00a0: 3"),
    # a space and its colon in two texts split by a tag: out of reach, left as it is
    ("<dt>Point bas</dt> <dd>: 3</dd>", "<dt>Point bas</dt> <dd>: 3</dd>"),
    ("<strong>Reste</strong> : 3", "<strong>Reste</strong>\u00a0: 3"),
])
def test_spaces_before_high_punctuation_no_longer_break(html, spaced):
    assert french_spacing(html) == spaced


@pytest.mark.parametrize("html", [
    '<input name="q" value="Point bas : 3 ; « x » ?" title="a : b">',
    '<p title="Réponse : oui" data-x=\'a ; b\' aria-label="« Oui » ?">',
    "<textarea name=\"notes\">Ordre du jour : budget ; « vote » ?</textarea>",
    "<TEXTAREA>a : <b> : </b> ?</TEXTAREA>",
    "<script>const a = b ? c : d; if (x <y) z = « 1 »;</script>",
    '<script type="application/json">{"a": "b : c ?"}</script>',
    "<style>a :hover { color: red } p ::before { content: \"« \" }</style>",
    "<pre>Total : 3\n  ; fin ! <b>gras : oui</b></pre>",
    "<code>a ? b : c</code>",
    "<pre><code>x : y</code> z : w</pre>",
    "<!-- note : pas encore ? -->",
    "<!DOCTYPE html>",
    '<a title="x > y : z" href="/?a=1">',
])
def test_markup_and_verbatim_text_keep_their_bytes(html):
    assert french_spacing(html) == html


def test_only_the_text_around_the_markup_changes():
    html = ('<!DOCTYPE html>\n<html lang="fr"><head><title>Budget : Alpha</title>'
            "<style>a :hover{}</style></head><body><p class=\"x\">Vide : rien ;</p>"
            "<textarea>Vide : rien</textarea><pre>a : b</pre> c : d"
            '<svg><text x="1">mar. 9 h : 0</text></svg></body></html>')
    assert french_spacing(html) == (
        '<!DOCTYPE html>\n<html lang="fr"><head><title>Budget\u00a0: Alpha</title>'
        "<style>a :hover{}</style></head><body><p class=\"x\">Vide\u00a0: rien\u202f;</p>"
        "<textarea>Vide : rien</textarea><pre>a : b</pre> c\u00a0: d"
        '<svg><text x="1">mar. 9 h\u00a0: 0</text></svg></body></html>')


def test_unclosed_or_stray_markup_does_not_swallow_the_page():
    assert french_spacing("a < b : c") == "a < b\u00a0: c"
    assert french_spacing("<textarea>a : b") == "<textarea>a : b"
    assert french_spacing("</pre> a : b") == "</pre> a\u00a0: b"


@pytest.mark.parametrize(("html", "tight"), [
    ("Total : 3 ; fin !", "Total: 3; fin!"),
    ("<strong>Manque 2</strong> : absence", "<strong>Manque 2</strong>: absence"),
    ("Total\n        : 3, quoi ?", "Total: 3, quoi?"),
    # guillemets become quotes, with or without their spaces
    ("Modifier « Région » · «Oui» · «\u00a0Non\u00a0»", "Modifier “Région” · “Oui” · “Non”"),
    ("<a>« <b>Note</b> »</a>", "<a>“<b>Note</b>”</a>"),
    # times, addresses and what French spacing keeps stay as they are
    ("10:00, https://example.org/?a=1", "10:00, https://example.org/?a=1"),
    ('<p title="« a » ?"><code>« b » ?</code></p>', '<p title="« a » ?"><code>« b » ?</code></p>'),
    ('<input value="a : b"><textarea>a : b</textarea><pre>a : b</pre><script>a ? b : c</script>',
     '<input value="a : b"><textarea>a : b</textarea><pre>a : b</pre><script>a ? b : c</script>'),
])
def test_english_takes_the_space_before_high_punctuation_out_and_quotes_its_way(html, tight):
    assert english_spacing(html) == tight


@pytest.mark.parametrize(("response", "language", "spaced"), [
    (lambda: HttpResponse("<p>Total : 3</p>"), "fr", "Total\u00a0: 3"),
    (lambda: HttpResponse("<p>Total : 3</p>"), "en", "Total: 3"),
    (lambda: HttpResponse('{"a": "Total : 3"}', content_type="application/json"), "fr",
     "Total : 3"),
    (lambda: HttpResponse("Total : 3", content_type="text/plain"), "en", "Total : 3"),
    (lambda: HttpResponse("<p>Total : 3</p>", headers={
        "Content-Disposition": 'attachment; filename="page.html"'}), "fr", "Total : 3"),
    (lambda: StreamingHttpResponse(iter([b"<p>Total : 3</p>"])), "en", "Total : 3"),
])
def test_the_middleware_spaces_html_pages_as_their_language_does(response, language, spaced):
    from capacite.core.middleware import TypographyMiddleware

    with translation.override(language):
        answer = TypographyMiddleware(lambda request: response())(RequestFactory().get("/"))
    body = b"".join(answer.streaming_content) if answer.streaming else answer.content
    assert spaced in body.decode()


def test_a_french_page_gets_the_no_break_spaces_an_english_one_none(world):
    build_modest(world.cite)
    path = reverse("planning:treasury", kwargs={"cite_slug": world.cite.slug})
    query = {"funder": "REGION", "delay": "2", "cut": "0"}
    client = client_for(world)
    response = client.get(path, query)
    french = response.content.decode()
    assert ("Point bas\u00a0: \u2212147\u202f550,01\u00a0€ en octobre 2029 (au lieu de "
            "\u2212131\u202f891\u00a0€ en décembre 2029)\u202f; 28 mois sous zéro (au lieu de "
            "23).") in french
    assert "Attention — novembre 2027\u00a0: trésorerie de \u22122\u202f979,17\u00a0€" in french
    assert response["Content-Length"] == str(len(response.content))
    client.cookies["django_language"] = "en"
    english = client.get(path, query).content.decode()
    # In English the alerts and the stress test's sentence are English, with no space before
    # the colon, and no French spacing anywhere on the page.
    assert "Warning — November 2027: treasury of \u2212€2,979.17" in english
    assert ("Low point: \u2212€147,550.01 in October 2029 (instead of \u2212€131,891 in "
            "December 2029); 28 months below zero (instead of 23).") in english
    assert "\u00a0:" not in english and "\u202f;" not in english and " : " not in english


def test_an_edit_form_posted_back_as_shown_saves_the_same_text(world):
    typed_name = "Région : « Val » ?"
    typed_notes = "Ordre du jour : budget ; « vote » !\nSuite : oui ?"
    org = organisation(world, typed_name, notes=typed_notes)
    client = client_for(world)
    edit = reverse("partners:organisation_edit",
                   kwargs={"cite_slug": world.cite.slug, "organisation_id": org.pk})
    page = lxml.html.fromstring(client.get(edit).content.decode())
    form = next(f for f in page.forms if "notes" in f.fields)
    assert form.fields["notes"].strip() == typed_notes
    assert form.fields["name"] == typed_name
    response = client.post(edit, dict(form.form_values()))
    assert response.status_code == 302
    with scope(cite=world.cite):
        saved = Organisation.objects.get(pk=org.pk)
    assert (saved.name, saved.notes, saved.version) == (typed_name, typed_notes, org.version + 1)
    shown = client.get(response["Location"]).content.decode()
    assert "Région\u00a0: «\u00a0Val\u00a0»\u202f?" in shown


@pytest.mark.parametrize(("lang", "text", "title"), [
    ("fr", "Point bas\u00a0: 3\u202f; «\u00a0oui\u00a0»\u202f?", "Budget\u00a0: test"),
    ("en", "Point bas: 3; “oui”?", "Budget: test"),
])
def test_a_pdf_is_spaced_as_its_language_does(lang, text, title):
    from pypdf import PdfReader

    from capacite.lib.pdf import write_pdf

    content = write_pdf(f'<html lang="{lang}"><head><title>Budget : test</title></head>'
                        "<body><p>Point bas : 3 ; « oui » ?</p></body></html>")
    reader = PdfReader(io.BytesIO(content))
    assert (reader.pages[0].extract_text(), reader.metadata.title) == (text, title)

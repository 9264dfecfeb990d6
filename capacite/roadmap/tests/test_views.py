"""Roadmap pages: editing a task, its history, concurrent edits, evidence, rétro-planning, home."""

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from capacite.core.models import Cite, Role
from capacite.roadmap.models import BackplanTarget, Task, VigilancePoint

pytestmark = pytest.mark.django_db


def lead_client(world) -> Client:
    client = Client()
    client.force_login(world.users[Role.PROJECT_LEAD])
    return client


def task(world, key) -> Task:
    with scope(cite=world.cite):
        return Task.objects.get(key=key)


def edit_data(t: Task, **changes) -> dict:
    with scope(cite=t.cite):
        data = {
            "owner": t.owner_id or "", "due_date": t.due_date or "",
            "duration_days": t.duration_days, "status": t.status,
            "depends_on": [d.pk for d in t.depends_on.all()],
            "evidence_note": t.evidence_note, "version": t.version,
        }
    data.update(changes)
    return data


def edit_url(t: Task) -> str:
    return reverse("roadmap:task_edit", kwargs={"cite_slug": t.cite.slug, "task_id": t.pk})


def test_a_new_cite_gets_the_whole_method_as_its_roadmap(world):
    cite = Cite.objects.create(slug="gamma", name="Gamma")
    with scope(cite=cite):
        assert Task.objects.count() == 69
        assert VigilancePoint.objects.count() == 19
        note = Task.objects.get(key="rediger-note-opportunite")
        assert note.kind == "deliverable"
        assert note.depends_on.count() >= 1


def test_editing_a_task_records_who_changed_what_before_and_after(world):
    client = lead_client(world)
    t = task(world, "designer-porteur-politique")
    response = client.post(edit_url(t), edit_data(t, status="done", due_date="2027-01-15"))
    assert response.status_code == 302
    t.refresh_from_db()
    assert (t.status, t.due_date, t.version) == ("done", date(2027, 1, 15), 2)
    page = client.get(response["Location"]).content.decode().replace("\n", "")
    assert "<td>project_lead</td><td>modification</td><td>état</td><td>À faire</td><td>Fait</td>" \
        in page
    assert "<td>échéance</td><td>—</td><td>15/01/2027</td>" in page


def test_a_change_of_dependencies_is_in_the_history_by_task_title(world):
    client = lead_client(world)
    t = task(world, "realiser-diagnostic-territorial")
    first = task(world, "designer-porteur-politique")
    with scope(cite=world.cite):
        before = list(t.depends_on.order_by("pk"))
    assert first not in before
    after = sorted([*before, first], key=lambda d: d.pk)
    response = client.post(edit_url(t), edit_data(t, depends_on=[d.pk for d in after]))
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode().replace("\n", "")
    expected = (f"<td>dépend de</td><td>{', '.join(d.title for d in before)}</td>"
                f"<td>{', '.join(d.title for d in after)}</td>")
    assert expected.replace("'", "&#x27;") in page
    assert page.count("<td>dépend de</td>") == 1  # the creation recorded the initial ones


def test_the_second_of_two_concurrent_edits_is_refused_and_the_first_kept(world):
    t = task(world, "designer-porteur-politique")
    first, second = lead_client(world), Client()
    second.force_login(world.users[Role.DIRECTOR])
    opened = edit_data(t)  # both opened the form at version 1
    assert first.post(edit_url(t), {**opened, "evidence_note": "Vu le maire"}).status_code == 302
    response = second.post(edit_url(t), {**opened, "evidence_note": "Autre note"})
    assert response.status_code == 200
    assert "Quelqu&#x27;un a enregistré cette fiche pendant que vous la modifiiez." in \
        response.content.decode()
    t.refresh_from_db()
    assert (t.evidence_note, t.version) == ("Vu le maire", 2)


def test_a_dependency_loop_is_refused_with_the_tasks_named(world):
    t = task(world, "designer-porteur-politique")
    later = task(world, "rediger-note-opportunite")
    response = lead_client(world).post(edit_url(t), edit_data(t, depends_on=[later.pk]))
    assert response.status_code == 200
    assert ("Ces dépendances tournent en rond\u00a0: Identifier et mobiliser le porteur "
            "politique →") in response.content.decode().replace("&#x27;", "'")
    with scope(cite=world.cite):
        assert t.depends_on.count() == 0


def test_evidence_of_a_forbidden_type_is_refused_and_nothing_saved(world):
    t = task(world, "designer-porteur-politique")
    upload = SimpleUploadedFile("script.exe", b"MZ", content_type="application/octet-stream")
    response = lead_client(world).post(edit_url(t), {**edit_data(t), "evidence_file": upload})
    assert "Le fichier «\u00a0script.exe\u00a0» n&#x27;est pas d&#x27;un type accepté" in \
        response.content.decode()
    t.refresh_from_db()
    assert (t.evidence_file.name, t.version) == ("", 1)


def test_evidence_is_stored_under_a_generated_name_and_downloaded_with_its_own(world):
    t = task(world, "designer-porteur-politique")
    upload = SimpleUploadedFile("Lettre du maire.pdf", b"%PDF-1.4 lettre",
                                content_type="application/pdf")
    client = lead_client(world)
    client.post(edit_url(t), {**edit_data(t), "evidence_file": upload})
    t.refresh_from_db()
    assert t.evidence_file.name.startswith(f"cites/{world.cite.pk}/roadmap/")
    assert "Lettre" not in t.evidence_file.name
    response = client.get(reverse("roadmap:task_evidence",
                                  kwargs={"cite_slug": "alpha", "task_id": t.pk}))
    assert response["Content-Disposition"] == 'attachment; filename="Lettre du maire.pdf"'
    assert b"".join(response.streaming_content) == b"%PDF-1.4 lettre"


def test_setting_the_target_date_back_plans_and_flags_tasks_already_late(world):
    client = lead_client(world)
    target = task(world, "comite-label-projet")
    url = reverse("roadmap:backplan", kwargs={"cite_slug": "alpha"})
    in_a_year = timezone.localdate() + timedelta(days=365)
    response = client.post(url, {"task": target.pk, "date": in_a_year.isoformat(), "version": 0})
    assert response["Location"] == url
    page = client.get(url).content.decode()
    assert '<svg role="img" aria-labelledby="gantt-title gantt-desc"' in page
    # The guide's critical path to the label committee is 520 days: a year is not enough.
    assert "auraient déjà dû commencer." in page
    with scope(cite=world.cite):
        saved = BackplanTarget.objects.get()
    assert (saved.task_id, saved.date) == (target.pk, in_a_year)
    far = timezone.localdate() + timedelta(days=900)
    client.post(url, {"task": target.pk, "date": far.isoformat(), "version": saved.version})
    page = client.get(url).content.decode()
    assert "Aucune tâche n'a dépassé sa date de début au plus tard." in page


def test_two_people_setting_the_first_target_at_once_do_not_overwrite_each_other(world):
    url = reverse("roadmap:backplan", kwargs={"cite_slug": "alpha"})
    target = task(world, "comite-label-projet")
    first, second = lead_client(world), Client()
    second.force_login(world.users[Role.DIRECTOR])
    assert first.post(url, {"task": target.pk, "date": "2027-06-01", "version": 0}).status_code \
        == 302
    response = second.post(url, {"task": target.pk, "date": "2027-09-01", "version": 0})
    assert response.status_code == 200
    assert "Quelqu&#x27;un a enregistré cette fiche pendant que vous la modifiiez." in \
        response.content.decode()
    with scope(cite=world.cite):
        assert BackplanTarget.objects.get().date == date(2027, 6, 1)


def test_a_dependency_loop_in_stored_data_is_explained_instead_of_crashing(world):
    client = lead_client(world)
    target = task(world, "comite-label-projet")
    first = task(world, "designer-porteur-politique")
    with scope(cite=world.cite):
        BackplanTarget.objects.create(cite=world.cite, task=target, date=date(2028, 1, 1))
        first.depends_on.add(target)  # as a bad import or a concurrent edit could leave it
    expected = "Le rétro-planning ne peut pas être calculé\u00a0: ces dépendances tournent en rond"
    for name in ("roadmap:backplan", "core:cite_home"):
        response = client.get(reverse(name, kwargs={"cite_slug": "alpha"}))
        assert response.status_code == 200
        assert expected in response.content.decode()


def test_the_home_answers_phase_late_next_risks_and_dates(world):
    today = timezone.localdate()
    with scope(cite=world.cite):
        Task.objects.filter(key="designer-porteur-politique").update(
            due_date=today - timedelta(days=3))
        Task.objects.filter(key="decider-poursuite-projet").update(
            due_date=today + timedelta(days=20))
    client = lead_client(world)
    page = client.get(reverse("core:cite_home", kwargs={"cite_slug": "alpha"})).content.decode()
    late = page.split("<h2>En retard</h2>")[1].split("</div>")[0]
    assert "Identifier et mobiliser le porteur politique" in late
    assert f"échéance dépassée ({(today - timedelta(days=3)):%d/%m/%Y})" in late
    meeting = page.split("Prochain moment de validation</dt>")[1].split("</dd>")[0]
    assert f"{(today + timedelta(days=20)):%d/%m/%Y}" in meeting
    nxt = page.split("<h2>À faire ensuite</h2>")[1].split("</div>")[0]
    # The only task ready to start is late (listed there, not here): « À faire ensuite » still
    # says what comes next, soonest due first, rather than « aucune » beside the late one.
    titles = [li.split("</a>")[0].rsplit(">", 1)[1] for li in nxt.split("<li>")[1:]]
    assert "Identifier et mobiliser le porteur politique" not in titles
    assert titles[0] == "Décider de poursuivre le projet"
    assert len(titles) == 5
    deadline = page.split("Prochaine échéance</dt>")[1].split("</dd>")[0]
    assert "Décider de poursuivre le projet" not in deadline  # shown once, as the validation
    with scope(cite=world.cite):
        Task.objects.filter(key="designer-porteur-politique").update(status="done")
    page = client.get(reverse("core:cite_home", kwargs={"cite_slug": "alpha"})).content.decode()
    nxt = page.split("<h2>À faire ensuite</h2>")[1].split("</div>")[0]
    titles = [li.split("</a>")[0].rsplit(">", 1)[1] for li in nxt.split("<li>")[1:]]
    # Ready to start first (both prerequisites done), then the dated validation.
    assert titles[:3] == ["Cadrer la mission du porteur de projet",
                          "Convaincre les partenaires du premier cercle",
                          "Décider de poursuivre le projet"]
    assert "Points de vigilance ouverts" in page
    assert "<p class=\"big\">Construction</p>" in page


def test_the_roadmap_list_costs_the_same_queries_for_few_or_many_tasks(world):
    client = lead_client(world)
    url = reverse("roadmap:roadmap", kwargs={"cite_slug": "alpha"})
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as many:
        client.get(url)
    with scope(cite=world.cite):
        Task.objects.exclude(
            key__in=["designer-porteur-politique", "cadrer-mission-porteur-projet"]
        ).delete()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    assert (len(many), len(few)) == (11, 11)


def test_a_vigilance_point_is_marked_under_control_with_the_measures_taken(world):
    with scope(cite=world.cite):  # a manual point: the measured ones follow the data
        point = VigilancePoint.objects.get(key="mission-porteur-mal-cadree")
    url = reverse("roadmap:vigilance_edit", kwargs={"cite_slug": "alpha", "point_id": point.pk})
    response = lead_client(world).post(url, {"status": "controlled",
                                             "note": "Délibération votée", "version": 1})
    assert response.status_code == 302
    point.refresh_from_db()
    assert (point.status, point.note) == ("controlled", "Délibération votée")


def test_marking_a_task_done_before_its_dependencies_asks_why_and_keeps_the_reason(world):
    client = lead_client(world)
    t = task(world, "decider-poursuite-projet")
    response = client.post(edit_url(t), edit_data(t, status="done"))
    assert response.status_code == 200
    page = " ".join(response.content.decode().split())
    assert ("Ces tâches dont elle dépend ne sont pas faites : « Constituer le comité de suivi "
            "technique », « Organiser des visites de Cités des métiers existantes », « Rédiger "
            "la note d&#x27;opportunité ».") in page
    t.refresh_from_db()
    assert t.status == "todo"
    response = client.post(edit_url(t), edit_data(t, status="done",
                                                  reason="Validé en bureau exécutif"))
    assert response.status_code == 302
    page = " ".join(client.get(response["Location"]).content.decode().split())
    assert "<td>raison</td><td colspan=\"3\">Validé en bureau exécutif</td>" in page


def test_an_html_page_named_pdf_is_refused_and_nothing_saved(world):
    """Issue 13, point 17: the extension said PDF, the content was a web page."""
    t = task(world, "designer-porteur-politique")
    upload = SimpleUploadedFile("Lettre du maire.pdf", b"<html><script>alert(1)</script>",
                                content_type="application/pdf")
    response = lead_client(world).post(edit_url(t), {**edit_data(t), "evidence_file": upload})
    assert response.context["form"].errors["evidence_file"] == [
        "Le contenu du fichier « Lettre du maire.pdf » n'est pas celui d'un fichier PDF : "
        "enregistrez-le de nouveau au bon format depuis le logiciel qui l'a produit."]
    t.refresh_from_db()
    assert (t.evidence_file.name, t.version) == ("", 1)


def test_the_backplan_chart_draws_one_bar_per_planned_task_under_its_phase(world):
    import xml.etree.ElementTree as ET

    target = task(world, "comite-label-projet")
    with scope(cite=world.cite):
        BackplanTarget.objects.create(cite=world.cite, task=target, date=date(2030, 1, 7))
    page = lead_client(world).get(
        reverse("roadmap:backplan", kwargs={"cite_slug": "alpha"})).content.decode()
    svg = ET.fromstring(page[page.index("<svg role"):page.index("</svg>") + 6])
    ns = "{http://www.w3.org/2000/svg}"
    headings = [g.find(f"{ns}text").text for g in svg.iter(f"{ns}g")
                if g.attrib.get("class") == "gantt-group"]
    bars = [r.find(f"{ns}title").text for r in svg.iter(f"{ns}rect")
            if r.find(f"{ns}title") is not None]
    assert headings == ["Émergence", "Construction"]
    assert len(bars) == page.count('<tr class="late">') + page.count("<tr>") - 1 == 37
    assert bars[-1] == ("Obtenir le label projet en comité national de labellisation\u00a0: "
                        "08/11/2029 – 07/01/2030")


def test_the_method_texts_are_in_english_when_the_interface_is(world):
    client = lead_client(world)
    t = task(world, "designer-porteur-politique")
    url = reverse("roadmap:task_detail", kwargs={"cite_slug": t.cite.slug, "task_id": t.pk})
    french = client.get(url).content.decode()
    assert "<h1>Identifier et mobiliser le porteur politique</h1>" in french
    client.cookies["django_language"] = "en"
    english = client.get(url).content.decode()
    assert "<h1>Identify and win over the political sponsor</h1>" in english
    assert ("<p>Secure the commitment of an elected official (Region, Département, municipality "
            "or inter-municipal body") in english
    assert "porteur politique" not in english
    roadmap = client.get(reverse("roadmap:roadmap", kwargs={"cite_slug": t.cite.slug}))
    page = roadmap.content.decode()
    assert '<h2 id="phase-1">Phase 1 — Project emergence</h2>' in page
    assert "Objective: Assess whether the project is worth undertaking." in page
    assert ">Have a mentor appointed</a>" in page
    points = client.get(reverse("roadmap:vigilance", kwargs={"cite_slug": t.cite.slug}))
    assert "<h3>Missing or weak political leadership</h3>" in points.content.decode()


def test_a_method_text_the_cite_changed_stays_as_typed_in_english(world):
    client = lead_client(world)
    client.cookies["django_language"] = "en"
    t = task(world, "designer-porteur-politique")
    with scope(cite=world.cite):
        Task.objects.filter(pk=t.pk).update(title="Trouver notre élu")
    url = reverse("roadmap:task_detail", kwargs={"cite_slug": t.cite.slug, "task_id": t.pk})
    assert "<h1>Trouver notre élu</h1>" in client.get(url).content.decode()

def test_a_task_marked_done_keeps_the_day_it_was_done_and_forgets_it_when_reopened(world):
    client = lead_client(world)
    t = task(world, "designer-porteur-politique")
    client.post(edit_url(t), edit_data(t, status="done"))
    t.refresh_from_db()
    assert (t.status, t.done_on) == ("done", timezone.localdate())
    # Edited again without a date, it keeps its day; a day to come is refused.
    client.post(edit_url(t), edit_data(t, evidence_note="Lettre signée"))
    t.refresh_from_db()
    assert (t.evidence_note, t.done_on) == ("Lettre signée", timezone.localdate())
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(edit_url(t), edit_data(t, done_on=tomorrow.isoformat()))
    assert response.context["form"].errors["done_on"] == [
        "Cette date est à venir : une tâche ne peut être faite qu'aujourd'hui ou avant."]
    client.post(edit_url(t), edit_data(t, status="in_progress"))
    t.refresh_from_db()
    assert (t.status, t.done_on) == ("in_progress", None)


def test_the_backplan_shows_the_day_each_done_task_was_done_late_ones_flagged(world):
    import xml.etree.ElementTree as ET

    target = task(world, "comite-label-projet")
    with scope(cite=world.cite):
        BackplanTarget.objects.create(cite=world.cite, task=target, date=date(2030, 1, 7))
        done = Task.objects.get(key="designer-porteur-politique")
        done.status, done.due_date, done.done_on = "done", date(2026, 3, 2), date(2026, 3, 10)
        done.save()
    page = lead_client(world).get(
        reverse("roadmap:backplan", kwargs={"cite_slug": "alpha"})).content.decode()
    svg = ET.fromstring(page[page.index("<svg role"):page.index("</svg>") + 6])
    ns = "{http://www.w3.org/2000/svg}"
    markers = [(g.find(f"{ns}path").attrib["fill"], g.find(f"{ns}path").find(f"{ns}title").text,
                g.find(f"{ns}text").text)
               for g in svg.iter(f"{ns}g") if g.attrib.get("class") == "gantt-done"]
    assert markers == [("#ce0500", "Identifier et mobiliser le porteur politique\u00a0: faite en "
                        "retard le 10/03/2026 (échéance 02/03/2026)",
                        "faite en retard le 10/03/2026")]
    row = page[page.index(">Identifier et mobiliser le porteur politique</a>"):]
    row = " ".join(row[:row.index("</tr>")].split())
    assert ('<td>10/03/2026 <strong class="tag-late" data-testid="done-late">après '
            "l'échéance</strong></td>") in row

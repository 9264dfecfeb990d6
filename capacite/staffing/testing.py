"""Sample objects for tests/test_permission_matrix.py (after offer's: its site is reused)."""

from datetime import date

from capacite.offer.models import Site
from capacite.staffing import services
from capacite.staffing.models import JobDescription, StaffMember


def sample_kwargs(cite) -> dict:
    site = Site.objects.order_by("pk").first()
    job = JobDescription.objects.create(cite=cite, title="Conseiller ou conseillère",
                                        function="counselling")
    member = StaffMember.objects.create(
        cite=cite, name="Alex Exemple", job=job, weekly_hours=20,
        availability={"1": "10:00-18:00"}, desks=["reception"])
    run = services.solve_run_greedy(services.new_run(site=site, week_start=date(2027, 3, 1)))
    return {"post_id": job.pk, "staff_id": member.pk, "run_id": run.pk}

from django.urls import path

from capacite.staffing import views

app_name = "staffing"

urlpatterns = [
    path("", views.team, name="team"),
    path("fiches-de-poste/nouvelle/", views.job_edit, name="job_add"),
    path("fiches-de-poste/<int:post_id>/", views.job_edit, name="job_edit"),
    path("membres/nouveau/", views.member_edit, name="member_add"),
    path("membres/<int:staff_id>/", views.member_edit, name="member_edit"),
    path("organigramme/", views.org_chart, name="org_chart"),
    path("organigramme.svg", views.org_chart_svg_file, name="org_chart_svg"),
    path("besoins/<int:site_id>/", views.demand, name="demand"),
    path("plannings/", views.rosters, name="rosters"),
    path("plannings/<int:run_id>/", views.run_detail, name="run"),
    path("plannings/<int:run_id>/retouche/", views.run_edit, name="run_edit"),
    path("plannings/<int:run_id>/recalculer/", views.run_resolve, name="run_resolve"),
    path("plannings/<int:run_id>/planning.pdf", views.run_pdf, name="run_pdf"),
    path("plannings/<int:run_id>/planning.xlsx", views.run_xlsx, name="run_xlsx"),
    path("plannings/<int:run_id>/agenda/<int:staff_id>.ics", views.run_ics, name="run_ics"),
    path("mon-planning/", views.my_schedule, name="my_schedule"),
    path("mon-planning.ics", views.my_ics, name="my_ics"),
    path("heures-des-partenaires/", views.partner_hours, name="partner_hours"),
]

from django.urls import path

from capacite.roadmap import views

app_name = "roadmap"

urlpatterns = [
    path("", views.roadmap, name="roadmap"),
    path("taches/<int:task_id>/", views.task_detail, name="task_detail"),
    path("taches/<int:task_id>/modifier/", views.task_edit, name="task_edit"),
    path("taches/<int:task_id>/piece/", views.task_evidence, name="task_evidence"),
    path("retro-planning/", views.backplan, name="backplan"),
    path("vigilance/", views.vigilance, name="vigilance"),
    path("vigilance/<int:point_id>/", views.vigilance_edit, name="vigilance_edit"),
    path("vigilance/ajouter/", views.vigilance_add, name="vigilance_add"),
]

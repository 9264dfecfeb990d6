from django.urls import path

from capacite.premises import views

app_name = "premises"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("programme/", views.programme_edit, name="programme_edit"),
    path("envisages/ajouter/", views.candidate_add, name="candidate_add"),
    path("envisages/<int:candidate_id>/", views.candidate_detail, name="candidate_detail"),
    path("envisages/<int:candidate_id>/modifier/", views.candidate_edit, name="candidate_edit"),
    path("envisages/<int:candidate_id>/retenir/", views.candidate_choose,
         name="candidate_choose"),
    path("envisages/<int:candidate_id>/plan/", views.candidate_plan, name="candidate_plan"),
    # Last: the permission matrix test deletes the sample candidate here.
    path("envisages/<int:candidate_id>/supprimer/", views.candidate_delete,
         name="candidate_delete"),
]

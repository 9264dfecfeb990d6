from django.urls import path

from capacite.premises import views, views_fitted

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
    # The premises as built (issue 16).
    path("espaces-amenages/", views_fitted.spaces, name="spaces"),
    path("espaces-amenages/<int:fitted_space_id>/", views_fitted.space_edit, name="space_edit"),
    path("espaces-amenages/<int:fitted_space_id>/photo/", views_fitted.photo_add,
         name="photo_add"),
    path("photos/<int:space_photo_id>/", views_fitted.photo, name="photo"),
    # Last: the permission matrix test deletes the sample candidate here.
    path("envisages/<int:candidate_id>/supprimer/", views.candidate_delete,
         name="candidate_delete"),
]

from django.urls import path

from capacite.offer import views

app_name = "offer"

urlpatterns = [
    path("poles/", views.poles, name="poles"),
    path("poles/<int:pole_id>/", views.pole_edit, name="pole_edit"),
    path("poles/<int:pole_id>/supprimer/", views.pole_delete, name="pole_delete"),
    path("sites/", views.sites, name="sites"),
    path("sites/<int:site_id>/", views.site_detail, name="site_detail"),
    path("sites/<int:site_id>/modifier/", views.site_edit, name="site_edit"),
    path("sites/<int:site_id>/semaine/", views.site_week, name="site_week"),
    path("sites/<int:site_id>/exceptions/", views.site_exception_add, name="site_exception_add"),
    path("sites/<int:site_id>/fermetures/", views.site_closure_add, name="site_closure_add"),
    path("exceptions/<int:exception_id>/supprimer/", views.site_exception_delete,
         name="site_exception_delete"),
    path("fermetures/<int:closure_id>/supprimer/", views.site_closure_delete,
         name="site_closure_delete"),
]

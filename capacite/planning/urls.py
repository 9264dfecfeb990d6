from django.urls import path

from capacite.planning import views, views_acts

app_name = "planning"

urlpatterns = [
    path("scenarios/", views.scenarios, name="scenarios"),
    path("scenarios/<int:scenario_id>/", views.scenario_edit, name="scenario_edit"),
    path("scenarios/<int:scenario_id>/copier/", views.scenario_copy, name="scenario_copy"),
    path("scenarios/<int:scenario_id>/etp/", views.scenario_fte, name="scenario_fte"),
    path("scenarios/<int:scenario_id>/budget/", views.scenario_budget, name="scenario_budget"),
    path("scenarios/<int:scenario_id>/ressources/", views.scenario_resources,
         name="scenario_resources"),
    path("apports/<int:scenario_contribution_id>/", views.contribution_edit,
         name="contribution_edit"),
    path("scenarios/<int:scenario_id>/charges/", views.charge_add, name="charge_add"),
    path("scenarios/<int:scenario_id>/retenir/", views.scenario_choose, name="scenario_choose"),
    path("charges/<int:charge_id>/", views.charge_edit, name="charge_edit"),
    path("comparaison/", views.comparison, name="comparison"),
    path("comparaison.xlsx", views.comparison_xlsx, name="comparison_xlsx"),
    path("comparaison.pdf", views.comparison_pdf, name="comparison_pdf"),
    path("financements/", views.funding, name="funding"),
    path("financements/<int:funder_id>/", views.funder_edit, name="funder_edit"),
    path("financements/<int:funder_id>/lignes/", views.funding_line_add,
         name="funding_line_add"),
    path("lignes/<int:line_id>/", views.funding_line_edit, name="funding_line_edit"),
    # Actes d'engagement financier (issue 16).
    path("lignes/<int:line_id>/acte/", views_acts.funding_act, name="funding_act"),
    path("lignes/<int:line_id>/acte/fichier/", views_acts.funding_act_file,
         name="funding_act_file"),
    path("lignes/<int:line_id>/versements/", views.disbursement_add, name="disbursement_add"),
    path("versements/<int:disbursement_id>/supprimer/", views.disbursement_delete,
         name="disbursement_delete"),
    path("investissements/", views.investments, name="investments"),
    path("investissements/<int:investment_id>/", views.investment_edit,
         name="investment_edit"),
    path("parametres/", views.planning_settings, name="settings"),
    path("tresorerie/", views.treasury, name="treasury"),
]

"""The people app's URLs: they live under several prefixes (the authority's, a Cité's, the
account's), so the full paths are written here and the project includes them at the root."""

from django.urls import path

from capacite.people.views import accounts, members, personal, start

app_name = "people"

urlpatterns = [
    path("autorite/cites/nouvelle/", start.authority_start, name="start"),
    path("autorite/personnes/", accounts.accounts, name="accounts"),
    path("autorite/personnes/<int:user_id>/anonymiser/", accounts.anonymise, name="anonymise"),
    path("commencer/", start.self_start, name="self_start"),
    path("invitation/<str:token>/", start.accept, name="accept"),
    path("compte/mes-donnees/", personal.my_data, name="my_data"),
    path("compte/mes-donnees/export.json", personal.my_data_export, name="my_data_export"),
    path("c/<slug:cite_slug>/membres/", members.members, name="members"),
    path("c/<slug:cite_slug>/membres/inviter/", members.invite, name="invite"),
    path("c/<slug:cite_slug>/membres/<int:membership_id>/", members.member_edit,
         name="member_edit"),
    path("c/<slug:cite_slug>/membres/invitations/<int:invitation_id>/annuler/",
         members.invitation_cancel, name="invitation_cancel"),
]

"""A person's own data: what capacite holds about them, on a page and as a file (GDPR art. 15)."""

import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from capacite.people.personal_data import personal_data


def my_data(request: HttpRequest) -> HttpResponse:
    return render(request, "people/my_data.html", {"data": personal_data(request.user)})


def my_data_export(request: HttpRequest) -> HttpResponse:
    """The same, as one JSON file anybody can open and keep."""
    data = personal_data(request.user).as_json()
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=2),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mes-donnees-capacite.json"'
    return response

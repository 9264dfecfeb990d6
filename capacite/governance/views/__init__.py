"""Governance pages. The middleware has checked the permission matrix and opened the Cité's
scope: every query here only sees the current Cité, and another Cité's id gives a 404."""

from django.urls import reverse


def back_url(url_name: str, cite_slug: str, **kwargs) -> str:
    """The page a form goes back to, inside the current Cité."""
    return reverse(url_name, kwargs={"cite_slug": cite_slug, **kwargs})

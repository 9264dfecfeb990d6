"""`{% link_to %}` and `{% may_write %}`: links and forms shown only to who may use them.

Loaded in every template (settings: TEMPLATES builtins), so a template needs no `{% load %}`:

    {% link_to "partners:organisation_add" as add_url %}
    {% if add_url %}<a href="{{ add_url }}">…</a>{% endif %}
"""

from django import template

from capacite.core.links import link_for, may_open
from capacite.core.permissions import Level

register = template.Library()


@register.simple_tag(takes_context=True)
def link_to(context, url_name: str, *args) -> str:
    """The address of `url_name` (current Cité first, then `args`), or "" if the reader may not
    open it; see `capacite.core.links.link_for`."""
    return link_for(context["request"], url_name, *args)


@register.simple_tag(takes_context=True)
def may_write(context, url_name: str) -> bool:
    """Whether the reader may send the forms of `url_name` (for forms shown inline)."""
    return may_open(context["request"], url_name, level=Level.WRITE)

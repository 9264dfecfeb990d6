"""Template helpers of the partnership map."""

from django import template

register = template.Library()


def choice_labels(values: list[str], choices) -> list[str]:
    """The display labels of stored choice values, in the choices' order; unknown ones kept."""
    labels = dict(choices.choices)
    known = [str(label) for value, label in choices.choices if value in values]
    return known + [v for v in values if v not in labels]


@register.filter
def stance_class(stance: str | None) -> str:
    return f"stance stance-{stance or 'unknown'}"


@register.simple_tag(takes_context=True)
def may_write(context, url_name: str) -> bool:
    """Whether the person may write on `url_name` in the current Cité (for links to forms
    shown on pages they only read)."""
    from capacite.core.permissions import Level, level_for

    roles = getattr(context["request"], "cite_roles", set())
    return level_for(url_name, roles) >= Level.WRITE

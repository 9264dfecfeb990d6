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

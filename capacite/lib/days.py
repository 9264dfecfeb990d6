"""Working days: Monday to Friday, not a French public holiday (`holidays` package).

The demo places its meetings and workshop sessions on such days, and its coherence test checks
them with the same function (issue 17: a comité de pilotage on a Sunday, a workshop on 1 May).
"""

from datetime import date, datetime, timedelta

from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext

# Monday (0) to Sunday in the language of whoever reads them (« lundi », « Monday »): lazy, so
# a form's labels and a page's days follow the page's language.
WEEKDAY_NAMES = tuple(WEEKDAYS[day] for day in range(7))


def day_and_time(moment: datetime) -> str:
    """« 03/04/2026 à 10:00 » (« 03/04/2026 at 10:00 » in English): the date as dd/mm/yyyy
    everywhere, the joining word in the reader's language."""
    return gettext("%(day)s à %(time)s") % {"day": f"{moment:%d/%m/%Y}",
                                            "time": f"{moment:%H:%M}"}


def is_working_day(day: date) -> bool:
    import holidays

    return day.weekday() < 5 and day not in holidays.country_holidays("FR", years=day.year)


def working_day_before(day: date) -> date:
    """`day` itself when it is a working day, else the closest working day before it."""
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def working_day_after(day: date) -> date:
    """`day` itself when it is a working day, else the closest working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day

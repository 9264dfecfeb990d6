"""Working days: Monday to Friday, not a French public holiday (`holidays` package).

The demo places its meetings and workshop sessions on such days, and its coherence test checks
them with the same function (issue 17: a comité de pilotage on a Sunday, a workshop on 1 May).
"""

from datetime import date, timedelta

from django.utils.dates import WEEKDAYS

# Monday (0) to Sunday in the language of whoever reads them (« lundi », « Monday »): lazy, so
# a form's labels and a page's days follow the page's language.
WEEKDAY_NAMES = tuple(WEEKDAYS[day] for day in range(7))


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
